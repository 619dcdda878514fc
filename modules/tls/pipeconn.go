package tls

import (
	"io"
	"net"
	"sync"
	"time"
)

// pipeConn is the net.Conn a SecurePair runs crypto/tls over: what JS
// writes to pair.encrypted is what Read returns, and what crypto/tls writes
// goes to out, which posts it to the loop as 'data' on pair.encrypted.
type pipeConn struct {
	mu     sync.Mutex
	cond   *sync.Cond
	input  [][]byte // written by JS, not yet read
	eof    bool     // JS ended pair.encrypted
	closed bool

	out      func(b []byte) // called with a copy of every write, in order
	outClose func()         // called once when the TLS side closes
	once     sync.Once

	// onIdle is called (unlocked) when Read is about to wait for input,
	// with how many fed chunks have been used up: everything they caused
	// has been handed on by then.
	onIdle   func(consumed int)
	consumed int
}

func newPipeConn(out func([]byte), outClose func(), onIdle func(int)) *pipeConn {
	p := &pipeConn{out: out, outClose: outClose, onIdle: onIdle}
	p.cond = sync.NewCond(&p.mu)
	return p
}

// feed gives Read more encrypted bytes (already copied out of JS).
func (p *pipeConn) feed(b []byte) {
	p.mu.Lock()
	if !p.eof && !p.closed {
		p.input = append(p.input, b)
	}
	p.mu.Unlock()
	p.cond.Broadcast()
}

// feedEnd makes Read return io.EOF once the input is used up.
func (p *pipeConn) feedEnd() {
	p.mu.Lock()
	p.eof = true
	p.mu.Unlock()
	p.cond.Broadcast()
}

// Read returns fed bytes, blocking until there are some.
func (p *pipeConn) Read(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.input) == 0 && !p.eof && !p.closed && p.onIdle != nil {
		consumed := p.consumed
		p.mu.Unlock()
		p.onIdle(consumed)
		p.mu.Lock()
	}
	for len(p.input) == 0 && !p.eof && !p.closed {
		p.cond.Wait()
	}
	if p.closed {
		return 0, net.ErrClosed
	}
	if len(p.input) == 0 {
		return 0, io.EOF
	}
	n := copy(b, p.input[0])
	if n == len(p.input[0]) {
		p.input[0] = nil
		p.input = p.input[1:]
		p.consumed++
	} else {
		p.input[0] = p.input[0][n:]
	}
	return n, nil
}

// Write hands a copy of b to the encrypted side.
func (p *pipeConn) Write(b []byte) (int, error) {
	p.mu.Lock()
	closed := p.closed
	p.mu.Unlock()
	if closed {
		return 0, net.ErrClosed
	}
	p.out(append([]byte(nil), b...))
	return len(b), nil
}

// Close ends both directions; the encrypted side then ends.
func (p *pipeConn) Close() error {
	p.mu.Lock()
	p.closed = true
	p.input = nil
	p.mu.Unlock()
	p.cond.Broadcast()
	p.once.Do(p.outClose)
	return nil
}

// CloseWrite ends the encrypted side after crypto/tls sent close_notify.
func (p *pipeConn) CloseWrite() error {
	p.once.Do(p.outClose)
	return nil
}

type pipeAddr struct{}

func (pipeAddr) Network() string { return "pipe" }
func (pipeAddr) String() string  { return "securepair" }

func (p *pipeConn) LocalAddr() net.Addr                { return pipeAddr{} }
func (p *pipeConn) RemoteAddr() net.Addr               { return pipeAddr{} }
func (p *pipeConn) SetDeadline(t time.Time) error      { return nil }
func (p *pipeConn) SetReadDeadline(t time.Time) error  { return nil }
func (p *pipeConn) SetWriteDeadline(t time.Time) error { return nil }
