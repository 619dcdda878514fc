package main

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
)

// The documented echo server listens on port 8000, which the examples
// tests use too. So that both can run at once, the bench runs the script
// from a copy in a temporary directory, identical but for the port number
// (one the system gives as free when the bench starts), beside links to the
// key and certificates it reads. A network namespace with its own free
// 8000 would leave the file untouched, but needs privileges or user
// namespaces that containers often refuse, and the load generator would
// have to run inside it too; the copy works wherever the bench does.

// scriptPortCall is how a documented server script names its port, once.
var scriptPortCall = []byte("listen(8000")

// scriptFiles are what tls-server.js reads from its working directory.
var scriptFiles = []string{"server-key.pem", "server-cert.pem", "client-cert.pem"}

// withPort is the script src listening on port instead of 8000; src must
// hold exactly one listen(8000 call.
func withPort(src []byte, port int) ([]byte, error) {
	if n := bytes.Count(src, scriptPortCall); n != 1 {
		return nil, fmt.Errorf("the script has %d %q calls, the bench expects exactly one", n, scriptPortCall)
	}
	return bytes.Replace(src, scriptPortCall, []byte("listen("+strconv.Itoa(port)), 1), nil
}

// freePort is a TCP port that nothing listens on now.
func freePort() (int, error) {
	l, err := net.Listen("tcp", ":0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// prepareScript chooses c.port and writes the copy of tls-server.js into
// c.scripts, a new temporary directory.
func prepareScript(c *config) error {
	port, err := freePort()
	if err != nil {
		return err
	}
	src, err := os.ReadFile(filepath.Join(c.examples, "tls-server.js"))
	if err != nil {
		return err
	}
	script, err := withPort(src, port)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "gojatls-bench-script")
	if err != nil {
		return err
	}
	c.tmpDirs = append(c.tmpDirs, dir)
	if err := os.WriteFile(filepath.Join(dir, "tls-server.js"), script, 0o644); err != nil {
		return err
	}
	for _, name := range scriptFiles {
		if err := os.Symlink(filepath.Join(c.examples, name), filepath.Join(dir, name)); err != nil {
			return err
		}
	}
	c.port, c.scripts = port, dir
	return nil
}
