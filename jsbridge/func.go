package jsbridge

import (
	"fmt"

	"github.com/dop251/goja"
)

// Func wraps a Go binding so that a Go panic inside it (a bug, or a library
// that panics on bad input) becomes a thrown JS Error instead of a crash of
// the process. JS exceptions thrown by the binding pass through unchanged.
// The function is anonymous, as a JS function expression is; NamedFunc and
// SetFuncs give it a name.
func (e *Env) Func(fn func(call goja.FunctionCall) goja.Value) goja.Value {
	return e.NamedFunc("", fn)
}

// NamedFunc is Func for a function called name: its name property, and what
// stack traces show for it (`at readFile (native)`), as for Node's
// built-in functions. (goja would name it after the Go symbol of the
// wrapper.)
func (e *Env) NamedFunc(name string, fn func(call goja.FunctionCall) goja.Value) goja.Value {
	f := e.VM.ToValue(func(call goja.FunctionCall) goja.Value {
		defer e.recoverGoPanic()
		return fn(call)
	})
	return e.named(f, name)
}

// Constructor wraps a Go constructor the way Func wraps a function; it is
// anonymous too.
func (e *Env) Constructor(fn func(call goja.ConstructorCall) *goja.Object) goja.Value {
	f := e.VM.ToValue(func(call goja.ConstructorCall) *goja.Object {
		defer e.recoverGoPanic()
		return fn(call)
	})
	return e.named(f, "")
}

// SetFuncs defines each function of fns on obj, wrapped with Func and named
// as the property it is set on.
func (e *Env) SetFuncs(obj *goja.Object, fns map[string]func(call goja.FunctionCall) goja.Value) {
	for name, fn := range fns {
		if err := obj.Set(name, e.NamedFunc(name, fn)); err != nil {
			panic(err)
		}
	}
}

// named sets the name property of the function f (configurable and
// read-only, as for every JS function) and returns f.
func (e *Env) named(f goja.Value, name string) goja.Value {
	if err := f.(*goja.Object).DefineDataProperty("name", e.VM.ToValue(name), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE); err != nil {
		panic(err)
	}
	return f
}

func (e *Env) recoverGoPanic() {
	x := recover()
	if x == nil {
		return
	}
	switch x.(type) {
	case goja.Value, *goja.Exception, *goja.InterruptedError, *goja.StackOverflowError:
		panic(x)
	}
	panic(e.NewError(fmt.Sprintf("internal error in a Go binding: %v", x)))
}

// Recover converts a Go panic on a goroutine started by a binding into a
// reported error instead of a crash. Use it as `defer env.Recover(report)`;
// report runs on the calling goroutine and must only Post to the loop.
func Recover(report func(err error)) {
	if x := recover(); x != nil {
		report(fmt.Errorf("internal error: %v", x))
	}
}
