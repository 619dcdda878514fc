package net

import (
	"errors"
	"io"
	"net"
	"sync"
	"time"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
	stringdecoder "github.com/gojatls/gojatls/modules/string_decoder"
)

// HighWaterMark is how many bytes may wait in a socket's write queue before
// write() returns false; 'drain' follows when the queue is empty again.
// Every write goes through the writer goroutine's queue (libuv wrote to the
// kernel at once when it could), so the mark leaves room for a few TLS
// records: with 16 KiB, pipe() paused after every record.
const HighWaterMark = 64 * 1024

// minReadSize is the read buffer of a quiet connection. The buffer doubles
// while reads fill it, up to the connection's read size, and falls back
// when traffic slows, so that an idle connection blocked in Read holds
// little memory.
const minReadSize = 1024

// Conn is the Go side of a net.Socket, and of a tls CleartextStream: a
// connection served by one reader and one writer goroutine. The reader
// reads while the socket is not paused and posts each chunk to the loop; the
// writer drains a queue of byte slices copied out of JS.
//
// Fields marked "loop" are used only on the loop goroutine; the others are
// shared with the two goroutines under mu.
type Conn struct {
	e        *jsbridge.Env
	conn     net.Conn
	readSize int

	owner  *goja.Object     // loop: the JS socket events are emitted on
	handle *jsbridge.Handle // loop: keeps the program alive while open
	obj    *goja.Object     // loop: the JS handle object

	paused      bool                   // loop
	pending     [][]byte               // loop: chunks read but not delivered yet
	flushing    bool                   // loop: a flush of pending is posted
	ended       bool                   // loop: the reader has stopped (endErr says why)
	endErr      error                  // loop
	endDone     bool                   // loop: the end of reading was reported to JS
	decoder     *stringdecoder.Decoder // loop: set by setEncoding
	bytesRead   int64                  // loop
	written     int64                  // loop: bytes the writer has written
	queued      int                    // loop: bytes given to the writer, not yet written
	callbacks   []writeCallback        // loop: write() callbacks, in queue order
	needDrain   bool                   // loop: write() returned false
	destroyed   bool                   // loop
	timeout     time.Duration          // loop: idle timeout, 0 for none
	cancelTimer func()                 // loop: the armed idle timer, or nil
	lastActive  time.Time              // loop
	started     bool                   // loop: the goroutines run

	mu       sync.Mutex
	readGate *sync.Cond // reader waits here while paused
	writeQ   *sync.Cond // writer waits here for data
	reading  bool
	stopped  bool
	queue    [][]byte
	shutdown bool
}

type writeCallback struct {
	end int64 // the callback runs once written reaches end
	fn  goja.Value
}

// NewConn wraps an established connection for JS. readSize is the buffer
// size of each read: a TLS connection never returns more than a record.
// The connection does nothing until a JS socket attaches to its handle
// object (Handle), so no event is lost before listeners exist. Until it is
// destroyed it keeps the program alive, and it is closed when the runtime
// ends.
func NewConn(e *jsbridge.Env, conn net.Conn, readSize int) *Conn {
	c := &Conn{e: e, conn: conn, readSize: readSize, reading: true, lastActive: time.Now()}
	c.readGate = sync.NewCond(&c.mu)
	c.writeQ = sync.NewCond(&c.mu)
	c.handle = e.NewHandle()
	c.obj = e.NewWrapped(connProto(e), c)
	tracked(e).add(c, c.destroy)
	return c
}

// Handle is the JS object scripts' sockets hold as _handle.
func (c *Conn) Handle() *goja.Object { return c.obj }

// NetConn is the connection underneath.
func (c *Conn) NetConn() net.Conn { return c.conn }

// Destroyed reports whether the connection has been torn down.
func (c *Conn) Destroyed() bool { return c.destroyed }

// attach binds the JS socket and starts the goroutines.
func (c *Conn) attach(owner *goja.Object) {
	c.owner = owner
	if c.started || c.destroyed {
		return
	}
	c.started = true
	go c.readLoop()
	go c.writeLoop()
}

