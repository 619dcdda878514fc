// Package https is Node's https module: http over tls (https.js), with no
// Go part of its own. The HTTP parsing is the http module's read strategy
// on the tls connections' Conn.
package https

import (
	_ "embed"

	"github.com/gojatls/gojatls/jsbridge"
)

//go:embed https.js
var source string

// Module is Node's https module.
var Module = &jsbridge.Module{Name: "https", JS: source}
