package vm

import (
	"errors"

	"github.com/dop251/goja"
)

// context is one vm context: a goja runtime of its own, with its own
// global object and built-ins (Object, Array, Error...), run on the loop
// goroutine like the script's runtime. As in Node 0.7 (node_script.cc),
// the sandbox's properties are copied onto the context's global before
// each run and the global's properties are copied back onto the sandbox
// after it; objects cross through the membrane.
type context struct {
	rt *goja.Runtime
	m  *membrane
}

// newContext makes a context of rt, a runtime made by the host (so that
// process.exit() and the embedder's cancellation interrupt its JS too).
func newContext(main, rt *goja.Runtime) *context {
	return &context{rt: rt, m: newMembrane(main, rt)}
}

// run runs prog in the context with sandbox's properties as globals, then
// copies the globals back onto sandbox. As in Node 0.7 nothing is copied
// back when the code throws. A thrown error comes back as an error of the
// script's runtime (see importError).
func (c *context) run(b *binding, prog *goja.Program, sandbox *goja.Object, breakOnSigint bool) goja.Value {
	global := c.rt.GlobalObject()
	for _, k := range sandbox.Keys() {
		if err := global.Set(k, c.m.intoCtx(sandbox.Get(k))); err != nil {
			panic(err)
		}
	}
	res, err := b.run(c.rt, prog, breakOnSigint)
	if err != nil {
		b.throw(c.importError(b, err))
	}
	for _, k := range global.Keys() {
		if err := sandbox.Set(k, c.m.intoMain(global.Get(k))); err != nil {
			panic(err)
		}
	}
	return c.m.intoMain(res)
}

// importError turns what the context's code threw into what the script
// sees. An Error made in the context becomes an error of the script's
// runtime with the same constructor name, message, own properties and
// stack text, and the context's stack frames go to the runtime's
// uncaught-exception report (so it names the vm file and line). Other
// values cross the membrane; interrupts stay as they are.
func (c *context) importError(b *binding, err error) error {
	var ex *goja.Exception
	if !errors.As(err, &ex) {
		return err
	}
	val := ex.Value()
	obj, ok := val.(*goja.Object)
	if !ok || !isErrorOf(c.rt, obj) {
		return jsError{c.m.intoMain(val)}
	}
	main := c.m.main
	ctor := main.Get("Error")
	if name := obj.Get("name"); name != nil {
		if native, ok := main.Get(name.String()).(*goja.Object); ok && isErrorConstructor(main, native) {
			ctor = native
		}
	}
	e, nerr := main.New(ctor, obj.Get("message"))
	if nerr != nil {
		return nerr
	}
	for _, k := range obj.Keys() {
		_ = e.Set(k, c.m.intoMain(obj.Get(k)))
	}
	_ = e.DefineDataProperty("stack", obj.Get("stack"), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	b.host.AddErrorFrames(e, ex.Stack())
	return jsError{e}
}

// jsError carries a value of the script's runtime to throw.
type jsError struct{ v goja.Value }

func (e jsError) Error() string { return e.v.String() }

// isErrorOf reports whether obj inherits from rt's Error.prototype.
func isErrorOf(rt *goja.Runtime, obj *goja.Object) bool {
	return inChain(obj.Prototype(), errorPrototype(rt))
}

// isErrorConstructor reports whether ctor is Error or one of its
// subclasses in rt (TypeError, ReferenceError...).
func isErrorConstructor(rt *goja.Runtime, ctor *goja.Object) bool {
	proto, ok := ctor.Get("prototype").(*goja.Object)
	return ok && inChain(proto, errorPrototype(rt))
}

func errorPrototype(rt *goja.Runtime) *goja.Object {
	return rt.Get("Error").ToObject(rt).Get("prototype").ToObject(rt)
}

// inChain reports whether target is start or one of its prototypes.
func inChain(start, target *goja.Object) bool {
	for p := start; p != nil; p = p.Prototype() {
		if p == target {
			return true
		}
	}
	return false
}
