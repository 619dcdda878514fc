// Package path is Node's path module.
package path

import (
	_ "embed"

	"github.com/gojatls/gojatls/jsbridge"
)

//go:embed path.js
var source string

// Module is Node's path module.
var Module = &jsbridge.Module{Name: "path", JS: source}
