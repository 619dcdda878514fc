// Package zlib is Node's zlib module: the seven stream classes and their
// one-step convenience functions, over Go's compress/flate, compress/gzip
// and compress/zlib. Each stream's compression runs on a goroutine of its
// own; the JS part queues the writes and emits the results on the loop.
package zlib

import (
	_ "embed"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

//go:embed zlib.js
var jsSource string

// Module is Node's zlib module.
var Module = &jsbridge.Module{Name: "zlib", JS: jsSource, Native: native}

func native(e *jsbridge.Env, binding *goja.Object) {
	for name, v := range constants {
		_ = binding.Set(name, v)
	}
	e.SetFuncs(binding, map[string]func(goja.FunctionCall) goja.Value{
		// open(mode, level, strategy, dictionary) makes the handle of
		// one stream.
		"open": func(call goja.FunctionCall) goja.Value {
			mode := int(call.Argument(0).ToInteger())
			level := goLevel(int(call.Argument(1).ToInteger()), int(call.Argument(2).ToInteger()))
			var dict []byte
			if b, ok := jsbridge.Bytes(call.Argument(3)); ok {
				dict = append([]byte{}, b...)
			}
			return newHandle(e, mode, level, dict)
		},
	})
}

// newHandle is the JS object of one stream: write(chunk, flush, callback)
// sends one request to the engine, which starts on the first write, and
// calls callback(message, errno, out) on the loop with its result (message
// null when it went well); close() stops the engine (destroy); reset()
// stops it too, and the next write starts a fresh one, as deflateReset and
// inflateReset start the stream over.
func newHandle(e *jsbridge.Env, mode, level int, dict []byte) *goja.Object {
	var g *engine
	h := e.VM.NewObject()
	e.SetFuncs(h, map[string]func(goja.FunctionCall) goja.Value{
		"write": func(call goja.FunctionCall) goja.Value {
			var in []byte
			if b, ok := jsbridge.Bytes(call.Argument(0)); ok {
				in = append([]byte{}, b...)
			}
			flush := int(call.Argument(1).ToInteger())
			callback := call.Argument(2)
			if g == nil {
				g = newEngine(e.Context())
				switch mode {
				case modeDeflate, modeGzip, modeDeflateRaw:
					g.start(func() { compress(g, mode, level, dict) })
				default:
					g.start(func() { decompress(g, mode, dict) })
				}
			}
			select {
			case g.reqs <- request{in: in, flush: flush}:
			default:
				// The JS side waits for each answer before it writes again.
				e.ThrowError("zlib: a write is already in flight")
			}
			e.Go(func() func() {
				r, ok := g.wait()
				if !ok {
					return nil
				}
				return func() { deliver(e, callback, r) }
			})
			return goja.Undefined()
		},
		"close": func(goja.FunctionCall) goja.Value {
			if g != nil {
				g.close()
			}
			return goja.Undefined()
		},
		"reset": func(goja.FunctionCall) goja.Value {
			if g != nil {
				g.close()
				g = nil
			}
			return goja.Undefined()
		},
	})
	return h
}

// deliver calls the write's callback with its result.
func deliver(e *jsbridge.Env, callback goja.Value, r result) {
	message, errno := goja.Null(), goja.Value(e.VM.ToValue(0))
	if r.err != nil {
		message, errno = e.VM.ToValue(r.err.message), e.VM.ToValue(r.err.errno)
	}
	out := goja.Value(goja.Null())
	if len(r.out) > 0 {
		out = e.NewBuffer(r.out)
	}
	e.Call(callback, goja.Undefined(), message, errno, out)
}
