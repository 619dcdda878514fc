// Package readline is Node's readline module: lines from a readable
// stream, with line editing, history and completion on a terminal (the
// editing is tty's editor, over golang.org/x/term).
package readline

import (
	_ "embed"

	"github.com/gojatls/gojatls/jsbridge"
)

//go:embed readline.js
var source string

// Module is Node's readline module.
var Module = &jsbridge.Module{Name: "readline", JS: source}
