package tls

import (
	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

// environmentNative adds to the binding what Node's environment
// conventions for TLS need from Go.
func environmentNative(e *jsbridge.Env, binding *goja.Object) {
	e.SetFuncs(binding, map[string]func(goja.FunctionCall) goja.Value{
		// warnRejectUnauthorizedEnv: tls.connect found
		// NODE_TLS_REJECT_UNAUTHORIZED=0 in process.env; Node's warning,
		// once per process.
		"warnRejectUnauthorizedEnv": func(goja.FunctionCall) goja.Value {
			e.Host().Warn("tls-reject-unauthorized-env", "Setting the NODE_TLS_REJECT_UNAUTHORIZED environment variable to '0' "+
				"makes TLS connections and HTTPS requests insecure by disabling certificate verification.")
			return goja.Undefined()
		},
	})
}
