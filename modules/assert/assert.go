// Package assert is Node's assert module.
package assert

import (
	_ "embed"

	"github.com/gojatls/gojatls/jsbridge"
)

//go:embed assert.js
var source string

// Module is Node's assert module.
var Module = &jsbridge.Module{Name: "assert", JS: source}
