package net

import (
	"errors"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
	stringdecoder "github.com/gojatls/gojatls/modules/string_decoder"
)

// minReadSize is the read buffer of a quiet connection. The buffer doubles
// while reads fill it, up to the connection's read size, and falls back
// when traffic slows, so that an idle connection blocked in Read holds
// little memory.
const minReadSize = 1024

// Conn is the Go side of a net.Socket, and of a tls CleartextStream: a
// connection with one reader goroutine, which reads while the socket is not
// paused and posts each chunk to the loop (or, for a pipe kept in Go, hands
// it to the destination's writer: route.go), or with a read strategy each
// message (reader.go), and a write queue drained by a writer goroutine
// that runs only while there is something to write (write.go).
//
// Fields marked "loop" are used only on the loop goroutine; the others are
// shared with the goroutines under mu, or atomic.
type Conn struct {
	e        *jsbridge.Env
	conn     net.Conn
	readSize int

	owner  *goja.Object     // loop: the JS socket events are emitted on
	handle *jsbridge.Handle // loop: keeps the program alive while open
	obj    *goja.Object     // loop: the JS handle object

	paused      bool            // loop
	pending     []delivery      // loop: what was read but not delivered yet
	strategy    ReadStrategy    // loop: how the connection is read (nil: raw chunks); reader.go
	flushing    bool            // loop: a flush of pending is posted
	ended       bool            // loop: the reader has stopped (endErr says why)
	endErr      error           // loop
	endDone     bool            // loop: the end of reading was reported to JS
	callbacks   []writeCallback // loop: write() callbacks, in queue order
	destroyed   bool            // loop
	timeout     time.Duration   // loop: idle timeout, 0 for none
	cancelTimer func()          // loop: the armed idle timer, or nil
	timedOut    int64           // loop: lastActive when 'timeout' was last emitted
	started     bool            // loop: the reader runs
	readGen     int             // loop: which reader goroutine's end counts
	routeDest   *Conn           // loop: where pipe() asked to send what is read
	routeSoon   bool            // loop: turning the route on is posted (route.go)
	errorf      ErrorFunc       // loop: the JS error for an I/O error (nil: sysError)
	stopAtEnd   func() bool     // loop: cancels the abort at the runtime's end
	secure      any             // loop: what a protocol keeps with the connection (tls: its session)

	lastActive atomic.Int64         // Unix nanoseconds of the last read or write
	route      atomic.Pointer[Conn] // where the reader sends chunks, or nil for the loop; stored under mu
	// routesRefused: readers routing into this connection send their
	// chunks through the loop instead (its write method was replaced).
	routesRefused atomic.Bool

	mu       sync.Mutex
	readGate *sync.Cond // the reader waits here while paused
	space    *sync.Cond // routed readers wait here while this queue is full
	reading  bool
	stopped  bool
	inflight int // chunks and items posted to the loop and not delivered yet
	// A switch of read strategy on a reading connection (reader.go): the
	// new strategy, and the raw chunks it is to read first.
	nextReader ReadStrategy
	handback   [][]byte
	// readerDone: the reader goroutine has stopped (it posted readDone);
	// a switch of strategy starts another (readGen tells their ends
	// apart).
	readerDone bool
	decoder    *stringdecoder.Decoder // set by setEncoding
	bytesRead  int64
	writeState
}

// NewConn wraps an established connection for JS. readSize is the buffer
// size of each read: a TLS connection never returns more than a record.
// The connection does nothing until a JS socket attaches to its handle
// object (Handle), so no event is lost before listeners exist. Until it is
// destroyed it keeps the program alive, and it is closed when the runtime
// ends (AfterEnd).
func NewConn(e *jsbridge.Env, conn net.Conn, readSize int) *Conn {
	c := &Conn{e: e, conn: conn, readSize: readSize, reading: true}
	c.touch()
	c.readGate = sync.NewCond(&c.mu)
	c.space = sync.NewCond(&c.mu)
	c.handle = e.NewHandle()
	c.obj = e.NewWrapped(connProto(e), c)
	c.stopAtEnd = e.AfterEnd(c.abort)
	return c
}

