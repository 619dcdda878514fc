// Package querystring is Node 0.7.4's querystring module, in JS as Node has
// it: parse and stringify call escape, unescape and unescapeBuffer through
// the module's exports, so a script may replace them.
package querystring

import (
	_ "embed"

	"github.com/gojatls/gojatls/jsbridge"
)

//go:embed querystring.js
var source string

// Module is Node's querystring module.
var Module = &jsbridge.Module{Name: "querystring", JS: source}
