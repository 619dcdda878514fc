package tls

import (
	"crypto/x509"

	"github.com/gojatls/gojatls/modules/crypto"
	"github.com/gojatls/gojatls/modules/tls/certs"
)

// verifyChain judges the peer's chain against the context's trust store, in
// OpenSSL 1.0's order; "" means authorized.
func verifyChain(chain []*x509.Certificate, ctx *crypto.SecureContext, peerIsServer bool) string {
	return certs.Verify(chain, certs.VerifyOptions{
		Roots:      ctx.TrustedCAs(),
		ServerCert: peerIsServer,
		Legacy:     ctx.Legacy,
		CRLs:       ctx.CRLs,
	})
}
