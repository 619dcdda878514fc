//go:build unix

package net

import (
	"net"
	"syscall"
)

// writeNow writes what a plain socket takes at once (its descriptor is
// non-blocking), without waiting for room: n bytes, and rest, what is
// left of batch (nil when all of it went). err is a write error, and rest
// then what it did not write. ok is false for a connection it cannot
// write that way (TLS, or not a socket): nothing was written then.
func writeNow(conn net.Conn, batch net.Buffers) (n int64, rest net.Buffers, err error, ok bool) {
	var sc interface {
		SyscallConn() (syscall.RawConn, error)
	}
	switch v := conn.(type) {
	case *net.TCPConn:
		sc = v
	case *net.UnixConn:
		sc = v
	default:
		return 0, nil, nil, false
	}
	rc, rcErr := sc.SyscallConn()
	if rcErr != nil {
		return 0, nil, nil, false
	}
	rest = batch
	callErr := rc.Write(func(fd uintptr) bool {
		for len(rest) > 0 {
			w, werr := syscall.Write(int(fd), rest[0])
			if w > 0 {
				n += int64(w)
				rest[0] = rest[0][w:]
			}
			if len(rest[0]) == 0 {
				rest = rest[1:]
			}
			switch werr {
			case nil, syscall.EINTR:
			case syscall.EAGAIN:
				return true // full: the rest waits for the writer
			default:
				err = werr
				return true
			}
		}
		return true
	})
	if err == nil {
		err = callErr
	}
	if len(rest) == 0 {
		rest = nil
	}
	return n, rest, err, true
}