func (c *Conn) readLoop() {
	size := min(minReadSize, c.readSize)
	for {
		c.mu.Lock()
		for !c.reading && !c.stopped {
			c.readGate.Wait()
		}
		stopped := c.stopped
		c.mu.Unlock()
		if stopped {
			return
		}
		buf := make([]byte, size)
		n, err := c.conn.Read(buf)
		if n > 0 {
			chunk := buf[:n:n]
			c.e.Post(func() { c.deliver(chunk) })
		}
		switch {
		case n == size && size < c.readSize:
			size = min(2*size, c.readSize)
		case n < size/2:
			size = max(minReadSize, min(size, c.readSize)/2)
		}
		if err != nil {
			c.e.Post(func() { c.readDone(err) })
			return
		}
	}
}

func (c *Conn) writeLoop() {
	var batch net.Buffers
	for {
		c.mu.Lock()
		for len(c.queue) == 0 && !c.shutdown && !c.stopped {
			c.writeQ.Wait()
		}
		if c.stopped {
			c.mu.Unlock()
			return
		}
		batch = append(batch[:0], c.queue...)
		clear(c.queue)
		c.queue = c.queue[:0]
		shutdown := c.shutdown && len(batch) == 0
		c.mu.Unlock()

		if shutdown {
			err := closeWrite(c.conn)
			c.e.Post(func() { c.shutdownDone(err) })
			return
		}
		n, err := c.writeBatch(batch)
		clear(batch)
		c.e.Post(func() { c.wrote(n, err) })
		if err != nil {
			return
		}
	}
}

