// Package crypto is Node's crypto module: hashes, HMACs, random bytes, and
// the credentials (secure contexts) that tls uses.
package crypto

import (
	_ "embed"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

//go:embed crypto.js
var source string

// Module is Node's crypto module.
var Module = &jsbridge.Module{Name: "crypto", JS: source, Native: native}

func native(e *jsbridge.Env, binding *goja.Object) {
	hashNative(e, binding)
	credentialsNative(e, binding)
}
