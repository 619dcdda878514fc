package tls

import (
	"crypto/x509"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
	"github.com/gojatls/gojatls/modules/tls/certs"
)

// peerCertificateObject is getPeerCertificate()'s object for cert, keys
// in Node 0.7's order.
func peerCertificateObject(e *jsbridge.Env, cert *x509.Certificate) *goja.Object {
	return fieldsObject(e, certs.PeerCertificate(cert))
}

func fieldsObject(e *jsbridge.Env, fields []certs.Field) *goja.Object {
	o := e.VM.NewObject()
	for _, f := range fields {
		var v goja.Value
		switch val := f.Value.(type) {
		case []certs.Field:
			v = fieldsObject(e, val)
		case []byte:
			v = e.NewBuffer(append([]byte(nil), val...))
		case []string:
			items := make([]any, len(val))
			for i, s := range val {
				items[i] = s
			}
			v = e.VM.NewArray(items...)
		default:
			v = e.VM.ToValue(val)
		}
		o.Set(f.Name, v)
	}
	return o
}