// ErrorFunc builds the JS error a connection emits for a failed read or
// write (syscall is "read" or "write").
type ErrorFunc func(e *jsbridge.Env, err error, syscall string) *goja.Object

// SetErrorFunc makes the connection describe its I/O errors with f: tls
// gives OpenSSL's reasons for what its records go through.
func (c *Conn) SetErrorFunc(f ErrorFunc) { c.errorf = f }

// SetSecure keeps v with the connection, for the protocol over it to find
// again from the handle (Secure): tls keeps its session there, and makes
// its JS object only when a script asks.
func (c *Conn) SetSecure(v any) { c.secure = v }

// Secure is what SetSecure kept (nil when nothing). Loop goroutine only.
func (c *Conn) Secure() any { return c.secure }

// ioError is the JS error for a failed read or write.
func (c *Conn) ioError(err error, syscall string) *goja.Object {
	if c.errorf != nil {
		return c.errorf(c.e, err, syscall)
	}
	return sysError(c.e, err, syscall)
}

// Handle is the JS object scripts' sockets hold as _handle.
func (c *Conn) Handle() *goja.Object { return c.obj }

// Owner is the JS socket the connection is attached to (nil before). Loop
// goroutine only.
func (c *Conn) Owner() *goja.Object { return c.owner }

// Destroyed reports whether the connection has been torn down.
func (c *Conn) Destroyed() bool { return c.destroyed }

// attach binds the JS socket and starts the reader.
func (c *Conn) attach(owner *goja.Object) {
	c.owner = owner
	if c.started || c.destroyed {
		return
	}
	c.started = true
	go c.readLoop(c.strategy, c.readGen)
}

// touch records activity for the idle timeout; any goroutine may call it.
func (c *Conn) touch() { c.lastActive.Store(time.Now().UnixNano()) }

// delivery is what the reader posts to the loop: a raw chunk, or an item
// of a read strategy with the count of bytes it consumed.
type delivery struct {
	chunk []byte
	item  Item
	n     int64
	raw   bool // the strategy is done: raw chunks follow
}

// readLoop is the reader goroutine: it waits at the pause gate, then reads
// a raw chunk or, with a read strategy, an item, and hands it on.
func (c *Conn) readLoop(strategy ReadStrategy, gen int) {
	src := &Source{conn: c.conn, c: c}
	size := min(minReadSize, c.readSize)
	var buf []byte
	for {
		c.mu.Lock()
		for !c.reading && !c.stopped {
			c.readGate.Wait()
		}
		if next, back := c.takeSwitch(); next != nil {
			strategy = next
			src.pre = append(src.pre, back...)
		}
		stopped := c.stopped
		c.mu.Unlock()
		if stopped {
			return
		}
		if strategy != nil {
			if !c.readItem(src, &strategy, gen) {
				return
			}
			continue
		}
		if dst := c.route.Load(); dst != nil && dst.waitForSpace(c) {
			continue // it waited: look at the gate again
		}
		if cap(buf) != size {
			buf = make([]byte, size)
		}
		n, err := src.readRaw(buf[:size])
		if n > 0 {
			if !c.forward(buf[:n:n]) {
				buf = nil // the chunk is someone else's now
			}
		}
		switch {
		case n == size && size < c.readSize:
			size = min(2*size, c.readSize)
		case n < size/2:
			size = max(minReadSize, min(size, c.readSize)/2)
		}
		if err != nil {
			c.mu.Lock()
			switching := c.nextReader != nil
			c.readerDone = !switching
			c.mu.Unlock()
			if switching {
				continue // the new strategy reads what was handed back first
			}
			if isEOF(err) {
				c.forwardEnd()
			}
			c.e.Post(func() { c.readDone(gen, err) })
			return
		}
	}
}

