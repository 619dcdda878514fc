package tls

import (
	"crypto/tls"
	"net"
	"sync"
	"time"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
	"github.com/gojatls/gojatls/modules/crypto"
	netmod "github.com/gojatls/gojatls/modules/net"
)

// server is the Go side of a tls.Server: a net server whose accepted
// connections handshake on their own goroutines before JS sees them.
type server struct {
	e       *jsbridge.Env
	owner   *goja.Object
	net     *netmod.Server
	ctx     *crypto.SecureContext
	opts    ServerOptions
	cfg     *tls.Config
	timeout time.Duration

	mu       sync.Mutex
	inflight map[net.Conn]struct{} // connections still handshaking
}

func newServer(e *jsbridge.Env, owner *goja.Object, ctx *crypto.SecureContext, opts ServerOptions) *server {
	s := &server{
		e: e, owner: owner, ctx: ctx, opts: opts,
		cfg:      serverConfig(ctx, opts),
		timeout:  DefaultHandshakeTimeout,
		inflight: map[net.Conn]struct{}{},
	}
	if opts.HandshakeTimeout > 0 {
		s.timeout = time.Duration(opts.HandshakeTimeout * float64(time.Millisecond))
	}
	s.net = netmod.NewServer(e, owner)
	s.net.Accept = s.accept
	e.Host().OnExit(s.abortHandshakes)
	return s
}

// accept runs on the loop for each new TCP connection.
func (s *server) accept(raw net.Conn) {
	s.track(raw, true)
	s.e.Go(func() func() {
		defer s.track(raw, false)
		tc := tls.Server(raw, s.cfg)
		if err := handshake(tc, s.timeout); err != nil {
			_ = raw.Close()
			return func() { s.e.Emit(s.owner, "clientError", handshakeError(s.e, err)) }
		}
		sess := newSession(tc, s.ctx, s.opts.RequestCert, false)
		if s.opts.RequestCert && s.opts.RejectUnauthorized && !sess.authorized() {
			// Node 0.7 destroys such a connection without an event.
			_ = tc.Close()
			return nil
		}
		return func() {
			c := netmod.NewConn(s.e, tc, readSize)
			s.e.Call(s.owner.Get("_onSecureConnection"), s.owner, c.Handle(), sess.object(s.e), sess.info(s.e))
		}
	})
}

func (s *server) track(c net.Conn, add bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if add {
		s.inflight[c] = struct{}{}
	} else {
		delete(s.inflight, c)
	}
}

// abortHandshakes closes connections still handshaking when the runtime
// ends, so no goroutine outlives it.
func (s *server) abortHandshakes() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.inflight {
		_ = c.Close()
	}
}
