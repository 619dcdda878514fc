package tls

import (
	"crypto/tls"
	"crypto/x509"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
	"github.com/gojatls/gojatls/modules/crypto"
	"github.com/gojatls/gojatls/modules/tls/ciphers"
)

// session is what a finished handshake established: the connection state
// and the verdict on the peer's certificate. It is built on the handshake
// goroutine (verification is CPU work) and read on the loop afterwards.
type session struct {
	conn *tls.Conn
	// What scripts may ask about, from tls.ConnectionState (not all of it:
	// a server holds one session per open connection).
	peerCerts  []*x509.Certificate // the peer's chain, as it sent it
	version    uint16
	cipher     uint16
	resumed    bool
	alpn       string // the negotiated application protocol
	verified   bool   // the peer's chain was checked
	authErr    string // "" when it verified
	servername string
	npn        string          // server: the NPN result (over ALPN)
	sessions   *clientSessions // client: its session cache
}

// newSession verifies the peer as OpenSSL 1.0 would. A server only judges
// client certificates when it asked for them (requestCert). A peer key that
// only --legacy-crypto allows is an error: the connection cannot go on.
func newSession(tc *tls.Conn, ctx *crypto.SecureContext, verifyPeer bool, peerIsServer bool) (*session, error) {
	state := tc.ConnectionState()
	s := &session{
		conn: tc, peerCerts: state.PeerCertificates, version: state.Version, cipher: state.CipherSuite,
		resumed: state.DidResume, alpn: state.NegotiatedProtocol, servername: state.ServerName,
	}
	if len(s.peerCerts) > 0 {
		if msg := ctx.PeerKeyError(s.peerCerts[0]); msg != "" {
			return nil, peerKeyError(msg)
		}
	}
	if verifyPeer {
		s.verified = true
		s.authErr = verifyChain(s.peerCerts, ctx, peerIsServer)
	}
	return s, nil
}

// peerKeyError is newSession's error: the peer's key needs
// --legacy-crypto (the text says so).
type peerKeyError string

func (p peerKeyError) Error() string { return string(p) }

func (s *session) authorized() bool { return s.verified && s.authErr == "" }

// args are the arguments of a handshake's callback into JS: the handle,
// then this session's JS object and what the CleartextStream records
// (its _secure): authorized, authorizationError (undefined when none),
// servername, npnProtocol and alpnProtocol (false when none).
func (s *session) args(e *jsbridge.Env, handle *goja.Object) []goja.Value {
	authErr := goja.Undefined()
	if s.authErr != "" {
		authErr = e.VM.ToValue(s.authErr)
	}
	npn := s.npn
	if npn == "" {
		npn = s.alpn
	}
	return []goja.Value{
		handle, s.object(e), e.VM.ToValue(s.authorized()), authErr,
		stringOrFalse(e, s.servername), stringOrFalse(e, npn), stringOrFalse(e, s.alpn),
	}
}

// stringOrFalse is s, or false when it is empty: Node's value of a
// servername or protocol that was not given.
func stringOrFalse(e *jsbridge.Env, s string) goja.Value {
	if s == "" {
		return e.VM.ToValue(false)
	}
	return e.VM.ToValue(s)
}

type sessionProtoKey struct{}

// object is the JS object a CleartextStream keeps as _tls.
func (s *session) object(e *jsbridge.Env) *goja.Object {
	proto := e.Local(sessionProtoKey{}, func() any {
		proto := e.VM.NewObject()
		this := func(call goja.FunctionCall) *session {
			return jsbridge.MustUnwrap[*session](e, call.This, "TLS session")
		}
		e.SetFuncs(proto, map[string]func(goja.FunctionCall) goja.Value{
			"getPeerCertificate": func(call goja.FunctionCall) goja.Value {
				s := this(call)
				if len(s.peerCerts) == 0 {
					return e.VM.NewObject()
				}
				return peerCertificateObject(e, s.peerCerts[0])
			},
			"getCipher": func(call goja.FunctionCall) goja.Value {
				s := this(call)
				o := e.VM.NewObject()
				o.Set("name", ciphers.Name(s.cipher))
				o.Set("standardName", tls.CipherSuiteName(s.cipher))
				// The suite's protocol as OpenSSL labels it, as later Node does.
				version := protocolName(s.version)
				if suite, ok := ciphers.Lookup(s.cipher); ok {
					version = suite.Version
				}
				o.Set("version", version)
				return o
			},
			"getProtocol": func(call goja.FunctionCall) goja.Value {
				return e.VM.ToValue(protocolName(this(call).version))
			},
			// socketBytes() is [bytesRead, bytesWritten] of the TCP
			// connection under the TLS one (cleartextStream.socket).
			"socketBytes": func(call goja.FunctionCall) goja.Value {
				read, written := socketBytes(this(call).conn)
				return e.VM.NewArray(read, written)
			},
			"isSessionReused": func(call goja.FunctionCall) goja.Value {
				return e.VM.ToValue(this(call).resumed)
			},
			// getSession() is the newest session as a Buffer, for the
			// session option of a later tls.connect.
			"getSession": func(call goja.FunctionCall) goja.Value {
				s := this(call)
				if s.sessions == nil {
					return goja.Undefined()
				}
				b, err := s.sessions.encode()
				if err != nil || b == nil {
					return goja.Undefined()
				}
				return e.NewBuffer(b)
			},
		})
		return proto
	}).(*goja.Object)
	return e.NewWrapped(proto, s)
}

// protocolName is the version as OpenSSL names it ('TLSv1.2').
func protocolName(v uint16) string {
	switch v {
	case tls.VersionTLS10:
		return "TLSv1"
	case tls.VersionTLS11:
		return "TLSv1.1"
	case tls.VersionTLS12:
		return "TLSv1.2"
	case tls.VersionTLS13:
		return "TLSv1.3"
	}
	return "unknown"
}
