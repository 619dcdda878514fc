// Package repl is Node's repl module: the read-eval-print loop that
// gojatls starts without a script on a terminal, and that scripts start on
// any stream with repl.start().
package repl

import (
	_ "embed"

	"github.com/gojatls/gojatls/jsbridge"
)

//go:embed repl.js
var source string

// Module is Node's repl module.
var Module = &jsbridge.Module{Name: "repl", JS: source}
