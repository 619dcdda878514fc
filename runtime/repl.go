package runtime

import (
	"context"

	"github.com/dop251/goja"
)

// RunStdin runs source, a program read from standard input, as node does
// when it is given no script and its stdin is not a terminal, or the
// script "-": as -e code named [stdin] (require, module, __filename are
// globals; process.argv has no script entry). Then the event loop, as
// RunFile.
func (r *Runtime) RunStdin(ctx context.Context, source string) (int, error) {
	return r.run(ctx, func() error { return r.modules.runEval("[stdin]", source, false) })
}

// RunREPL runs the REPL on the runtime's standard streams, as node does
// when it is started without a script on a terminal (or with -i): the
// global context, `require` relative to the working directory, and the
// program ends when the REPL's input ends (Ctrl-D, .exit) or on
// process.exit().
func (r *Runtime) RunREPL(ctx context.Context) (int, error) {
	return r.run(ctx, func() error {
		r.proc.dropScriptArg()
		return r.protectJS(func() {
			repl := r.modules.requireBuiltin("repl").ToObject(r.vm)
			start, ok := goja.AssertFunction(repl.Get("_startMain"))
			if !ok {
				panic(r.vm.NewTypeError("repl has no _startMain"))
			}
			if _, err := start(repl); err != nil {
				panic(err)
			}
		})
	})
}
