package tls

import (
	"crypto/tls"
	"crypto/x509"
	"time"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/modules/crypto"
)

// DefaultHandshakeTimeout is how long a server waits for a handshake to
// finish before it gives up with 'clientError', as Node does.
const DefaultHandshakeTimeout = 120 * time.Second

// ServerOptions are tls.createServer's options beyond the secure context.
type ServerOptions struct {
	RequestCert        bool    `js:"requestCert"`
	RejectUnauthorized bool    `js:"rejectUnauthorized"`
	HandshakeTimeout   float64 `js:"handshakeTimeout"`
}

// ClientOptions are tls.connect's options beyond the secure context.
type ClientOptions struct {
	Host               string     `js:"host"`
	Servername         string     `js:"servername"`
	RejectUnauthorized *bool      `js:"rejectUnauthorized"`
	NPNProtocols       goja.Value `js:"NPNProtocols"`
	ALPNProtocols      goja.Value `js:"ALPNProtocols"`
	Session            []byte     `js:"session"`
}

// serverConfig is the crypto/tls configuration a server shares between its
// handshakes. Verification of a client certificate is ours (see certs), so
// Go only asks for one; as OpenSSL: requestCert alone requests a certificate,
// with rejectUnauthorized a missing one fails the handshake.
//
// A server that starts its handshakes with this configuration (a
// SecurePair) refuses bad server names here; a tls.Server's per-connection
// configuration does so before it picks one of these.
func serverConfig(ctx *crypto.SecureContext, opts ServerOptions) *tls.Config {
	cfg := baseConfig(ctx)
	cfg.GetConfigForClient = refuseBadServerName
	switch {
	case opts.RequestCert && opts.RejectUnauthorized:
		cfg.ClientAuth = tls.RequireAnyClientCert
	case opts.RequestCert:
		cfg.ClientAuth = tls.RequestClientCert
	default:
		cfg.ClientAuth = tls.NoClientCert
	}
	if opts.RequestCert && ctx.Options.HasCA {
		pool := x509.NewCertPool()
		for _, ca := range ctx.CAs {
			pool.AddCert(ca)
		}
		cfg.ClientCAs = pool
	}
	if ctx.Certificate != nil {
		cfg.Certificates = []tls.Certificate{*ctx.Certificate}
	}
	return cfg
}

// clientConfig is the configuration of one client connection. The client
// always sends its certificate, as OpenSSL did, even when the server's list
// of acceptable issuers does not name its issuer.
func clientConfig(ctx *crypto.SecureContext, servername string, protos []string, sessions *clientSessions) *tls.Config {
	cfg := baseConfig(ctx)
	cfg.ServerName = servername
	cfg.NextProtos = protos
	if sessions != nil {
		cfg.ClientSessionCache = sessions
	}
	cfg.InsecureSkipVerify = true // verified after the handshake, in OpenSSL's order
	// OpenSSL 1.0 clients renegotiated whenever a server asked (a TLS 1.2
	// server's HelloRequest), and scripts' connections went on.
	cfg.Renegotiation = tls.RenegotiateFreelyAsClient
	cert := ctx.Certificate
	cfg.GetClientCertificate = func(*tls.CertificateRequestInfo) (*tls.Certificate, error) {
		if cert == nil {
			return &tls.Certificate{}, nil
		}
		return cert, nil
	}
	return cfg
}

func baseConfig(ctx *crypto.SecureContext) *tls.Config {
	cfg := &tls.Config{
		MinVersion:   ctx.MinVersion,
		MaxVersion:   ctx.MaxVersion,
		KeyLogWriter: ctx.KeyLog,
	}
	ctx.ApplyCiphers(cfg)
	return cfg
}
