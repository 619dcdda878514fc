// Package events is Node's events module.
package events

import (
	_ "embed"

	"github.com/gojatls/gojatls/jsbridge"
)

//go:embed events.js
var source string

// Module is Node's events module.
var Module = &jsbridge.Module{Name: "events", JS: source}
