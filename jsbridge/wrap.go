package jsbridge

import (
	"reflect"
	"slices"

	"github.com/dop251/goja"
)

// goValue is the hidden property that holds the Go object behind a JS
// object that Wrap was given (a credentials' context, a hash's state).
var goValue = goja.NewSymbol("gojatls.go")

// NewWrapped makes a JS object with the given prototype (nil for a plain
// object) that carries v, for Unwrap to find again. v is not a property:
// scripts cannot see or change it.
//
// The object is a goja dynamic object over v: a handle made for every
// connection costs a few small allocations, not an ordinary object with a
// hidden property. Its own properties (rare: its methods live on the
// prototype) are ordinary to read, write, enumerate and delete, but are
// always writable, enumerable and configurable: defining one otherwise
// fails, as does freezing the object.
func (e *Env) NewWrapped(proto *goja.Object, v any) *goja.Object {
	obj := e.VM.NewDynamicObject(&wrapped{v: v})
	if proto != nil {
		obj.SetPrototype(proto)
	}
	return obj
}

// wrapped is the goja.DynamicObject behind a NewWrapped object: the Go
// value, and the object's own properties in the order they were added.
type wrapped struct {
	v     any
	props map[string]goja.Value
	keys  []string
}

var wrappedType = reflect.TypeFor[*wrapped]()

func (w *wrapped) Get(key string) goja.Value { return w.props[key] }

func (w *wrapped) Set(key string, val goja.Value) bool {
	if w.props == nil {
		w.props = map[string]goja.Value{}
	}
	if _, ok := w.props[key]; !ok {
		w.keys = append(w.keys, key)
	}
	w.props[key] = val
	return true
}

func (w *wrapped) Has(key string) bool {
	_, ok := w.props[key]
	return ok
}

func (w *wrapped) Delete(key string) bool {
	if _, ok := w.props[key]; ok {
		delete(w.props, key)
		w.keys = slices.DeleteFunc(w.keys, func(k string) bool { return k == key })
	}
	return true
}

func (w *wrapped) Keys() []string { return slices.Clone(w.keys) }

// Wrap attaches v to an existing JS object (see NewWrapped) as a hidden
// property: not enumerable, not writable, not visible to scripts by name.
func (e *Env) Wrap(obj *goja.Object, v any) {
	if err := obj.DefineDataPropertySymbol(goValue, e.VM.ToValue(v), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
		panic(err)
	}
}

// Unwrap returns the Go object of type T that NewWrapped or Wrap attached
// to v; ok is false when v is not such an object.
func Unwrap[T any](v goja.Value) (T, bool) {
	var zero T
	obj, ok := v.(*goja.Object)
	if !ok {
		return zero, false
	}
	if obj.ExportType() == wrappedType {
		t, ok := obj.Export().(*wrapped).v.(T)
		return t, ok
	}
	inner := obj.GetSymbol(goValue)
	if inner == nil {
		return zero, false
	}
	t, ok := inner.Export().(T)
	return t, ok
}

// MustUnwrap is Unwrap for a binding's `this` or argument: a wrong object
// throws a TypeError naming what was expected.
func MustUnwrap[T any](e *Env, v goja.Value, what string) T {
	t, ok := Unwrap[T](v)
	if !ok {
		e.ThrowTypeError("%s expected", what)
	}
	return t
}
