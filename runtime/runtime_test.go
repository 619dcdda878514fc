package runtime

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

// run runs src as a main module and returns its exit code and output.
func run(t *testing.T, src string, mods ...*jsbridge.Module) (int, string, string) {
	t.Helper()
	return runWith(t, Options{Modules: mods, Dir: t.TempDir()}, src)
}

// TestGoPanicBecomesJSError: a panic inside a Go binding is a catchable JS
// Error, never a crash.
func TestGoPanicBecomesJSError(t *testing.T) {
	bad := &jsbridge.Module{Name: "bad", Native: func(e *jsbridge.Env, b *goja.Object) {
		e.SetFuncs(b, map[string]func(goja.FunctionCall) goja.Value{
			"boom": func(goja.FunctionCall) goja.Value {
				var m map[string]int
				m["x"] = 1 // nil map write: a Go runtime panic
				return nil
			},
		})
	}}
	code, out, errOut := run(t, `
		try { require('bad').boom(); } catch (e) { console.log(e instanceof Error, /internal error/.test(e.message)); }
		require('bad').boom();
	`, bad)
	if out != "true true\n" {
		t.Fatalf("stdout %q", out)
	}
	if code != 1 || !strings.Contains(errOut, "internal error in a Go binding") {
		t.Fatalf("uncaught Go panic: code %d, stderr %q", code, errOut)
	}
}

// TestPostFromManyGoroutines: work posted from many goroutines while JS
// runs reaches JS in full and in per-goroutine order (run with -race).
func TestPostFromManyGoroutines(t *testing.T) {
	const goroutines, each = 16, 500
	mod := &jsbridge.Module{Name: "flood", Native: func(e *jsbridge.Env, b *goja.Object) {
		e.SetFuncs(b, map[string]func(goja.FunctionCall) goja.Value{
			"start": func(call goja.FunctionCall) goja.Value {
				cb := call.Argument(0)
				h := e.NewHandle()
				var wg sync.WaitGroup
				for g := 0; g < goroutines; g++ {
					wg.Add(1)
					go func(g int) {
						defer wg.Done()
						for i := 0; i < each; i++ {
							e.Post(func() { e.Call(cb, goja.Undefined(), e.VM.ToValue(g), e.VM.ToValue(i)) })
						}
					}(g)
				}
				go func() { wg.Wait(); e.Post(h.Close) }()
				return goja.Undefined()
			},
		})
	}}
	code, out, errOut := run(t, `
		var next = [], total = 0;
		require('flood').start(function (g, i) {
			if ((next[g] || 0) !== i) throw new Error('out of order: ' + g + ' ' + i);
			next[g] = i + 1;
			total++;
			for (var k = 0; k < 50; k++) {} // some JS work while goroutines post
		});
		process.on('exit', function () { console.log(total); });
	`, mod)
	if code != 0 || out != "8000\n" {
		t.Fatalf("code %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// TestLoopEndsWhenNothingIsLeft: no handle, no timer, no request: the run
// ends right after the script, with 'exit'.
func TestLoopEndsWhenNothingIsLeft(t *testing.T) {
	code, out, _ := run(t, `process.on('exit', function (c) { console.log('exit', c); }); console.log('main');`)
	if code != 0 || out != "main\nexit 0\n" {
		t.Fatalf("code %d, stdout %q", code, out)
	}
}

// TestRequestKeepsLoopAlive: work started with Env.Go keeps the loop
// alive until its result is back on the loop.
func TestRequestKeepsLoopAlive(t *testing.T) {
	mod := &jsbridge.Module{Name: "slow", Native: func(e *jsbridge.Env, b *goja.Object) {
		e.SetFuncs(b, map[string]func(goja.FunctionCall) goja.Value{
			"later": func(call goja.FunctionCall) goja.Value {
				cb := call.Argument(0)
				e.Go(func() func() {
					time.Sleep(20 * time.Millisecond)
					return func() { e.Call(cb, goja.Undefined(), e.VM.ToValue("done")) }
				})
				return goja.Undefined()
			},
		})
	}}
	code, out, _ := run(t, `require('slow').later(function (v) { console.log(v); });`, mod)
	if code != 0 || out != "done\n" {
		t.Fatalf("code %d, stdout %q", code, out)
	}
}

func TestRunTwice(t *testing.T) {
	rt := New(Options{Stdout: &bytes.Buffer{}})
	if _, err := rt.RunString(context.Background(), "a.js", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := rt.RunString(context.Background(), "a.js", ""); err != ErrAlreadyRan {
		t.Fatalf("second run: %v", err)
	}
}

// TestLoopBusyCountsJS: the JS a timer runs counts in LoopBusy (a busy
// wait of 30 ms in a timer, as Date sees it), and so does the main script.
func TestLoopBusyCountsJS(t *testing.T) {
	var out, errb bytes.Buffer
	rt := New(Options{Dir: t.TempDir(), Stdout: &out, Stderr: &errb, Stdin: strings.NewReader("")})
	code, err := rt.RunString(context.Background(), "main.js", `
		// Date.now() has whole milliseconds: waiting until it passes end
		// takes more than ms.
		function spin(ms) { var end = Date.now() + ms; while (Date.now() <= end) {} }
		spin(20);
		setTimeout(function () { spin(30); }, 10);
	`)
	if err != nil || code != 0 {
		t.Fatalf("code %d, %v; stderr %q", code, err, errb.String())
	}
	if busy := rt.LoopBusy(); busy < 50*time.Millisecond {
		t.Fatalf("LoopBusy %v after 50 ms of JS", busy)
	}
}
