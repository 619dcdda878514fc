package runtime

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

// spinModule is a native module for the tests below: emitLater(obj) emits
// 'x' on obj from a job of the loop, as a socket's events are emitted;
// spinning() tells the test that JS is about to loop for ever.
func spinModule(started chan<- struct{}) *jsbridge.Module {
	return &jsbridge.Module{Name: "spin", Native: func(e *jsbridge.Env, b *goja.Object) {
		e.SetFuncs(b, map[string]func(goja.FunctionCall) goja.Value{
			"emitLater": func(call goja.FunctionCall) goja.Value {
				obj := call.Argument(0).ToObject(e.VM)
				h := e.NewHandle()
				e.Post(func() {
					h.Close()
					e.Emit(obj, "x")
				})
				return goja.Undefined()
			},
			"spinning": func(goja.FunctionCall) goja.Value {
				select {
				case started <- struct{}{}:
				default:
				}
				return goja.Undefined()
			},
		})
	}}
}

// Scripts in which JS spins where Go reached it on its own, outside a call
// into JS: a getter read by Go, a toString called by Go or by a binding.
var spinScripts = map[string]string{
	"emit getter": `
		var o = {};
		Object.defineProperty(o, 'emit', { get: function () { spin.spinning(); for (;;) {} } });
		spin.emitLater(o);`,
	"timer's _onTimeout getter": `
		var t = setTimeout(function () {}, 1);
		Object.defineProperty(t, '_onTimeout', { get: function () { spin.spinning(); for (;;) {} } });`,
	"toString of an uncaught exception": `
		setTimeout(function () {
			throw { toString: function () { spin.spinning(); for (;;) {} } };
		}, 1);`,
	"toString called by a binding": `
		process.kill(process.pid, { toString: function () { spin.spinning(); for (;;) {} } });`,
	"a vm context": `
		require('vm').runInNewContext('spin.spinning(); for (;;) {}', { spin: spin });`,
	"process 'listeners' getter while reporting an exception": `
		Object.defineProperty(process, 'listeners', { get: function () { spin.spinning(); for (;;) {} } });
		setTimeout(function () { throw new Error('x'); }, 1);`,
}

// TestCancelWhileJSRunsFromGo: an embedder that cancels its context while
// JS spins in code that Go reached outside a call into JS gets RunFile's
// error back, many times over, and its process lives (a panic here would
// end the test binary).
func TestCancelWhileJSRunsFromGo(t *testing.T) {
	const rounds = 20
	for name, src := range spinScripts {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "spin.js")
			if err := os.WriteFile(path, []byte("var spin = require('spin');\n"+src), 0o644); err != nil {
				t.Fatal(err)
			}
			for i := 0; i < rounds; i++ {
				started := make(chan struct{}, 1)
				var out, errb bytes.Buffer
				rt := New(Options{Stdout: &out, Stderr: &errb, Stdin: strings.NewReader(""),
					Modules: []*jsbridge.Module{spinModule(started)}})
				ctx, cancel := context.WithCancel(context.Background())
				type result struct {
					code int
					err  error
				}
				done := make(chan result, 1)
				go func() {
					code, err := rt.RunFile(ctx, path)
					done <- result{code, err}
				}()
				select {
				case <-started:
				case res := <-done:
					cancel()
					t.Fatalf("round %d: the script ended before spinning: code %d, err %v, stderr %q", i, res.code, res.err, errb.String())
				case <-time.After(time.Minute):
					cancel()
					t.Fatalf("round %d: JS never reached the spinning code", i)
				}
				cancel()
				select {
				case res := <-done:
					if !errors.Is(res.err, context.Canceled) || res.code != 1 {
						t.Fatalf("round %d: RunFile = %d, %v; want 1, context.Canceled (stderr %q)", i, res.code, res.err, errb.String())
					}
				case <-time.After(time.Minute):
					t.Fatalf("round %d: RunFile did not return after the context was cancelled", i)
				}
			}
		})
	}
}

// TestThrowWhereGoReachedJS: an exception thrown where Go reached JS on its
// own (an 'emit' getter) is an uncaught exception of the script, printed,
// exit code 1; one thrown while the runtime describes an uncaught exception
// (its toString, its name getter) still ends the program with 1 and a
// message, not a Go panic.
func TestThrowWhereGoReachedJS(t *testing.T) {
	started := make(chan struct{}, 1)
	for _, tc := range []struct{ name, src, stderr string }{
		{"emit getter", `
			var o = {};
			Object.defineProperty(o, 'emit', { get: function () { throw new Error('from the getter'); } });
			require('spin').emitLater(o);`, "Error: from the getter"},
		{"emit getter, caught by uncaughtException", `
			process.on('uncaughtException', function (e) { console.error('caught ' + e.message); });
			var o = {};
			Object.defineProperty(o, 'emit', { get: function () { throw new Error('from the getter'); } });
			require('spin').emitLater(o);
			process.on('exit', function () { process.exitCode = 1; });`, "caught from the getter"},
		{"toString of the thrown value", `throw { toString: function () { throw new Error('inner'); } };`, "could not be printed"},
		{"name getter of the thrown error", `
			var e = new Error('m');
			Object.defineProperty(e, 'name', { get: function () { throw new Error('inner'); } });
			throw e;`, "could not be printed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := run(t, tc.src, spinModule(started))
			if code != 1 || !strings.Contains(errOut, tc.stderr) {
				t.Fatalf("code %d, stderr %q; want 1 and %q", code, errOut, tc.stderr)
			}
		})
	}
}

// TestExitFromVMContext: process.exit() called by code running in a vm
// context ends the program there, with its code, as it does in the
// script's own context.
func TestExitFromVMContext(t *testing.T) {
	code, out, errOut := run(t, `
		process.on('exit', function (c) { console.log('exit ' + c); });
		require('vm').runInNewContext('process.exit(3); for (;;) {}', { process: process });
		console.log('not reached');`)
	if code != 3 || out != "exit 3\n" {
		t.Fatalf("code %d, stdout %q, stderr %q; want 3 and 'exit 3'", code, out, errOut)
	}
}
