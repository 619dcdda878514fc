package buffer_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
	"github.com/gojatls/gojatls/runtime"
)

// run runs script with an extra module "gobytes" whose functions are fns,
// and fails the test unless the script exits with 0.
func run(t *testing.T, script string, fns func(e *jsbridge.Env) map[string]func(goja.FunctionCall) goja.Value) {
	t.Helper()
	mod := &jsbridge.Module{Name: "gobytes", Native: func(e *jsbridge.Env, binding *goja.Object) {
		e.SetFuncs(binding, fns(e))
	}}
	var stdout, stderr bytes.Buffer
	rt := runtime.New(runtime.Options{
		Argv0:   "gojatls",
		Dir:     t.TempDir(),
		Stdin:   strings.NewReader(""),
		Stdout:  &stdout,
		Stderr:  &stderr,
		Modules: []*jsbridge.Module{mod},
	})
	code, err := rt.RunString(context.Background(), "test.js", script)
	if err != nil || code != 0 {
		t.Fatalf("exit %d, err %v\nstdout:\n%s\nstderr:\n%s", code, err, stdout.String(), stderr.String())
	}
}

// Env.NewBuffer hands Go memory to JS as a real Buffer without copying it.
func TestNewBufferSharesMemory(t *testing.T) {
	data := []byte("hello")
	run(t, `
		var assert = require('assert');
		var gb = require('gobytes');
		var buf = gb.make();
		assert.ok(buf instanceof Buffer);
		assert.ok(Buffer.isBuffer(buf));
		assert.strictEqual(buf.length, 5);
		assert.strictEqual(buf.toString(), 'hello');
		assert.strictEqual(buf.inspect(), '<Buffer 68 65 6c 6c 6f>');
		assert.strictEqual(typeof buf.readUInt16BE, 'function');
		gb.poke();
		assert.strictEqual(buf.toString(), 'hEllo');
		buf[0] = 0x4a;
		buf.slice(4).write('!');
	`, func(e *jsbridge.Env) map[string]func(goja.FunctionCall) goja.Value {
		return map[string]func(goja.FunctionCall) goja.Value{
			"make": func(goja.FunctionCall) goja.Value { return e.NewBuffer(data) },
			"poke": func(goja.FunctionCall) goja.Value { data[1] = 'E'; return goja.Undefined() },
		}
	})
	if string(data) != "JEll!" {
		t.Fatalf("Go sees %q, want JEll!", data)
	}
}

// jsbridge.Bytes reads a Buffer, or a slice of one, without copying.
func TestBytesSharesMemory(t *testing.T) {
	var got []byte
	run(t, `
		var assert = require('assert');
		var gb = require('gobytes');
		var whole = new Buffer('abcdef');
		assert.strictEqual(gb.take(whole.slice(2, 4)), true);
		assert.strictEqual(whole.toString(), 'abXdef');
		assert.strictEqual(gb.take('not a buffer'), false);
		assert.strictEqual(gb.take(new Buffer(0)), true);
	`, func(e *jsbridge.Env) map[string]func(goja.FunctionCall) goja.Value {
		return map[string]func(goja.FunctionCall) goja.Value{
			"take": func(call goja.FunctionCall) goja.Value {
				b, ok := jsbridge.Bytes(call.Argument(0))
				if ok && len(b) > 0 {
					got = append([]byte(nil), b...)
					b[0] = 'X'
				}
				return e.VM.ToValue(ok)
			},
		}
	})
	if string(got) != "cd" {
		t.Fatalf("Go read %q, want cd", got)
	}
}
