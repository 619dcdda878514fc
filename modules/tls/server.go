package tls

import (
	"crypto/rand"
	"crypto/tls"
	"errors"
	"net"
	"sync"
	"sync/atomic"
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
	protos  []string // NPNProtocols or ALPNProtocols, in preference order
	timeout time.Duration
	tickets [32]byte // session ticket key shared by every config

	// sni is set once the script has an SNICallback or called addContext:
	// handshakes that name a server then ask JS for the context.
	sni atomic.Bool

	mu      sync.Mutex
	configs map[configKey]*tls.Config
}

type configKey struct {
	ctx     *crypto.SecureContext
	proto   string
	alpn    bool
	ciphers uint64 // ctx.CiphersChanges(): setCiphers makes new configurations
}

func newServer(e *jsbridge.Env, owner *goja.Object, ctx *crypto.SecureContext, opts ServerOptions, protos []string) *server {
	s := &server{
		e: e, owner: owner, ctx: ctx, opts: opts, protos: protos,
		timeout: DefaultHandshakeTimeout,
		configs: map[configKey]*tls.Config{},
	}
	if opts.HandshakeTimeout > 0 {
		s.timeout = time.Duration(opts.HandshakeTimeout * float64(time.Millisecond))
	}
	if _, err := rand.Read(s.tickets[:]); err != nil {
		panic(err)
	}
	s.net = netmod.NewServer(e, owner)
	s.net.Handshake = s.handshake
	return s
}

// configFor is the (cached) configuration for a context and an agreed
// application protocol.
func (s *server) configFor(key configKey) *tls.Config {
	s.mu.Lock()
	defer s.mu.Unlock()
	if cfg, ok := s.configs[key]; ok {
		return cfg
	}
	cfg := serverConfig(key.ctx, s.opts)
	cfg.SetSessionTicketKeys([][32]byte{s.tickets})
	if key.alpn {
		cfg.NextProtos = []string{key.proto}
	}
	for old := range s.configs {
		if old.ctx == key.ctx && old.ciphers != key.ciphers {
			delete(s.configs, old) // made before a setCiphers
		}
	}
	s.configs[key] = cfg
	return cfg
}

// handshakeState is what one connection's handshake decided before
// crypto/tls took over: the context SNI chose and the NPN result.
type handshakeState struct {
	ctx *crypto.SecureContext
	npn string
}

// connConfig is the per-connection configuration: it only picks, from the
// ClientHello, which shared configuration serves the handshake.
func (s *server) connConfig(st *handshakeState) *tls.Config {
	return &tls.Config{GetConfigForClient: func(hello *tls.ClientHelloInfo) (*tls.Config, error) {
		if _, err := refuseBadServerName(hello); err != nil {
			return nil, err
		}
		if hello.ServerName != "" && s.sni.Load() {
			ctx, err := s.askSNI(hello)
			if err != nil {
				return nil, err
			}
			if ctx != nil {
				st.ctx = ctx
			}
		}
		key := configKey{ctx: st.ctx, ciphers: st.ctx.CiphersChanges()}
		if len(s.protos) > 0 && len(hello.SupportedProtos) > 0 {
			proto, agreed := selectProtocol(s.protos, hello.SupportedProtos)
			st.npn = proto
			key.proto, key.alpn = proto, agreed
		}
		return s.configFor(key), nil
	}}
}

type sniAnswer struct {
	ctx *crypto.SecureContext
	err error
}

// askSNI runs the script's SNICallback on the loop while this handshake
// goroutine waits; the loop itself never waits.
func (s *server) askSNI(hello *tls.ClientHelloInfo) (*crypto.SecureContext, error) {
	answer := make(chan sniAnswer, 1)
	name := hello.ServerName
	s.e.Post(func() { s.callSNI(name, answer) })
	// The handshake's context ends with the runtime's too.
	select {
	case a := <-answer:
		return a.ctx, a.err
	case <-hello.Context().Done():
		return nil, hello.Context().Err()
	}
}

// callSNI asks JS (server._sniContext(servername, done)) for a context.
func (s *server) callSNI(name string, answer chan<- sniAnswer) {
	e := s.e
	var once sync.Once
	reply := func(a sniAnswer) { once.Do(func() { answer <- a }) }
	done := e.Func(func(call goja.FunctionCall) goja.Value {
		if err := call.Argument(0); !goja.IsUndefined(err) && !goja.IsNull(err) {
			reply(sniAnswer{err: errors.New("SNICallback failed: " + err.String())})
			return goja.Undefined()
		}
		v := call.Argument(1)
		if goja.IsUndefined(v) || goja.IsNull(v) {
			reply(sniAnswer{})
			return goja.Undefined()
		}
		ctx, ok := crypto.UnwrapContext(v)
		if !ok {
			if obj, isObj := v.(*goja.Object); isObj {
				ctx, ok = crypto.UnwrapContext(obj.Get("context"))
			}
		}
		if !ok {
			reply(sniAnswer{err: errors.New("SNICallback did not return a SecureContext")})
			return goja.Undefined()
		}
		reply(sniAnswer{ctx: ctx})
		return goja.Undefined()
	})
	if _, err := e.Host().Try(s.owner.Get("_sniContext"), s.owner, e.VM.ToValue(name), done); err != nil {
		reply(sniAnswer{err: errors.New("SNICallback threw: " + err.Error())})
	}
}

// handshake is the tls server's step between accept and JS: it runs on
// the loop for each new TCP connection, and hands the connection on to
// the net server (ready: its connection options) once the handshake is
// done. The connection counts in server.connections from now on
// (net.Server's Opened), while it handshakes too, as in Node 0.7, where
// the tls.Server's net.Server counted the socket its SecurePair ran over.
func (s *server) handshake(raw net.Conn, ready netmod.Ready) {
	s.net.Opened()
	s.e.GoOr(func() (func(), func()) {
		st := &handshakeState{ctx: s.ctx}
		tc := tls.Server(&countedConn{Conn: raw}, s.connConfig(st))
		if err := handshake(s.e.Context(), tc, s.timeout); err != nil {
			_ = raw.Close()
			return func() { s.failed(handshakeError(s.e, err)) }, nil
		}
		closeConn := func() { _ = tc.Close() }
		sess, err := newSession(tc, st.ctx, s.opts.RequestCert, false)
		if err != nil {
			closeConn()
			return func() { s.failed(keyTooSmallError(s.e, err.Error())) }, nil
		}
		sess.npn = st.npn
		if s.opts.RequestCert && s.opts.RejectUnauthorized && !sess.authorized() {
			// Node 0.7 destroys such a connection without an event.
			closeConn()
			return func() { s.net.Dropped(nil) }, nil
		}
		return func() {
			ready(tc, readSize, func(c *netmod.Conn) {
				c.SetErrorFunc(ioError)
				c.SetSecure(sess) // its JS object is made if a script asks (sessionOf)
				args := sess.args(s.e, c.Handle())
				args[1] = goja.Null()
				s.e.Call(s.owner.Get("_onSecureConnection"), s.owner, args...)
			})
		}, closeConn
	})
}

// failed lets the connection of a failed handshake go from
// server.connections and reports it with 'clientError' (err). (In 0.7.4
// a peer's end destroyed the socket, which uncounted it, before its pair
// reported the error.)
func (s *server) failed(err *goja.Object) {
	s.net.Dropped(func() { s.e.Emit(s.owner, "clientError", err) })
}
