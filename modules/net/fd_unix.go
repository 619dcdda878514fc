//go:build unix

package net

import (
	"net"
	"os"
	"syscall"
)

// fileConn makes a connection of a socket file descriptor the process
// already has. The connection owns the socket from then on: fd itself is
// closed, so that destroying the connection really closes it. On failure
// fd is left alone.
func fileConn(fd int) (net.Conn, error) {
	dup, err := syscall.Dup(fd)
	if err != nil {
		return nil, err
	}
	f := os.NewFile(uintptr(dup), "fd")
	conn, err := net.FileConn(f) // dups again
	_ = f.Close()
	if err != nil {
		return nil, err
	}
	_ = syscall.Close(fd)
	return conn, nil
}
