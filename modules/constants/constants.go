// Package constants is Node's constants module. Node 0.7.4's
// lib/constants.js exports process.binding('constants'): the system's open()
// flags and stat() mode bits (the numbers fs uses), its errno numbers and
// its signal numbers, each a read-only property. Here they come from Go's
// syscall package for the system gojatls runs on.
package constants

import (
	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

// Module is Node's constants module.
var Module = &jsbridge.Module{Name: "constants", Native: native}

// constant is one named number of the module.
type constant struct {
	name  string
	value int
}

func native(e *jsbridge.Env, binding *goja.Object) {
	define := func(name string, value int) {
		if err := binding.DefineDataProperty(name, e.VM.ToValue(value), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE); err != nil {
			panic(err)
		}
	}
	for _, c := range fsConstants {
		define(c.name, c.value)
	}
	for _, errno := range jsbridge.Errnos() {
		define(errno.Name, int(errno.Errno))
	}
	for _, sig := range jsbridge.Signals() {
		define(sig.Name, int(sig.Sig))
	}
}
