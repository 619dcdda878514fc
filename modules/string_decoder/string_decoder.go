// Package stringdecoder is Node's string_decoder module. Decoding runs in Go
// (decoder.go), since it sits on the path of every chunk a stream delivers
// after setEncoding().
package stringdecoder

import (
	_ "embed"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

//go:embed string_decoder.js
var source string

// Module is Node's string_decoder module.
var Module = &jsbridge.Module{Name: "string_decoder", JS: source, Native: native}

var encodings = map[string]Encoding{
	"utf8": UTF8, "ucs2": UCS2, "base64": Base64, "hex": Hex, "ascii": ASCII, "binary": Latin1,
}

// native fills the binding with decoder(encoding), which returns an object
// with write(buffer) and end() backed by a Go Decoder; encoding is one of the
// canonical names above.
func native(e *jsbridge.Env, binding *goja.Object) {
	vm := e.VM
	toJS := func(t Text) goja.Value { return ToValue(vm, t) }
	e.SetFuncs(binding, map[string]func(goja.FunctionCall) goja.Value{
		"decoder": func(call goja.FunctionCall) goja.Value {
			enc, ok := encodings[call.Argument(0).String()]
			if !ok {
				e.ThrowTypeError("Unknown encoding: %s", call.Argument(0).String())
			}
			d := NewDecoder(enc)
			obj := vm.NewObject()
			e.SetFuncs(obj, map[string]func(goja.FunctionCall) goja.Value{
				"write": func(call goja.FunctionCall) goja.Value {
					b, ok := jsbridge.Bytes(call.Argument(0))
					if !ok {
						e.ThrowTypeError("argument must be a Buffer")
					}
					return toJS(d.Write(b))
				},
				"end": func(goja.FunctionCall) goja.Value {
					return toJS(d.End())
				},
				"buffered": func(goja.FunctionCall) goja.Value {
					return vm.ToValue(d.Buffered())
				},
			})
			return obj
		},
	})
}
