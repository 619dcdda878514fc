package tls

import (
	"net"
	"sync/atomic"
)

// countedConn is the TCP connection under a TLS connection that a
// tls.Server accepted or tls.connect dialed. It counts the bytes that go
// over it, TLS records and all, for cleartextStream.socket.bytesRead and
// bytesWritten (what 0.7's net.Socket under the pair counted).
type countedConn struct {
	net.Conn
	read, written atomic.Int64
}

func (c *countedConn) Read(b []byte) (int, error) {
	n, err := c.Conn.Read(b)
	c.read.Add(int64(n))
	return n, err
}

func (c *countedConn) Write(b []byte) (int, error) {
	n, err := c.Conn.Write(b)
	c.written.Add(int64(n))
	return n, err
}

// NetConn is the connection underneath, where net finds the TCP options
// (setNoDelay, setKeepAlive).
func (c *countedConn) NetConn() net.Conn { return c.Conn }

// socketBytes are the bytes read and written on the TCP connection under
// tc, or zeros when tc does not run over one (a SecurePair).
func socketBytes(tc interface{ NetConn() net.Conn }) (read, written int64) {
	if cc, ok := tc.NetConn().(*countedConn); ok {
		return cc.read.Load(), cc.written.Load()
	}
	return 0, 0
}
