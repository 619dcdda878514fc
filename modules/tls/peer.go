package tls

import (
	"crypto/x509"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

// peerCertificateObject is getPeerCertificate()'s object for cert.
func peerCertificateObject(e *jsbridge.Env, cert *x509.Certificate) *goja.Object {
	o := e.VM.NewObject()
	return o
}
