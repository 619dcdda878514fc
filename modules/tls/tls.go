// Package tls is Node's tls module over Go's crypto/tls: servers whose
// handshakes run on their own goroutines, clients, and the CleartextStream
// scripts read and write. Certificates are verified after the handshake in
// OpenSSL 1.0's order (package certs), as Node 0.7 did.
package tls

import (
	"context"
	"crypto/tls"
	_ "embed"
	"errors"
	"net"
	"time"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
	"github.com/gojatls/gojatls/modules/crypto"
	netmod "github.com/gojatls/gojatls/modules/net"
)

//go:embed tls.js
var source string

// Module is Node's tls module.
var Module = &jsbridge.Module{Name: "tls", JS: source, Native: native}

// readSize is the read buffer of a TLS connection: one record's plaintext.
const readSize = 16 * 1024

func native(e *jsbridge.Env, binding *goja.Object) {
	undefined := goja.Undefined()
	e.SetFuncs(binding, map[string]func(goja.FunctionCall) goja.Value{
		// createServer(server, context, options) makes the Go side of a
		// tls.Server: a net server whose connections handshake first.
		"createServer": func(call goja.FunctionCall) goja.Value {
			owner := call.Argument(0).ToObject(e.VM)
			ctx := mustContext(e, call.Argument(1))
			var opts ServerOptions
			e.Decode(call.Argument(2), "options", &opts)
			s := newServer(e, owner, ctx, opts, serverProtocols(e, call.Argument(2)))
			h := e.NewWrapped(netmod.ServerProto(e), s.net)
			e.SetFuncs(h, map[string]func(goja.FunctionCall) goja.Value{
				// enableSNI: the script has an SNICallback or contexts.
				"enableSNI": func(goja.FunctionCall) goja.Value {
					s.sni.Store(true)
					return undefined
				},
			})
			return h
		},
		// connect(network, address, context, options, callback) dials and
		// handshakes on a goroutine, then calls callback(err, handle,
		// session, ...) on the loop (session.args).
		"connect": func(call goja.FunctionCall) goja.Value {
			network, address := call.Argument(0).String(), call.Argument(1).String()
			ctx := mustContext(e, call.Argument(2))
			var opts ClientOptions
			e.Decode(call.Argument(3), "options", &opts)
			return connect(e, network, address, ctx, opts, call.Argument(4))
		},
		// createPair(pair, context, options) starts the Go side of a
		// SecurePair (pair.encrypted must exist).
		"createPair": func(call goja.FunctionCall) goja.Value {
			owner := call.Argument(0).ToObject(e.VM)
			ctx := mustContext(e, call.Argument(1))
			var opts PairOptions
			e.Decode(call.Argument(2), "options", &opts)
			return newPair(e, owner, ctx, opts)
		},
		// sessionOf(handle) is the session object of a server's
		// connection, made on first use (null for a handle without one).
		"sessionOf": func(call goja.FunctionCall) goja.Value {
			c, ok := jsbridge.Unwrap[*netmod.Conn](call.Argument(0))
			if !ok {
				return goja.Null()
			}
			s, ok := c.Secure().(*session)
			if !ok {
				return goja.Null()
			}
			return s.object(e)
		},
		// warnUnverified prints the once-per-process warning about a
		// server certificate accepted only because rejectUnauthorized was
		// left at its default (README: Compatibility, Warnings).
		"warnUnverified": func(call goja.FunctionCall) goja.Value {
			e.Host().Warn("tls-unverified", "tls.connect accepted a server certificate that did not verify ("+
				call.Argument(0).String()+") because rejectUnauthorized was not set; "+
				"set rejectUnauthorized: true to refuse such servers, or false to silence this warning")
			return undefined
		},
	})
	identityNative(e, binding)
	environmentNative(e, binding)
}

// newConn wraps an established TLS connection for JS: a net connection
// whose I/O errors carry OpenSSL's reasons.
func newConn(e *jsbridge.Env, tc *tls.Conn) *netmod.Conn {
	c := netmod.NewConn(e, tc, readSize)
	c.SetErrorFunc(ioError)
	return c
}

func mustContext(e *jsbridge.Env, v goja.Value) *crypto.SecureContext {
	ctx, ok := crypto.UnwrapContext(v)
	if !ok {
		e.ThrowTypeError("a SecureContext (credentials.context) was expected")
	}
	return ctx
}

// handshake runs a handshake under ctx (the runtime's: its end stops
// it), with a deadline when timeout is not 0.
func handshake(ctx context.Context, tc *tls.Conn, timeout time.Duration) error {
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	return tc.HandshakeContext(ctx)
}

// serverProtocols reads a server's NPNProtocols (or ALPNProtocols).
func serverProtocols(e *jsbridge.Env, options goja.Value) []string {
	obj, ok := options.(*goja.Object)
	if !ok {
		return nil
	}
	if p := protocolList(e, obj.Get("NPNProtocols"), "NPNProtocols"); p != nil {
		return p
	}
	return protocolList(e, obj.Get("ALPNProtocols"), "ALPNProtocols")
}

// connect is tls.connect's Go side: net's dial, then the handshake and
// the verification on the same goroutine. It returns the request JS keeps
// while connecting (net.Request: cancel() from destroy(), unref()).
func connect(e *jsbridge.Env, network, address string, ctx *crypto.SecureContext, opts ClientOptions, cb goja.Value) *goja.Object {
	servername := opts.Servername
	if servername == "" && net.ParseIP(opts.Host) == nil {
		servername = opts.Host
	}
	protos := protocolList(e, opts.NPNProtocols, "NPNProtocols")
	if protos == nil {
		protos = protocolList(e, opts.ALPNProtocols, "ALPNProtocols")
	}
	sessions := &clientSessions{}
	if len(opts.Session) > 0 {
		state, err := decodeSession(opts.Session)
		if err != nil {
			e.ThrowError("%s", err.Error())
		}
		sessions.state = state
	}
	cfg := clientConfig(ctx, servername, protos, sessions)
	var sess *session // set by the handshake, read on the loop once done runs
	secure := func(dialCtx context.Context, raw net.Conn) (net.Conn, error) {
		tc := tls.Client(&countedConn{Conn: raw}, cfg)
		if err := tc.HandshakeContext(dialCtx); err != nil {
			return nil, handshakeFailure{err}
		}
		s, err := newSession(tc, ctx, true, true)
		if err != nil {
			return nil, err
		}
		s.sessions = sessions
		sess = s
		return tc, nil
	}
	req := netmod.Dial(e, network, address, secure, func(conn net.Conn, err error) {
		var hf handshakeFailure
		var pk peerKeyError
		switch {
		case errors.As(err, &pk):
			e.Call(cb, goja.Undefined(), keyTooSmallError(e, pk.Error()))
		case errors.As(err, &hf):
			e.Call(cb, goja.Undefined(), handshakeError(e, hf.err))
		case err != nil:
			e.Call(cb, goja.Undefined(), e.SysError(err, "connect"))
		default:
			c := newConn(e, conn.(*tls.Conn))
			e.Call(cb, goja.Undefined(), append([]goja.Value{goja.Null()}, sess.args(e, c.Handle())...)...)
		}
	})
	return req.Object()
}

// handshakeFailure is an error of the handshake step of tls.connect, as
// opposed to the dial's.
type handshakeFailure struct{ err error }

func (h handshakeFailure) Error() string { return h.err.Error() }
func (h handshakeFailure) Unwrap() error { return h.err }
