// Package url is Node's url module: 0.7.4's parse, format, resolve and
// resolveObject in JS (url.js), and later Node's WHATWG URL and
// URLSearchParams from goja_nodejs's url package as additions.
package url

import (
	_ "embed"

	"github.com/dop251/goja"
	nodeurl "github.com/dop251/goja_nodejs/url"

	"github.com/gojatls/gojatls/jsbridge"
)

//go:embed url.js
var source string

// Module is Node's url module.
var Module = &jsbridge.Module{Name: "url", JS: source, Native: native}

// native puts goja_nodejs's URL and URLSearchParams constructors in the
// binding. goja_nodejs installs a module through its own require registry,
// which gojatls does not use; its Require function only needs a module
// object with exports, so it is called with one that wraps the binding.
// (It also adds domainToASCII and domainToUnicode, which url.js does not
// export: they skip the lower-casing and checks of Node's UTS #46
// processing.)
func native(e *jsbridge.Env, binding *goja.Object) {
	module := e.VM.NewObject()
	module.Set("exports", binding)
	nodeurl.Require(e.VM, module)
}