// writeBatch writes queued chunks: with writev where the connection is a
// plain socket, one Write per chunk otherwise (a TLS record each).
func (c *Conn) writeBatch(batch net.Buffers) (int64, error) {
	switch c.conn.(type) {
	case *net.TCPConn, *net.UnixConn:
		bufs := batch
		return bufs.WriteTo(c.conn)
	}
	var total int64
	for _, b := range batch {
		n, err := c.conn.Write(b)
		total += int64(n)
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

func closeWrite(conn net.Conn) error {
	if cw, ok := conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}

// deliver runs on the loop with a chunk the reader read. Chunks wait while
// the socket is paused, or behind chunks that are still waiting.
func (c *Conn) deliver(chunk []byte) {
	if c.destroyed {
		return
	}
	if c.paused || len(c.pending) > 0 {
		c.pending = append(c.pending, chunk)
		return
	}
	c.emitData(chunk)
}

func (c *Conn) emitData(chunk []byte) {
	c.bytesRead += int64(len(chunk))
	c.touch()
	if c.owner == nil {
		return
	}
	var v goja.Value
	if c.decoder != nil {
		t := c.decoder.Write(chunk)
		if t.S == "" && t.U == nil {
			return
		}
		v = stringdecoder.ToValue(c.e.VM, t)
	} else {
		v = c.e.NewBuffer(chunk)
	}
	c.e.Emit(c.owner, "data", v)
}

// readDone runs on the loop when the reader stops: EOF or an error.
func (c *Conn) readDone(err error) {
	if c.destroyed {
		return
	}
	c.ended, c.endErr = true, err
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
		if c.decoder != nil {
			if t := c.decoder.End(); t.S != "" || t.U != nil {
				c.e.Emit(c.owner, "data", stringdecoder.ToValue(c.e.VM, t))
				if c.destroyed {
					return
				}
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
	c.callOwner("_onError", sysError(c.e, err, syscall))
}

func (c *Conn) callOwner(method string, args ...goja.Value) {
	if c.owner == nil {
		return
	}
	c.e.Call(c.owner.Get(method), c.owner, args...)
}

// wrote runs on the loop after the writer wrote n bytes.
func (c *Conn) wrote(n int64, err error) {
	if c.destroyed {
		return
	}
	c.queued -= int(n)
	c.written += n
	c.touch()
	for len(c.callbacks) > 0 && c.callbacks[0].end <= c.written {
		cb := c.callbacks[0].fn
		c.callbacks = c.callbacks[1:]
		c.e.Call(cb, c.owner)
		if c.destroyed {
			return
		}
	}
	if err != nil {
		jsErr := sysError(c.e, err, "write")
		// The writes that did not make it learn why, as in Node 0.7
		// (their callbacks get the error), and so does the socket.
		failed := c.callbacks
		c.callbacks = nil
		for _, cb := range failed {
			c.e.Call(cb.fn, c.owner, jsErr)
		}
		if !c.destroyed {
			c.callOwner("_onError", jsErr)
		}
		return
	}
	if c.queued == 0 && c.needDrain {
		c.needDrain = false
		c.callOwner("_onDrain")
	}
}

func (c *Conn) shutdownDone(err error) {
	if c.destroyed {
		return
	}
	// Once the peer has ended its side, failing to send our end (it is
	// gone: EPIPE, ECONNRESET) loses nothing: everything queued before
	// end() was written, or its write would have failed first.
	if err != nil && !errors.Is(err, net.ErrClosed) && !c.ended {
		c.fail(err, "shutdown")
		return
	}
	c.callOwner("_onShutdown")
}

// write queues a copy of data; it reports whether the queue is under the
// high-water mark. cb (if a function) runs once data is written.
func (c *Conn) write(data []byte, cb goja.Value) bool {
	if c.destroyed {
		return false
	}
	c.touch()
	if len(data) > 0 {
		c.queued += len(data)
		c.mu.Lock()
		c.queue = append(c.queue, data)
		c.mu.Unlock()
		c.writeQ.Signal()
	}
	if _, ok := goja.AssertFunction(cb); ok {
		if c.queued == 0 {
			c.e.Post(func() {
				if !c.destroyed {
					c.e.Call(cb, c.owner)
				}
			})
		} else {
			c.callbacks = append(c.callbacks, writeCallback{end: c.written + int64(c.queued), fn: cb})
		}
	}
	if c.queued >= HighWaterMark {
		c.needDrain = true
		return false
	}
	return true
}

// end shuts down the sending side once everything queued is written.
func (c *Conn) end() {
	if c.destroyed {
		return
	}
	c.mu.Lock()
	c.shutdown = true
	c.mu.Unlock()
	c.writeQ.Signal()
}

// destroy closes the connection at once, dropping what is still queued.
func (c *Conn) destroy() {
	if c.destroyed {
		return
	}
	c.destroyed = true
	c.mu.Lock()
	c.stopped = true
	c.queue = nil
	c.mu.Unlock()
	c.readGate.Broadcast()
	c.writeQ.Broadcast()
	// A TLS connection's transport is closed first: destroy() is abrupt
	// (no close_notify), and so the loop never waits on a blocked send.
	if inner, ok := c.conn.(interface{ NetConn() net.Conn }); ok {
		_ = inner.NetConn().Close()
	}
	_ = c.conn.Close()
	c.handle.Close()
	c.pending = nil
	c.callbacks = nil
	c.stopTimer()
	tracked(c.e).remove(c)
}

func (c *Conn) pause() {
	if c.paused || c.destroyed {
		return
	}
	c.paused = true
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
		chunk := c.pending[0]
		c.pending[0] = nil
		c.pending = c.pending[1:]
		c.emitData(chunk)
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
	c.mu.Lock()
	c.reading = true
	c.mu.Unlock()
	c.readGate.Signal()
}

// setTimeout sets the idle timeout; 0 turns it off.
func (c *Conn) setTimeout(d time.Duration) {
	c.stopTimer()
	c.timeout = d
	c.lastActive = time.Now()
	c.armTimer()
}

func (c *Conn) stopTimer() {
	if c.cancelTimer != nil {
		c.cancelTimer()
		c.cancelTimer = nil
	}
}

func (c *Conn) armTimer() {
	if c.timeout <= 0 || c.cancelTimer != nil || c.destroyed {
		return
	}
	c.cancelTimer = c.e.Host().AfterFunc(c.timeout-time.Since(c.lastActive), c.onTimer)
}

func (c *Conn) onTimer() {
	c.cancelTimer = nil
	if c.destroyed || c.timeout <= 0 {
		return
	}
	if time.Since(c.lastActive) < c.timeout {
		c.armTimer()
		return
	}
	// Fire once per idle period; activity arms the timer again.
	c.callOwner("_onTimeout")
}

// touch records activity for the idle timeout.
func (c *Conn) touch() {
	if c.timeout > 0 {
		c.lastActive = time.Now()
		c.armTimer()
	}
}

// ref makes the connection keep the program alive again after unref.
func (c *Conn) ref() { c.handle.Ref() }

// unref lets the program end while the connection is open.
func (c *Conn) unref() { c.handle.Unref() }
