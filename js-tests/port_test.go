package jstests

import (
	"net"
	"testing"
)

// documentedPort is the port the documentation's examples listen on; the
// tests that run those examples verbatim need it free.
const documentedPort = "8000"

// needDocumentedPort fails the test at once, saying why, when something
// already listens on port 8000, instead of letting the example die of
// EADDRINUSE and the test wait for output that never comes.
func needDocumentedPort(t *testing.T) {
	t.Helper()
	l, err := net.Listen("tcp", ":"+documentedPort)
	if err != nil {
		t.Fatalf("port %s is taken (%v). The documentation's examples listen on it, so these tests need it free: "+
			"stop what holds it (an example server left running: Ctrl-C; `ss -ltnp 'sport = :%s'` names it) and run the tests again",
			documentedPort, err, documentedPort)
	}
	_ = l.Close()
}
