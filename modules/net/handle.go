package net

import (
	"net"
	"time"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
	stringdecoder "github.com/gojatls/gojatls/modules/string_decoder"
)

type connProtoKey struct{}

// maxTimeoutMs bounds an idle timeout so that it fits a time.Duration.
const maxTimeoutMs = float64(1<<62) / float64(time.Millisecond)

// connProto is the prototype of every connection handle in a runtime: the
// methods a JS socket calls on its _handle.
func connProto(e *jsbridge.Env) *goja.Object {
	return e.Local(connProtoKey{}, func() any {
		proto := e.VM.NewObject()
		this := func(call goja.FunctionCall) *Conn {
			return jsbridge.MustUnwrap[*Conn](e, call.This, "socket handle")
		}
		undefined := goja.Undefined()
		e.SetFuncs(proto, map[string]func(goja.FunctionCall) goja.Value{
			// attach(socket) binds the JS socket and starts I/O.
			"attach": func(call goja.FunctionCall) goja.Value {
				this(call).attach(call.Argument(0).ToObject(e.VM))
				return undefined
			},
			// write(data, [callback]) -> is the queue under the high-water mark?
			"write": func(call goja.FunctionCall) goja.Value {
				c := this(call)
				return e.VM.ToValue(c.write(encode(e, call.Argument(0)), call.Argument(1)))
			},
			"shutdown": func(call goja.FunctionCall) goja.Value {
				this(call).end()
				return undefined
			},
			"destroy": func(call goja.FunctionCall) goja.Value {
				this(call).destroy()
				return undefined
			},
			// setReader(reader) makes the connection read with a read
			// strategy (reader.go) instead of raw chunks: from the first
			// byte when called before attach, else from the chunks not
			// emitted yet.
			"setReader": func(call goja.FunctionCall) goja.Value {
				r := jsbridge.MustUnwrap[ReadStrategy](e, call.Argument(0), "read strategy")
				this(call).setReader(r)
				return undefined
			},
			// route(handle) sends what is read straight to another
			// connection, for a pipe kept in Go (route.go); route(null)
			// gives the chunks back to JS.
			"route": func(call goja.FunctionCall) goja.Value {
				var dst *Conn
				if arg := call.Argument(0); !goja.IsNull(arg) && !goja.IsUndefined(arg) {
					dst = jsbridge.MustUnwrap[*Conn](e, arg, "socket handle")
				}
				this(call).setRoute(dst)
				return undefined
			},
			// refuseRoutes makes pipes into this connection run their
			// ondata again, for good: the socket's write was replaced.
			"refuseRoutes": func(call goja.FunctionCall) goja.Value {
				this(call).routesRefused.Store(true)
				return undefined
			},
			"pause": func(call goja.FunctionCall) goja.Value {
				this(call).pause()
				return undefined
			},
			"resume": func(call goja.FunctionCall) goja.Value {
				this(call).resume()
				return undefined
			},
			"setEncoding": func(call goja.FunctionCall) goja.Value {
				c := this(call)
				arg := call.Argument(0)
				if goja.IsUndefined(arg) || goja.IsNull(arg) {
					c.setEncoding(stringdecoder.NewDecoder(stringdecoder.UTF8))
					return undefined
				}
				enc, ok := stringdecoder.ParseEncoding(arg.String())
				if !ok {
					e.ThrowTypeError("Unknown encoding: %s", arg.String())
				}
				c.setEncoding(stringdecoder.NewDecoder(enc))
				return undefined
			},
			// encoding() is the encoding setEncoding gave, or null: a
			// socket that connects again after it was closed sets it on
			// its new handle.
			"encoding": func(call goja.FunctionCall) goja.Value {
				d := this(call).encoding()
				if d == nil {
					return goja.Null()
				}
				return e.VM.ToValue(d.Encoding().Name())
			},
			// setTimeout(ms): the idle timeout; 0 (or anything not a
			// positive finite number) turns it off.
			"setTimeout": func(call goja.FunctionCall) goja.Value {
				ms := call.Argument(0).ToFloat()
				if !(ms > 0 && ms < maxTimeoutMs) {
					ms = 0
				}
				this(call).setTimeout(time.Duration(ms * float64(time.Millisecond)))
				return undefined
			},
			"setNoDelay": func(call goja.FunctionCall) goja.Value {
				if tc, ok := tcpConn(this(call).conn); ok {
					on := goja.IsUndefined(call.Argument(0)) || call.Argument(0).ToBoolean()
					_ = tc.SetNoDelay(on)
				}
				return undefined
			},
			"setKeepAlive": func(call goja.FunctionCall) goja.Value {
				if tc, ok := tcpConn(this(call).conn); ok {
					on := call.Argument(0).ToBoolean()
					_ = tc.SetKeepAlive(on)
					if delay := call.Argument(1).ToInteger(); on && delay > 0 {
						_ = tc.SetKeepAlivePeriod(time.Duration(delay) * time.Millisecond)
					}
				}
				return undefined
			},
			"localAddress": func(call goja.FunctionCall) goja.Value {
				return addressObject(e, this(call).conn.LocalAddr())
			},
			"remoteAddress": func(call goja.FunctionCall) goja.Value {
				return addressObject(e, this(call).conn.RemoteAddr())
			},
			"bytesRead": func(call goja.FunctionCall) goja.Value {
				return e.VM.ToValue(this(call).readCount())
			},
			// bytesWritten counts what was handed to the connection,
			// written or still queued, as Node 0.7 did.
			"bytesWritten": func(call goja.FunctionCall) goja.Value {
				handed, _ := this(call).counters()
				return e.VM.ToValue(handed)
			},
			"bufferSize": func(call goja.FunctionCall) goja.Value {
				_, queued := this(call).counters()
				return e.VM.ToValue(queued)
			},
			"ref": func(call goja.FunctionCall) goja.Value {
				this(call).ref()
				return undefined
			},
			"unref": func(call goja.FunctionCall) goja.Value {
				this(call).unref()
				return undefined
			},
		})
		return proto
	}).(*goja.Object)
}

// encode copies a Buffer, or a string as UTF-8, into Go memory: the one
// copy between JS and the writer goroutine. (The JS socket turns strings in
// other encodings into Buffers first.)
func encode(e *jsbridge.Env, data goja.Value) []byte {
	if b, ok := jsbridge.Bytes(data); ok {
		return append([]byte(nil), b...)
	}
	s, ok := data.(goja.String)
	if !ok {
		e.ThrowTypeError("First argument must be a buffer or a string.")
	}
	return []byte(s.String()) // not Export: its interface holds a copy of the string
}

// tcpConn finds the TCP connection under a connection (TLS or not).
func tcpConn(c net.Conn) (*net.TCPConn, bool) {
	for {
		switch v := c.(type) {
		case *net.TCPConn:
			return v, true
		case interface{ NetConn() net.Conn }:
			c = v.NetConn()
		default:
			return nil, false
		}
	}
}

// addressObject is Node's {address, family, port} for a socket address; a
// Unix socket's is its path.
func addressObject(e *jsbridge.Env, a net.Addr) goja.Value {
	switch v := a.(type) {
	case *net.TCPAddr:
		obj := e.VM.NewObject()
		family := "IPv4"
		ip := v.IP
		if ip4 := ip.To4(); ip4 != nil {
			ip = ip4
		} else {
			family = "IPv6"
		}
		obj.Set("address", ip.String())
		obj.Set("family", family)
		obj.Set("port", v.Port)
		return obj
	case *net.UnixAddr:
		return e.VM.ToValue(v.Name)
	case nil:
		return goja.Null()
	}
	return e.VM.ToValue(a.String())
}
