//go:build !unix

package net

import "net"

// writeNow is the routed reader's write that does not wait for room; it
// is not available here: the reader writes, waiting if it must.
func writeNow(conn net.Conn, batch net.Buffers) (n int64, rest net.Buffers, err error, ok bool) {
	return 0, nil, nil, false
}
