// Package tty is Node's tty module: whether a descriptor is a terminal,
// raw mode on stdin, the window size, and the line editor readline uses
// on a terminal (editor.go).
package tty

import (
	_ "embed"
	"os"

	"syscall"

	"github.com/dop251/goja"
	"golang.org/x/term"

	"github.com/gojatls/gojatls/jsbridge"
)

//go:embed tty.js
var source string

// Module is Node's tty module.
var Module = &jsbridge.Module{Name: "tty", JS: source, Native: native}

type binding struct {
	e *jsbridge.Env
	// stdio are the runtime's standard streams where they are files.
	stdio [3]*os.File
	// cooked is stdin's terminal state before raw mode, restored when raw
	// mode ends and when the program ends.
	cooked *termState
	editor *editor
}

func native(e *jsbridge.Env, obj *goja.Object) {
	vm := e.VM
	b := &binding{e: e}
	in, out, errw := e.Host().Stdio()
	for i, s := range []any{in, out, errw} {
		b.stdio[i], _ = jsbridge.StdioFile(s)
	}
	e.AfterEnd(b.restore)
	e.SetFuncs(obj, map[string]func(goja.FunctionCall) goja.Value{
		"isatty": func(call goja.FunctionCall) goja.Value {
			f := b.file(call.Argument(0))
			return vm.ToValue(f != nil && term.IsTerminal(int(f.Fd())))
		},
		"setRawMode": func(call goja.FunctionCall) goja.Value {
			if err := b.setRaw(call.Argument(0).ToBoolean()); err != nil {
				panic(e.SysError(err, "setRawMode"))
			}
			return goja.Undefined()
		},
		// getWindowSize(fd): [columns, rows], as tty_wrap's.
		"getWindowSize": func(call goja.FunctionCall) goja.Value {
			f := b.file(call.Argument(0))
			if f == nil {
				panic(e.SysError(syscall.EBADF, "getWindowSize"))
			}
			w, h, err := term.GetSize(int(f.Fd()))
			if err != nil {
				panic(e.SysError(err, "getWindowSize"))
			}
			return vm.NewArray(w, h)
		},
		// write(fd, data): stdout and stderr on a terminal; through the
		// line editor while it shows a prompt, so that the prompt moves
		// below what is written.
		"write": func(call goja.FunctionCall) goja.Value {
			data, ok := jsbridge.Bytes(call.Argument(1))
			if !ok {
				data = []byte(call.Argument(1).String())
			}
			if b.editor != nil && !b.editor.isClosed() {
				b.editor.write(data)
			} else if f := b.file(call.Argument(0)); f != nil {
				_, _ = f.Write(data)
			}
			return goja.Undefined()
		},
		// editor(fd, onLine, onSigint, onEnd, complete): readline's line
		// editor drawing on the terminal fd.
		"editor": func(call goja.FunctionCall) goja.Value {
			f := b.file(call.Argument(0))
			if f == nil {
				e.ThrowTypeError("not a terminal")
			}
			if b.editor != nil {
				b.editor.close()
			}
			ed := newEditor(e, f, call.Argument(1), call.Argument(2), call.Argument(3), call.Argument(4))
			b.editor = ed
			o := vm.NewObject()
			e.SetFuncs(o, map[string]func(goja.FunctionCall) goja.Value{
				"feed": func(call goja.FunctionCall) goja.Value {
					data, ok := jsbridge.Bytes(call.Argument(0))
					if !ok {
						data = []byte(call.Argument(0).String())
					}
					ed.feed(data)
					return goja.Undefined()
				},
				"read": func(call goja.FunctionCall) goja.Value {
					ed.read(call.Argument(0).String())
					return goja.Undefined()
				},
				"end": func(goja.FunctionCall) goja.Value {
					ed.end()
					return goja.Undefined()
				},
				"close": func(goja.FunctionCall) goja.Value {
					ed.close()
					return goja.Undefined()
				},
			})
			return o
		},
	})
}

// file is the runtime's stream for fd 0, 1 or 2 when it is a file.
func (b *binding) file(fd goja.Value) *os.File {
	n := fd.ToInteger()
	if n < 0 || n > 2 {
		return nil
	}
	return b.stdio[n]
}

// restore gives the terminal back as the program found it, and stops the
// editor, when the program ends.
func (b *binding) restore() {
	if b.editor != nil {
		b.editor.close()
	}
	_ = b.restoreErr()
}
