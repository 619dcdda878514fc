// Package punycode is Node 0.7.4's punycode module (Punycode.js 0.3.0's
// API), in JS: its ucs2 functions work on JS strings with their surrogate
// pairs, and golang.org/x/net/idna exports no raw Bootstring encode or
// decode (only whole-name ToASCII/ToUnicode, which leave an ASCII label
// as it is where encode('abc') must give 'abc-').
package punycode

import (
	_ "embed"

	"github.com/gojatls/gojatls/jsbridge"
)

//go:embed punycode.js
var source string

// Module is Node's punycode module.
var Module = &jsbridge.Module{Name: "punycode", JS: source}