// readItem reads the next item with the read strategy and posts it; it
// reports whether reading goes on. A strategy that is done (ReadRaw) is
// replaced by raw reading.
func (c *Conn) readItem(src *Source, strategy *ReadStrategy, gen int) bool {
	before := src.Consumed()
	item, err := (*strategy).Next(src)
	if item != nil {
		d := delivery{item: item, n: src.Consumed() - before, raw: src.raw}
		c.mu.Lock()
		c.inflight++
		c.mu.Unlock()
		c.e.Post(func() { c.deliver(d) })
	}
	if src.raw {
		*strategy, src.raw = nil, false
	}
	if err != nil {
		c.mu.Lock()
		c.readerDone = true
		c.mu.Unlock()
		c.e.Post(func() { c.readDone(gen, err) })
		return false
	}
	return true
}

// forward hands a chunk to the loop, or along the route (route.go). It
// reports whether the chunk's memory is free for the next read.
func (c *Conn) forward(chunk []byte) bool {
	c.mu.Lock()
	dst := c.route.Load()
	if dst == nil || c.inflight > 0 || dst.routesRefused.Load() {
		// Chunks already on their way to the loop go first.
		c.inflight++
		c.mu.Unlock()
		c.e.Post(func() { c.deliver(delivery{chunk: chunk}) })
		return false
	}
	c.bytesRead += int64(len(chunk))
	out := chunk
	if c.decoder != nil {
		out = c.decoder.WriteUTF8(chunk)
	}
	c.mu.Unlock()
	if len(out) == 0 {
		return true
	}
	held := dst.push(out)
	return !held || &out[0] != &chunk[0]
}

// deliver runs on the loop with what the reader read. It waits while
// the socket is paused, or behind what is still waiting.
//
// A chunk stops counting as in flight only once it is emitted (a pipe's
// ondata has queued it on its destination) or held: until then the reader
// may not route later chunks past it.
func (c *Conn) deliver(d delivery) {
	c.mu.Lock()
	back := d.item == nil && !c.destroyed && c.handBack(d.chunk)
	c.mu.Unlock()
	switch {
	case back, c.destroyed:
	case c.paused || len(c.pending) > 0:
		c.pending = append(c.pending, d) // the route is off while anything is held
	default:
		c.emit(d)
	}
	c.mu.Lock()
	c.inflight--
	wake := c.inflight == 0 && c.nextReader != nil
	c.mu.Unlock()
	if wake {
		c.readGate.Broadcast() // the reader waits to switch strategy
	}
}

// emit hands JS a chunk ('data') or an item (its Deliver).
func (c *Conn) emit(d delivery) {
	if d.item == nil {
		c.emitData(d.chunk)
		return
	}
	c.mu.Lock()
	c.bytesRead += d.n
	c.mu.Unlock()
	if d.raw {
		c.strategy = nil
	}
	d.item.Deliver(c)
	if d.raw {
		c.syncRoute()
	}
}

func (c *Conn) emitData(chunk []byte) {
	c.mu.Lock()
	c.bytesRead += int64(len(chunk))
	var t stringdecoder.Text
	decoder := c.decoder
	if decoder != nil {
		t = decoder.Write(chunk)
	}
	c.mu.Unlock()
	if c.owner == nil {
		return
	}
	var v goja.Value
	if decoder != nil {
		if t.S == "" && t.U == nil {
			return
		}
		v = stringdecoder.ToValue(c.e.VM, t)
	} else {
		v = c.e.NewBuffer(chunk)
	}
	c.e.Emit(c.owner, "data", v)
}

// setEncoding makes 'data' deliver text decoded from enc; nil means Buffers.
func (c *Conn) setEncoding(d *stringdecoder.Decoder) {
	c.mu.Lock()
	c.decoder = d
	c.mu.Unlock()
}

// encoding is the decoder setEncoding gave (nil: none).
func (c *Conn) encoding() *stringdecoder.Decoder {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.decoder
}

