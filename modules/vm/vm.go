// Package vm is Node's vm module: compiling code under a file name of its
// own, and running it in the script's global context or in contexts of
// their own (a separate goja runtime each, on the same event loop).
package vm

import (
	_ "embed"
	"errors"
	"os"
	"os/signal"
	"strconv"
	"sync"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

//go:embed vm.js
var source string

// Module is Node's vm module.
var Module = &jsbridge.Module{Name: "vm", JS: source, Native: native}

// scriptHost is what vm needs of the runtime beyond jsbridge.Host:
// compiling with error reports that show the vm file's lines, and the
// frames of errors thrown in a context. *runtime.Runtime implements it.
type scriptHost interface {
	CompileScript(filename, source string) *goja.Program
	AddErrorFrames(err *goja.Object, frames []goja.StackFrame)
}

type binding struct {
	e    *jsbridge.Env
	host scriptHost
	// contextKey holds a context object's Go state; a symbol, so that the
	// copies between sandbox and global never see it.
	contextKey *goja.Symbol
}

// sigintInterrupt is the interrupt value of a run that SIGINT broke.
type sigintInterrupt struct{}

func native(e *jsbridge.Env, obj *goja.Object) {
	vm := e.VM
	host, ok := e.Host().(scriptHost)
	if !ok {
		panic(vm.NewGoError(errors.New("vm: the runtime cannot compile vm scripts")))
	}
	b := &binding{e: e, host: host, contextKey: goja.NewSymbol("vm context")}
	e.SetFuncs(obj, map[string]func(goja.FunctionCall) goja.Value{
		// compile(code, filename): a compiled script.
		"compile": func(call goja.FunctionCall) goja.Value {
			return vm.ToValue(host.CompileScript(call.Argument(1).String(), call.Argument(0).String()))
		},
		// runInThisContext(script, breakOnSigint)
		"runInThisContext": func(call goja.FunctionCall) goja.Value {
			res, err := b.run(vm, b.program(call.Argument(0)), call.Argument(1).ToBoolean())
			if err != nil {
				b.throw(err)
			}
			return res
		},
		// makeContext(object): gives object a context of its own.
		"makeContext": func(call goja.FunctionCall) goja.Value {
			obj := call.Argument(0).ToObject(vm)
			_ = obj.DefineDataPropertySymbol(b.contextKey, vm.ToValue(newContext(vm, e.Host().NewRuntime())), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
			return obj
		},
		// runInContext(script, context, breakOnSigint)
		"runInContext": func(call goja.FunctionCall) goja.Value {
			ctxObj, ok := call.Argument(1).(*goja.Object)
			var c *context
			if ok {
				if v := ctxObj.GetSymbol(b.contextKey); v != nil {
					c, _ = v.Export().(*context)
				}
			}
			if c == nil {
				e.ThrowTypeError("needs a 'context' argument.")
			}
			return c.run(b, b.program(call.Argument(0)), ctxObj, call.Argument(2).ToBoolean())
		},
		// runInNewContext(script, sandbox, breakOnSigint)
		"runInNewContext": func(call goja.FunctionCall) goja.Value {
			sandbox, ok := call.Argument(1).(*goja.Object)
			if !ok {
				sandbox = vm.NewObject()
			}
			return newContext(vm, e.Host().NewRuntime()).run(b, b.program(call.Argument(0)), sandbox, call.Argument(2).ToBoolean())
		},
	})
}

func (b *binding) program(v goja.Value) *goja.Program {
	prog, ok := v.Export().(*goja.Program)
	if !ok {
		b.e.ThrowTypeError("not a compiled script")
	}
	return prog
}

// run runs prog in rt. With breakOnSigint (the REPL's evaluations, as
// Node's breakOnSigint option), a SIGINT while it runs interrupts it, and
// the run throws "Script execution was interrupted by `SIGINT`" (code
// ERR_SCRIPT_EXECUTION_INTERRUPTED), as today's Node does.
func (b *binding) run(rt *goja.Runtime, prog *goja.Program, breakOnSigint bool) (goja.Value, error) {
	if !breakOnSigint {
		return rt.RunProgram(prog)
	}
	var mu sync.Mutex
	running := true
	sig := make(chan os.Signal, 1)
	done := make(chan struct{})
	signal.Notify(sig, os.Interrupt)
	go func() {
		select {
		case <-sig:
			// Interrupt is goja's one call that is safe from another
			// goroutine; running keeps it from reaching later code.
			mu.Lock()
			if running {
				rt.Interrupt(sigintInterrupt{})
			}
			mu.Unlock()
		case <-done:
		}
	}()
	res, err := rt.RunProgram(prog)
	mu.Lock()
	running = false
	mu.Unlock()
	close(done)
	signal.Stop(sig)
	var ie *goja.InterruptedError
	if errors.As(err, &ie) {
		if _, ours := ie.Value().(sigintInterrupt); ours {
			rt.ClearInterrupt()
			return nil, errSigint
		}
	}
	return res, err
}

// errSigint is what run returns when SIGINT broke the run.
var errSigint = errors.New("interrupted by SIGINT")

// throw throws err, which run returned, in the script's runtime.
func (b *binding) throw(err error) {
	if js, ok := err.(jsError); ok {
		panic(js.v)
	}
	if err == errSigint {
		e := b.e.NewError("Script execution was interrupted by `SIGINT`")
		_ = e.Set("code", "ERR_SCRIPT_EXECUTION_INTERRUPTED")
		panic(e)
	}
	panic(err)
}

func itoa(i int) string { return strconv.Itoa(i) }
