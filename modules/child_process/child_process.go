// Package childprocess is Node's child_process module: spawn, exec and
// execFile as Node 0.7.4 has them. The JS part (child_process.js) has the
// ChildProcess class and the option handling; the Go part starts processes,
// waits for them on a goroutine and hands their pipes to net sockets, as
// Node 0.7 made child.stdin, child.stdout and child.stderr net.Sockets over
// socketpairs.
package childprocess

import (
	_ "embed"

	"github.com/gojatls/gojatls/jsbridge"
)

//go:embed child_process.js
var source string

// Module is Node's child_process module.
var Module = &jsbridge.Module{Name: "child_process", JS: source, Native: native}
