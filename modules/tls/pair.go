package tls

import (
	"crypto/tls"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
	"github.com/gojatls/gojatls/modules/crypto"
)

// PairOptions say which side of a SecurePair this is and how it judges
// its peer.
type PairOptions struct {
	IsServer           bool   `js:"isServer"`
	RequestCert        bool   `js:"requestCert"`
	RejectUnauthorized bool   `js:"rejectUnauthorized"`
	Servername         string `js:"servername"`
}

// pair is the Go side of a SecurePair: crypto/tls running over a pipeConn
// whose other end is the JS pair.encrypted stream.
type pair struct {
	e     *jsbridge.Env
	owner *goja.Object // the JS SecurePair
	pc    *pipeConn
	tc    *tls.Conn
	done  bool // loop: destroyed

	// While the handshake works on what was fed (or on its first flight),
	// the pair holds the program open, as Node's synchronous SecurePair
	// would finish that work before exiting; idle, it does not.
	busy *jsbridge.Handle // loop
	fed  int              // loop: chunks fed so far
}

type pairProtoKey struct{}

func pairProto(e *jsbridge.Env) *goja.Object {
	return e.Local(pairProtoKey{}, func() any {
		proto := e.VM.NewObject()
		this := func(call goja.FunctionCall) *pair {
			return jsbridge.MustUnwrap[*pair](e, call.This, "SecurePair handle")
		}
		undefined := goja.Undefined()
		e.SetFuncs(proto, map[string]func(goja.FunctionCall) goja.Value{
			// feed(buffer): encrypted bytes from the network.
			"feed": func(call goja.FunctionCall) goja.Value {
				b, ok := jsbridge.Bytes(call.Argument(0))
				if !ok {
					e.ThrowTypeError("First argument must be a buffer or a string.")
				}
				p := this(call)
				p.fed++
				if p.busy.Open() {
					p.busy.Ref()
				}
				p.pc.feed(append([]byte(nil), b...))
				return undefined
			},
			// feedEnd(): the network side has ended.
			"feedEnd": func(call goja.FunctionCall) goja.Value {
				this(call).pc.feedEnd()
				return undefined
			},
			"destroy": func(call goja.FunctionCall) goja.Value {
				p := this(call)
				p.done = true
				_ = p.pc.Close()
				return undefined
			},
		})
		return proto
	}).(*goja.Object)
}

// newPair starts the handshake at once: a client's ClientHello comes out of
// pair.encrypted right away.
func newPair(e *jsbridge.Env, owner *goja.Object, ctx *crypto.SecureContext, opts PairOptions) *goja.Object {
	p := &pair{e: e, owner: owner, busy: e.NewHandle()}
	encrypted := owner.Get("encrypted").ToObject(e.VM)
	call := func(method string, args ...goja.Value) {
		if !p.done {
			e.Call(encrypted.Get(method), encrypted, args...)
		}
	}
	p.pc = newPipeConn(
		func(b []byte) { e.Post(func() { call("_onData", e.NewBuffer(b)) }) },
		func() { e.Post(func() { call("_onEnd") }) },
		func(consumed int) {
			e.Post(func() {
				if consumed >= p.fed {
					p.busy.Unref()
				}
			})
		},
	)
	if opts.IsServer {
		p.tc = tls.Server(p.pc, serverConfig(ctx, ServerOptions{RequestCert: opts.RequestCert, RejectUnauthorized: opts.RejectUnauthorized}))
	} else {
		p.tc = tls.Client(p.pc, clientConfig(ctx, opts.Servername, nil, nil))
	}
	// The handshake goroutine does not hold the program open: like Node's,
	// a pair lives only as long as the streams that feed it. It runs under
	// the runtime's context, whose end closes the pipe and so ends it;
	// once it is done, the connection made of it is closed at the end
	// like any other (netmod.Conn).
	closePipe := func() { _ = p.pc.Close() }
	fail := func(err *goja.Object) {
		if !p.done {
			e.Call(owner.Get("_onError"), owner, err)
		}
	}
	go func() {
		defer e.Post(p.busy.Close)
		if err := handshake(e.Context(), p.tc, 0); err != nil {
			closePipe()
			e.Post(func() { fail(handshakeError(e, err)) })
			return
		}
		verify := !opts.IsServer || opts.RequestCert
		s, err := newSession(p.tc, ctx, verify, !opts.IsServer)
		if err != nil {
			closePipe()
			e.Post(func() { fail(keyTooSmallError(e, err.Error())) })
			return
		}
		e.PostOr(func() {
			if p.done {
				return
			}
			c := newConn(e, p.tc)
			e.Call(owner.Get("_onSecure"), owner, s.args(e, c.Handle())...)
		}, closePipe)
	}()
	return e.NewWrapped(pairProto(e), p)
}
