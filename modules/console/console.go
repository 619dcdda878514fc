// Package console is Node's console module: log, info, warn, error, dir,
// time, timeEnd, trace and assert, written synchronously to the runtime's
// standard output and error.
package console

import (
	_ "embed"
	"io"

	"github.com/dop251/goja"
	"github.com/gojatls/gojatls/jsbridge"
)

//go:embed console.js
var source string

// Module is Node's console module.
var Module = &jsbridge.Module{Name: "console", JS: source, Native: BindStdio}

// BindStdio sets writeOut(string) and writeErr(string) on binding. Each call
// is one Write of the whole string to the runtime's stdout or stderr, made
// before it returns, so that lines never interleave and nothing is lost when
// the process exits; or, once a script has replaced process.stdout.write
// (or stderr's), a call of the replacement, as Node's console makes. The
// util module uses it too.
func BindStdio(e *jsbridge.Env, binding *goja.Object) {
	_, stdout, stderr := e.Host().Stdio()
	e.SetFuncs(binding, map[string]func(goja.FunctionCall) goja.Value{
		"writeOut": writer(e, 1, stdout),
		"writeErr": writer(e, 2, stderr),
		// replaced(fd): is process.stdout.write (1) or stderr's (2) a
		// script's replacement? util writes an argument a call then.
		"replaced": func(call goja.FunctionCall) goja.Value {
			return e.VM.ToValue(e.StdioReplaced(int(call.Argument(0).ToInteger())))
		},
	})
}

func writer(e *jsbridge.Env, fd int, w io.Writer) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		if write, stream := e.StdioHook(fd); write != nil {
			if _, err := write(stream, call.Argument(0)); err != nil {
				panic(err)
			}
			return goja.Undefined()
		}
		if w != nil {
			// A failed write (a closed pipe) is not the script's error.
			_, _ = io.WriteString(w, call.Argument(0).String())
		}
		return goja.Undefined()
	}
}
