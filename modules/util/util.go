// Package util is Node's util module: format, inspect, the type checks,
// inherits, pump, log and the synchronous print helpers.
package util

import (
	_ "embed"

	"github.com/gojatls/gojatls/jsbridge"
	"github.com/gojatls/gojatls/modules/console"
)

//go:embed util.js
var source string

// Module is Node's util module. Its Go part is the console module's
// synchronous stdout and stderr writers.
var Module = &jsbridge.Module{Name: "util", JS: source, Native: console.BindStdio}
