// Package stream is Node's stream module.
package stream

import (
	_ "embed"

	"github.com/gojatls/gojatls/jsbridge"
)

//go:embed stream.js
var source string

// Module is Node's stream module.
var Module = &jsbridge.Module{Name: "stream", JS: source}
