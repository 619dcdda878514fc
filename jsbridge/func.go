package jsbridge

import (
	"fmt"

	"github.com/dop251/goja"
)

// Func wraps a Go binding so that a Go panic inside it (a bug, or a library
// that panics on bad input) becomes a thrown JS Error instead of a crash of
// the process. JS exceptions thrown by the binding pass through unchanged.
func (e *Env) Func(fn func(call goja.FunctionCall) goja.Value) goja.Value {
	return e.VM.ToValue(func(call goja.FunctionCall) goja.Value {
		defer e.recoverGoPanic()
		return fn(call)
	})
}

// Constructor wraps a Go constructor the way Func wraps a function.
func (e *Env) Constructor(fn func(call goja.ConstructorCall) *goja.Object) goja.Value {
	return e.VM.ToValue(func(call goja.ConstructorCall) *goja.Object {
		defer e.recoverGoPanic()
		return fn(call)
	})
}

// SetFuncs defines each function of fns on obj, wrapped with Func.
func (e *Env) SetFuncs(obj *goja.Object, fns map[string]func(call goja.FunctionCall) goja.Value) {
	for name, fn := range fns {
		if err := obj.Set(name, e.Func(fn)); err != nil {
			panic(err)
		}
	}
}

func (e *Env) recoverGoPanic() {
	x := recover()
	if x == nil {
		return
	}
	switch x.(type) {
	case goja.Value, *goja.Exception, *goja.InterruptedError:
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
