package jsbridge

import (
	"github.com/dop251/goja"
)

// goValue is the hidden property that holds the Go object behind a JS
// object (a socket's connection, a credentials' context, a hash's state).
var goValue = goja.NewSymbol("gojatls.go")

// NewWrapped makes a JS object with the given prototype (nil for a plain
// object) that carries v, for Unwrap to find again. The property is hidden:
// not enumerable, not writable, not visible to scripts by name.
func (e *Env) NewWrapped(proto *goja.Object, v any) *goja.Object {
	obj := e.VM.NewObject()
	if proto != nil {
		obj.SetPrototype(proto)
	}
	e.Wrap(obj, v)
	return obj
}

// Wrap attaches v to an existing JS object (see NewWrapped).
func (e *Env) Wrap(obj *goja.Object, v any) {
	if err := obj.DefineDataPropertySymbol(goValue, e.VM.ToValue(v), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
		panic(err)
	}
}

// Unwrap returns the Go object of type T that Wrap attached to v; ok is false
// when v is not such an object.
func Unwrap[T any](v goja.Value) (T, bool) {
	var zero T
	obj, ok := v.(*goja.Object)
	if !ok {
		return zero, false
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