// readDone runs on the loop when the reader stops: EOF or an error.
func (c *Conn) readDone(gen int, err error) {
	if c.destroyed || gen != c.readGen || err == ErrStop {
		return
	}
	c.ended, c.endErr = true, err
	c.syncRoute()
	if c.paused || len(c.pending) > 0 {
		return
	}
	c.finishRead()
}

// finishRead tells JS how reading ended, once.
func (c *Conn) finishRead() {
	if c.endDone {
		return
	}
	c.endDone = true
	err := c.endErr
	if isEOF(err) {
		c.mu.Lock()
		var t stringdecoder.Text
		if c.decoder != nil {
			t = c.decoder.End()
		}
		c.mu.Unlock()
		if t.S != "" || t.U != nil {
			c.e.Emit(c.owner, "data", stringdecoder.ToValue(c.e.VM, t))
			if c.destroyed {
				return
			}
		}
		c.callOwner("_onEnd")
		return
	}
	c.fail(err, "read")
}

// isEOF reports whether a read error is the peer's orderly end. A TLS peer
// that closes TCP without close_notify ends the stream too, as it did for
// Node on OpenSSL.
func isEOF(err error) bool {
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

// fail reports an I/O error to JS, which destroys the socket.
func (c *Conn) fail(err error, syscall string) {
	if c.destroyed {
		return
	}
	c.callOwner("_onError", c.ioError(err, syscall))
}

func (c *Conn) callOwner(method string, args ...goja.Value) {
	if c.owner == nil {
		return
	}
	c.e.Call(c.owner.Get(method), c.owner, args...)
}

// destroy closes the connection at once, dropping what is still queued.
func (c *Conn) destroy() {
	if c.destroyed {
		return
	}
	c.destroyed = true
	c.syncRoute()
	c.abort()
	c.stopAtEnd()
	c.handle.Close()
	c.pending = nil
	c.callbacks = nil
	c.stopTimer()
}

// abort stops the connection's goroutines and closes it at once, dropping
// what is still queued: destroy, or the runtime's end (from any
// goroutine then). A TLS connection's transport is closed first: this is
// abrupt (no close_notify), and nothing waits on a blocked send.
func (c *Conn) abort() {
	c.mu.Lock()
	c.stopped = true
	c.queue = nil
	c.mu.Unlock()
	c.readGate.Broadcast()
	c.space.Broadcast()
	if inner, ok := c.conn.(interface{ NetConn() net.Conn }); ok {
		_ = inner.NetConn().Close()
	}
	_ = c.conn.Close()
}

func (c *Conn) pause() {
	if c.paused || c.destroyed {
		return
	}
	c.paused = true
	c.syncRoute()
	c.mu.Lock()
	c.reading = false
	c.mu.Unlock()
}

// resume restarts delivery: what was read while paused comes first, from
// the loop (never from inside the resume() call), then reading goes on.
func (c *Conn) resume() {
	if !c.paused || c.destroyed {
		return
	}
	c.paused = false
	if len(c.pending) > 0 || c.ended {
		if !c.flushing {
			c.flushing = true
			c.e.Post(c.flush)
		}
		return
	}
	c.startReading()
}

// flush delivers the chunks held while paused, then the end of reading or
// more reading.
func (c *Conn) flush() {
	c.flushing = false
	for len(c.pending) > 0 && !c.paused && !c.destroyed {
		d := c.pending[0]
		c.pending[0] = delivery{}
		c.pending = c.pending[1:]
		c.emit(d)
	}
	if c.paused || c.destroyed {
		return
	}
	c.pending = nil
	if c.ended {
		c.finishRead()
		return
	}
	c.startReading()
}

func (c *Conn) startReading() {
	c.syncRoute()
	c.mu.Lock()
	c.reading = true
	c.mu.Unlock()
	c.readGate.Signal()
}

// ref makes the connection keep the program alive again after unref.
func (c *Conn) ref() { c.handle.Ref() }

// unref lets the program end while the connection is open.
func (c *Conn) unref() { c.handle.Unref() }
