package jsbridge_test

import (
	"bytes"
	"context"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
	"github.com/gojatls/gojatls/runtime"
)

// probe is a module whose functions exercise jsbridge from JS.
type probeOptions struct {
	Port    int      `js:"port"`
	Host    string   `js:"host"`
	Half    bool     `js:"allowHalfOpen"`
	Key     []byte   `js:"key"`
	CA      [][]byte `js:"ca"`
	Names   []string `js:"names"`
	Timeout *int     `js:"timeout"`
	Ignored string
}

var shared []byte

func probeModule(t *testing.T) *jsbridge.Module {
	return &jsbridge.Module{Name: "probe", Native: func(e *jsbridge.Env, b *goja.Object) {
		e.SetFuncs(b, map[string]func(goja.FunctionCall) goja.Value{
			"decode": func(call goja.FunctionCall) goja.Value {
				opts := probeOptions{Port: 80, Host: "localhost"}
				e.Decode(call.Argument(0), "options", &opts)
				out := e.VM.NewObject()
				out.Set("port", opts.Port)
				out.Set("host", opts.Host)
				out.Set("half", opts.Half)
				out.Set("key", string(opts.Key))
				var cas []string
				for _, c := range opts.CA {
					cas = append(cas, string(c))
				}
				out.Set("ca", cas)
				out.Set("names", opts.Names)
				out.Set("timeoutSet", opts.Timeout != nil)
				return out
			},
			"buffer": func(call goja.FunctionCall) goja.Value {
				shared = []byte("shared")
				return e.NewBuffer(shared)
			},
			"mutate": func(call goja.FunctionCall) goja.Value {
				shared[0] = 'S'
				return goja.Undefined()
			},
			"bytes": func(call goja.FunctionCall) goja.Value {
				b, ok := jsbridge.Bytes(call.Argument(0))
				if !ok {
					return e.VM.ToValue(-1)
				}
				b[0] = 'X' // visible to JS: no copy
				return e.VM.ToValue(len(b))
			},
			"fsError": func(call goja.FunctionCall) goja.Value {
				_, err := os.Open("/no/such/file")
				return e.FSError(err, "open", "/no/such/file")
			},
			"sysError": func(call goja.FunctionCall) goja.Value {
				return e.SysError(os.ErrDeadlineExceeded, "connect")
			},
			"emitLater": func(call goja.FunctionCall) goja.Value {
				obj := call.Argument(0).ToObject(e.VM)
				h := e.NewHandle()
				go func() {
					time.Sleep(time.Millisecond)
					e.Post(func() {
						h.Close()
						e.Emit(obj, "ready", e.VM.ToValue(1), e.VM.ToValue("two"))
					})
				}()
				return goja.Undefined()
			},
		})
	}}
}

func runJS(t *testing.T, src string) string {
	t.Helper()
	var out, errb bytes.Buffer
	rt := runtime.New(runtime.Options{Stdout: &out, Stderr: &errb, Modules: []*jsbridge.Module{probeModule(t)}})
	code, err := rt.RunString(context.Background(), "probe-test.js", src)
	if err != nil || code != 0 {
		t.Fatalf("code %d, err %v\nstdout:\n%s\nstderr:\n%s", code, err, out.String(), errb.String())
	}
	return out.String()
}

func TestDecode(t *testing.T) {
	out := runJS(t, `
		var assert = require('assert'), p = require('probe');
		var d = p.decode(undefined);
		assert.strictEqual(d.port, 80); assert.strictEqual(d.host, 'localhost'); assert.strictEqual(d.timeoutSet, false);
		d = p.decode({port: 8000, host: null, allowHalfOpen: 1, key: new Buffer('KEY'), ca: 'one', names: ['a', 'b'], timeout: 5});
		assert.strictEqual(d.port, 8000); assert.strictEqual(d.host, 'localhost'); assert.strictEqual(d.half, true);
		assert.strictEqual(d.key, 'KEY'); assert.deepEqual(d.ca, ['one']); assert.deepEqual(d.names, ['a', 'b']);
		assert.strictEqual(d.timeoutSet, true);
		d = p.decode({ca: ['x', new Buffer('y')]});
		assert.deepEqual(d.ca, ['x', 'y']);
		function fails(opts, msg) {
			assert.throws(function () { p.decode(opts); }, function (e) {
				return e instanceof TypeError && e.message === msg;
			});
		}
		fails({port: 'http'}, 'options.port must be a number');
		fails({port: 1.5}, 'options.port must be an integer');
		fails({host: 7}, 'options.host must be a string');
		fails({key: 7}, 'options.key must be a string or a Buffer');
		fails({ca: ['ok', {}]}, 'options.ca[1] must be a string or a Buffer');
		fails('str', 'options must be an object');
		// Holes are undefined entries, named by their index.
		fails({ca: [, 'x']}, 'options.ca[0] must be a string or a Buffer');
		fails({names: ['a', , 'c']}, 'options.names[1] must be a string');
		fails({names: new Array(2)}, 'options.names[0] must be a string');
		// A huge length is refused before anything is allocated for it.
		var huge = ['x'];
		huge.length = 4294967295;
		assert.throws(function () { p.decode({ca: huge}); }, function (e) {
			return e instanceof RangeError && /options\.ca has 4294967295 entries/.test(e.message);
		});
		console.log('ok');
	`)
	if out != "ok\n" {
		t.Fatal(out)
	}
}

