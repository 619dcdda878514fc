package tls

import (
	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
	"github.com/gojatls/gojatls/modules/tls/certs"
)

// identityNative adds to the binding what host name checks need: Node
// 0.7 never checks that a certificate names the host (authorized is the
// chain's verdict alone); later Node's tls.checkServerIdentity and the
// checkServerIdentity option of tls.connect let a script ask, and a
// one-time warning tells when a verified certificate names another host.
func identityNative(e *jsbridge.Env, binding *goja.Object) {
	e.SetFuncs(binding, map[string]func(goja.FunctionCall) goja.Value{
		// checkHost(host, subjectaltname, cns) is tls.checkServerIdentity's
		// rule: '' when the names cover host, else the reason.
		"checkHost": func(call goja.FunctionCall) goja.Value {
			var cns []string
			items, _ := e.ArrayItems(call.Argument(2), "CN")
			for _, cn := range items {
				cns = append(cns, cn.String())
			}
			return e.VM.ToValue(certs.CheckHost(call.Argument(0).String(), call.Argument(1).String(), cns))
		},
		// warnHostMismatch(session, host) warns once per process when the
		// verified certificate of a client connection does not name the
		// host it dialled. It reads the certificate in Go: no JS object.
		"warnHostMismatch": func(call goja.FunctionCall) goja.Value {
			s := jsbridge.MustUnwrap[*session](e, call.Argument(0), "TLS session")
			host := call.Argument(1).String()
			if len(s.peerCerts) == 0 {
				return goja.Undefined()
			}
			if reason := certs.CheckHostOf(host, s.peerCerts[0]); reason != "" {
				e.Host().Warn("tls-hostname", "tls.connect: the server's certificate verified but is not for '"+host+"' ("+reason+
					"); Node 0.7 does not check host names: to refuse such servers, pass checkServerIdentity: tls.checkServerIdentity "+
					"with rejectUnauthorized: true")
			}
			return goja.Undefined()
		},
	})
}
