//go:build !unix

package net

import (
	"errors"
	"net"
)

// fileConn is not supported where file descriptors are not sockets.
func fileConn(fd int) (net.Conn, error) {
	return nil, errors.ErrUnsupported
}
