package net

import (
	"bufio"
	"errors"
	"io"
)

// A connection's read strategy decides what its reader goroutine makes of
// the bytes it reads. The default reads raw chunks, each a 'data' event (or
// a chunk a pipe kept in Go passes on: route.go). A protocol may read
// messages instead: http parses request or response heads and body chunks
// in the reader goroutine, so that the loop gets one call per head rather
// than bytes to parse (modules/http).
//
// Whatever the strategy, the Conn keeps the rest: the pause gate (no read
// while the socket is paused), the idle timeout's activity time, bytesRead,
// delivery in read order (held while paused), and the end of reading.

// A ReadStrategy reads a connection's messages. Next runs on the reader
// goroutine, once per item, whenever the socket is not paused.
type ReadStrategy interface {
	// Next reads from src until it has an item for the loop, and returns
	// it. A non-nil error ends reading (io.EOF: the peer's orderly end),
	// after the item, if any, is delivered.
	Next(src *Source) (Item, error)
}

// An Item is what a read strategy hands the loop. Items are delivered in
// the order they were read, and held while the socket is paused.
type Item interface {
	// Deliver runs on the loop when the item's turn comes.
	Deliver(c *Conn)
}

// A ReaderFactory makes the read strategy of each connection a server
// accepts (the server's connection options: setConnectionReader).
type ReaderFactory interface {
	NewReader() ReadStrategy
}

// Source is what a read strategy reads from: the connection, behind a
// buffered reader, counting what it hands out and recording activity for
// the idle timeout. Only the reader goroutine uses it.
type Source struct {
	conn  io.Reader
	c     *Conn // nil for NewSource's
	br    *bufio.Reader
	pre   [][]byte // bytes handed back to be read before the connection's
	read  int64    // bytes Read has returned
	limit int64    // Read fails with ErrLimit once read reaches limit (0: none)
	err   error    // the connection's last read error
	raw   bool     // the strategy asked to go back to raw chunks
}

// NewSource is a Source over r outside any connection: for tests of read
// strategies.
func NewSource(r io.Reader) *Source { return &Source{conn: r} }

// bufferSize is the size of a Source's buffered reader: a request head
// usually fits in one read.
const bufferSize = 4096

// ErrLimit is what Source.Read returns past the limit set by SetLimit.
var ErrLimit = errors.New("read limit reached")

// ErrStop is what a read strategy's Next returns to stop reading without
// an end or an error for the socket: the item it returns with it has told
// JS why (a protocol error, for which JS destroys the socket).
var ErrStop = errors.New("reading stopped")

// Read reads from the connection, after what was handed back (Unread).
// It is the io.Reader under Buffered.
func (s *Source) Read(p []byte) (int, error) {
	if s.limit > 0 {
		if s.read >= s.limit {
			return 0, ErrLimit
		}
		if room := s.limit - s.read; int64(len(p)) > room {
			p = p[:room]
		}
	}
	if len(s.pre) > 0 {
		n := copy(p, s.pre[0])
		if s.pre[0] = s.pre[0][n:]; len(s.pre[0]) == 0 {
			s.pre[0] = nil
			s.pre = s.pre[1:]
		}
		s.read += int64(n)
		return n, nil
	}
	n, err := s.conn.Read(p)
	if n > 0 {
		if s.c != nil {
			s.c.touch()
		}
		s.read += int64(n)
	}
	if err != nil {
		s.err = err
	}
	return n, err
}

// Err is the error the connection's last read returned, if any: it tells
// a strategy whose parser failed whether the connection failed first.
func (s *Source) Err() error { return s.err }

// Buffered is the buffered reader over the connection, made on first use.
func (s *Source) Buffered() *bufio.Reader {
	if s.br == nil {
		s.br = bufio.NewReaderSize(s, bufferSize)
	}
	return s.br
}

// Consumed is how many bytes of the connection were taken out of the
// buffered reader (or read raw) so far.
func (s *Source) Consumed() int64 {
	if s.br == nil {
		return s.read
	}
	return s.read - int64(s.br.Buffered())
}

// SetLimit makes Read fail with ErrLimit once n more bytes than Consumed
// are read (a protocol's bound on a head); 0 lifts the limit.
func (s *Source) SetLimit(n int64) {
	if n <= 0 {
		s.limit = 0
		return
	}
	s.limit = s.Consumed() + n
}

// ReadRaw makes the connection deliver raw chunks again after the current
// item, as 'data' events: a protocol that was upgraded (HTTP's 'upgrade'
// and 'connect'). Bytes still buffered come first.
func (s *Source) ReadRaw() { s.raw = true }

// TakeBuffered returns (a copy of) what the buffered reader holds and
// empties it: the bytes past an upgraded protocol's last message.
func (s *Source) TakeBuffered() []byte {
	if s.br == nil || s.br.Buffered() == 0 {
		return nil
	}
	b, _ := s.br.Peek(s.br.Buffered())
	out := append([]byte(nil), b...)
	_, _ = s.br.Discard(len(out))
	return out
}

// readRaw reads a raw chunk into buf: what the buffered reader still holds,
// then straight from the connection.
func (s *Source) readRaw(buf []byte) (int, error) {
	if s.br != nil && s.br.Buffered() > 0 {
		return s.br.Read(buf)
	}
	return s.Read(buf)
}

// setReader gives the connection a read strategy (nil: raw chunks) on the
// loop. Before the reader starts it is simply the strategy it starts with;
// on a connection already reading raw chunks, the chunks read but not yet
// emitted are handed back to the new strategy, in order, before anything
// it reads from the connection.
func (c *Conn) setReader(r ReadStrategy) {
	if !c.started {
		c.strategy = r
		return
	}
	if c.strategy != nil || r == nil || c.endDone || c.destroyed {
		return // switching is from raw chunks to a protocol, before the end
	}
	c.strategy = r
	c.syncRoute()
	c.mu.Lock()
	c.nextReader = r
	for _, d := range c.pending {
		c.handback = append(c.handback, d.chunk)
	}
	restart := c.readerDone
	c.readerDone = false
	c.mu.Unlock()
	c.pending = nil
	if restart {
		// The reader met the end already: another one parses what was
		// handed back, then meets the end again.
		c.readGen++
		c.ended, c.endErr = false, nil
		go c.readLoop(nil, c.readGen)
	}
}

// handBack keeps a raw chunk that arrived after a switch of strategy for
// the new strategy; it reports whether it did. Loop; mu is held.
func (c *Conn) handBack(chunk []byte) bool {
	if c.nextReader == nil {
		return false
	}
	c.handback = append(c.handback, chunk)
	return true
}

// takeSwitch runs on the reader goroutine: once every raw chunk posted
// before a switch of strategy has come back (handBack), it returns the new
// strategy and those chunks; nil when there is no switch. mu is held.
func (c *Conn) takeSwitch() (ReadStrategy, [][]byte) {
	if c.nextReader == nil {
		return nil, nil
	}
	for c.inflight > 0 && !c.stopped {
		c.readGate.Wait()
	}
	r, back := c.nextReader, c.handback
	c.nextReader, c.handback = nil, nil
	return r, back
}
