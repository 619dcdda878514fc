// Package cluster is Node's cluster module as Node 0.7.4 has it: a master
// forks workers (child_process.fork with NODE_UNIQUE_ID) and every worker's
// listen() accepts on one listening socket that the master made and sent
// (send with a handle). The JS part (cluster.js) has the master, the
// workers and their messages; the Go part is the master's listen.
package cluster

import (
	_ "embed"

	"github.com/gojatls/gojatls/jsbridge"
)

//go:embed cluster.js
var source string

// Module is Node's cluster module.
var Module = &jsbridge.Module{Name: "cluster", JS: source, Native: native}