func TestBuffersAreNotCopied(t *testing.T) {
	out := runJS(t, `
		var p = require('probe');
		var b = p.buffer();
		console.log([Buffer.isBuffer(b), b.toString()].join(' '));
		p.mutate();
		console.log(b.toString());
		var mine = new Buffer('abc');
		console.log([p.bytes(mine), mine.toString(), p.bytes('str')].join(' '));
	`)
	if want := "true shared\nShared\n3 Xbc -1\n"; out != want {
		t.Fatalf("got %q, want %q", out, want)
	}
}

func TestErrors(t *testing.T) {
	out := runJS(t, `
		var p = require('probe');
		var e = p.fsError();
		console.log([e instanceof Error, e.message, e.code, e.errno, e.syscall, e.path].join(' '));
		e = p.sysError();
		console.log([e.message, e.code, e.errno, e.syscall].join(' '));
	`)
	want := "true ENOENT, no such file or directory '/no/such/file' ENOENT -2 open /no/such/file\n" +
		"connect ETIMEDOUT ETIMEDOUT ETIMEDOUT connect\n"
	if out != want {
		t.Fatalf("got %q, want %q", out, want)
	}
}

func TestEmitFromGoroutine(t *testing.T) {
	out := runJS(t, `
		var EventEmitter = require('events').EventEmitter;
		var util = require('util');
		function Thing() { EventEmitter.call(this); }
		util.inherits(Thing, EventEmitter);
		var t = new Thing();
		t.on('ready', function (a, b) { console.log([this === t, a, b].join(' ')); });
		require('probe').emitLater(t);
	`)
	if !strings.HasPrefix(out, "true 1 two") {
		t.Fatalf("got %q", out)
	}
}

// emitModule's emitLater(obj) emits 'ready' on obj from the loop, later.
var emitModule = &jsbridge.Module{Name: "emitter", Native: func(e *jsbridge.Env, b *goja.Object) {
	e.SetFuncs(b, map[string]func(goja.FunctionCall) goja.Value{
		"emitLater": func(call goja.FunctionCall) goja.Value {
			obj := call.Argument(0).ToObject(e.VM)
			h := e.NewHandle()
			e.Post(func() {
				h.Close()
				e.Emit(obj, "ready")
			})
			return goja.Undefined()
		},
	})
}}

// An emit that is a getter: what it throws is an uncaught exception, as a
// callback's would be; one that the end of the run interrupts (the
// embedder cancels while it runs) ends the run, never the program.
func TestEmitGetter(t *testing.T) {
	var out, errb bytes.Buffer
	rt := runtime.New(runtime.Options{Stdout: &out, Stderr: &errb, Modules: []*jsbridge.Module{emitModule}})
	code, err := rt.RunString(context.Background(), "main.js", `
		var o = {};
		Object.defineProperty(o, 'emit', { get: function () { throw new Error('getter threw'); } });
		require('emitter').emitLater(o);
	`)
	if code != 1 || err != nil || !strings.Contains(errb.String(), "getter threw") {
		t.Errorf("a throwing getter: code %d, err %v, stderr %q", code, err, errb.String())
	}

	looping := &signalWriter{ch: make(chan struct{})}
	rt = runtime.New(runtime.Options{Stdout: looping, Stderr: &errb, Modules: []*jsbridge.Module{emitModule}})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan struct{})
	go func() {
		defer close(done)
		code, err = rt.RunString(ctx, "main.js", `
			var o = {};
			Object.defineProperty(o, 'emit', { get: function () { console.log('looping'); for (;;) {} } });
			require('emitter').emitLater(o);
		`)
	}()
	<-looping.ch // the getter runs
	cancel()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("the run did not end")
	}
	if err == nil {
		t.Errorf("an interrupted getter: code %d, err %v", code, err)
	}
}

// signalWriter closes ch at its first write.
type signalWriter struct {
	ch   chan struct{}
	once sync.Once
}

func (w *signalWriter) Write(p []byte) (int, error) {
	w.once.Do(func() { close(w.ch) })
	return len(p), nil
}
