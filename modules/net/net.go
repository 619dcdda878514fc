// Package net is Node's net module: TCP and Unix-socket servers and
// clients. The JS part (net.js) has Node's Socket and Server classes; the Go
// part moves the bytes, with one reader and one writer goroutine per socket.
// The tls module builds on its Conn and Server.
package net

import (
	_ "embed"
	"errors"
	"math"
	"net"
	"net/netip"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
	stringdecoder "github.com/gojatls/gojatls/modules/string_decoder"
)

//go:embed net.js
var source string

// Module is Node's net module.
var Module = &jsbridge.Module{Name: "net", JS: source, Native: native}

type serverProtoKey struct{}

// ServerProto is the prototype of server handles: listen, close, address,
// ref, unref. tls's server handles share it.
func ServerProto(e *jsbridge.Env) *goja.Object {
	return e.Local(serverProtoKey{}, func() any {
		proto := e.VM.NewObject()
		this := func(call goja.FunctionCall) *Server {
			return jsbridge.MustUnwrap[*Server](e, call.This, "server handle")
		}
		undefined := goja.Undefined()
		e.SetFuncs(proto, map[string]func(goja.FunctionCall) goja.Value{
			// listen(network, address, callback(err))
			"listen": func(call goja.FunctionCall) goja.Value {
				cb := call.Argument(2)
				this(call).Listen(call.Argument(0).String(), call.Argument(1).String(), func(err *goja.Object) {
					if err == nil {
						e.Call(cb, goja.Undefined(), goja.Null())
					} else {
						e.Call(cb, goja.Undefined(), err)
					}
				})
				return undefined
			},
			// adopt(handle) listens on the listener of a server handle
			// received from another process (server.listen(handle)).
			"adopt": func(call goja.FunctionCall) goja.Value {
				from, ok := jsbridge.Unwrap[*Server](call.Argument(0))
				if !ok {
					e.ThrowTypeError("listen(handle): handle must be a server handle received from another process (the second argument of a 'message' event)")
				}
				if err := this(call).Adopt(from); err != nil {
					e.ThrowError("listen(handle): %v", err)
				}
				return undefined
			},
			"close": func(call goja.FunctionCall) goja.Value {
				return e.VM.ToValue(this(call).Close())
			},
			"address": func(call goja.FunctionCall) goja.Value {
				return this(call).Address()
			},
			"ref": func(call goja.FunctionCall) goja.Value {
				this(call).Ref()
				return undefined
			},
			"unref": func(call goja.FunctionCall) goja.Value {
				this(call).Unref()
				return undefined
			},
			// setConnectionReader(factory) makes every connection the
			// server accepts from now on read with the factory's read
			// strategy (http's request reader) from its first byte.
			"setConnectionReader": func(call goja.FunctionCall) goja.Value {
				f := jsbridge.MustUnwrap[ReaderFactory](e, call.Argument(0), "read strategy factory")
				this(call).reader = f
				return undefined
			},
			// pause(ms) stops accepting for ms milliseconds.
			"pause": func(call goja.FunctionCall) goja.Value {
				ms := min(max(call.Argument(0).ToInteger(), 0), 1<<40)
				this(call).pauseAccept(time.Duration(ms) * time.Millisecond)
				return undefined
			},
		})
		return proto
	}).(*goja.Object)
}

func native(e *jsbridge.Env, binding *goja.Object) {
	e.SetFuncs(binding, map[string]func(goja.FunctionCall) goja.Value{
		// createServer(server) makes the Go side of a JS net.Server.
		"createServer": func(call goja.FunctionCall) goja.Value {
			s := NewServer(e, call.Argument(0).ToObject(e.VM))
			s.sendable = true // a plain server's listener may go to a child
			return e.NewWrapped(ServerProto(e), s)
		},
		// isEncoding(name) says whether setEncoding accepts name.
		"isEncoding": func(call goja.FunctionCall) goja.Value {
			_, ok := stringdecoder.ParseEncoding(call.Argument(0).String())
			return e.VM.ToValue(ok)
		},
		// isIP(string) is 4, 6 or 0.
		"isIP": func(call goja.FunctionCall) goja.Value {
			return e.VM.ToValue(isIP(call.Argument(0).String()))
		},
		// open(fd) wraps a connected socket the process already has (the
		// fd option of new net.Socket); the socket owns it from now on.
		"open": func(call goja.FunctionCall) goja.Value {
			fd := call.Argument(0).ToInteger()
			if fd < 0 || fd > math.MaxInt32 {
				e.ThrowTypeError("fd must be a file descriptor: %s", call.Argument(0).String())
			}
			conn, err := fileConn(int(fd))
			if err != nil {
				panic(sysError(e, err, "open"))
			}
			return NewConn(e, conn, readSize).Handle()
		},
		// connect(network, address, callback(err, handle)) dials on a
		// goroutine and returns the request (cancel, ref, unref; see
		// Request); the loop stays alive until the callback has run,
		// unless the request is unref'd.
		"connect": func(call goja.FunctionCall) goja.Value {
			network, address := call.Argument(0).String(), call.Argument(1).String()
			cb := call.Argument(2)
			req := Dial(e, network, address, nil, func(conn net.Conn, err error) {
				if err != nil {
					e.Call(cb, goja.Undefined(), sysError(e, err, "connect"))
					return
				}
				c := NewConn(e, conn, readSize)
				e.Call(cb, goja.Undefined(), goja.Null(), c.Handle())
			})
			return req.Object()
		},
	})
	binding.Set("highWaterMark", HighWaterMark)
}

// readSize is the buffer size of each read on a plain socket.
const readSize = 64 * 1024

// sysError is Node's error for a failed socket call; a failed host name
// lookup is reported as getaddrinfo's, as Node 0.7 did.
func sysError(e *jsbridge.Env, err error, syscall string) *goja.Object {
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		syscall = "getaddrinfo"
	}
	return e.SysError(err, syscall)
}

// isIP is 4 for an IPv4 literal, 6 for an IPv6 one, else 0. An IPv6
// literal may carry a zone ("fe80::1%eth0") of letters, digits, '-', '.'
// and ':', as today's node accepts.
func isIP(s string) int {
	addr, err := netip.ParseAddr(s)
	if err != nil {
		return 0
	}
	if _, zone, ok := strings.Cut(s, "%"); ok {
		for _, r := range zone {
			if !(r < utf8.RuneSelf && (isAlnum(byte(r)) || r == '-' || r == '.' || r == ':')) {
				return 0
			}
		}
	}
	switch {
	case strings.Contains(s, ":"):
		return 6
	case addr.Is4():
		return 4
	}
	return 0
}

func isAlnum(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
