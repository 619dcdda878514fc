package net

import (
	"context"
	"net"
	"sync/atomic"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

// Request is a connect in progress, libuv's connect request: it keeps the
// program alive until its callback has run, unless it is unref'd (a
// socket's unref() while it connects), and cancel() stops it. Loop
// goroutine only.
type Request struct {
	e         *jsbridge.Env
	cancel    context.CancelFunc
	cancelled atomic.Bool // Cancel was called
	handle    *jsbridge.Handle
	obj       *goja.Object
}

// Setup runs on the dialing goroutine with a fresh connection and returns
// the connection to hand over (tls: the TLS connection, once the handshake
// is done), or an error (the caller closes conn then). It must give up when
// ctx ends.
type Setup func(ctx context.Context, conn net.Conn) (net.Conn, error)

// Dial connects to address on a goroutine, runs setup there (if not nil),
// then calls done on the loop with the connection, which done owns, or
// the error. Cancel stops the dial or the setup; done then gets an error
// (and a connection made anyway is closed). Both run under the runtime's
// context: its end stops them too.
func Dial(e *jsbridge.Env, network, address string, setup Setup, done func(net.Conn, error)) *Request {
	if network == "unix" {
		address = unixPath(e, address)
	}
	ctx, cancel := context.WithCancel(e.Context())
	r := &Request{e: e, cancel: cancel, handle: e.NewHandle()}
	go func() {
		defer cancel() // the dial's context is done with: let go of it
		var d net.Dialer
		conn, err := d.DialContext(ctx, network, address)
		if err == nil && setup != nil {
			var ready net.Conn
			if ready, err = setup(ctx, conn); err != nil {
				_ = conn.Close()
				conn = nil
			} else {
				conn = ready
			}
		}
		release := func() {
			if conn != nil {
				_ = conn.Close()
			}
		}
		e.PostOr(func() {
			r.handle.Close()
			if r.cancelled.Load() && conn != nil {
				_ = conn.Close()
				conn, err = nil, context.Canceled
			}
			done(conn, err)
		}, release)
	}()
	return r
}

// Cancel stops the dial; its callback still runs, with an error.
func (r *Request) Cancel() {
	r.cancelled.Store(true)
	r.cancel()
}

type requestProtoKey struct{}

// Object is the request as JS holds it (socket._connectReq): cancel(),
// ref(), unref().
func (r *Request) Object() *goja.Object {
	if r.obj != nil {
		return r.obj
	}
	e := r.e
	proto := e.Local(requestProtoKey{}, func() any {
		proto := e.VM.NewObject()
		this := func(call goja.FunctionCall) *Request {
			return jsbridge.MustUnwrap[*Request](e, call.This, "connect request")
		}
		undefined := goja.Undefined()
		e.SetFuncs(proto, map[string]func(goja.FunctionCall) goja.Value{
			"cancel": func(call goja.FunctionCall) goja.Value {
				this(call).Cancel()
				return undefined
			},
			"ref": func(call goja.FunctionCall) goja.Value {
				this(call).handle.Ref()
				return undefined
			},
			"unref": func(call goja.FunctionCall) goja.Value {
				this(call).handle.Unref()
				return undefined
			},
		})
		return proto
	}).(*goja.Object)
	r.obj = e.NewWrapped(proto, r)
	return r.obj
}
