package stringdecoder

import (
	"strings"

	"github.com/dop251/goja"
)

// encodingNames maps every encoding name Node accepts to its Encoding.
var encodingNames = map[string]Encoding{
	"utf8": UTF8, "utf-8": UTF8,
	"ucs2": UCS2, "ucs-2": UCS2, "utf16le": UCS2, "utf-16le": UCS2,
	"base64": Base64, "hex": Hex, "ascii": ASCII, "binary": Latin1, "latin1": Latin1,
}

// Name is the encoding's Node name (one ParseEncoding takes back).
func (enc Encoding) Name() string {
	return [...]string{UTF8: "utf8", UCS2: "ucs2", Base64: "base64", Hex: "hex", ASCII: "ascii", Latin1: "binary"}[enc]
}

// ParseEncoding returns the Encoding a Node encoding name stands for.
func ParseEncoding(name string) (Encoding, bool) {
	enc, ok := encodingNames[strings.ToLower(name)]
	return enc, ok
}

// ToValue makes a JS string of decoded text.
func ToValue(vm *goja.Runtime, t Text) goja.Value {
	if t.U != nil {
		return goja.StringFromUTF16(t.U)
	}
	return vm.ToValue(t.S)
}
