package net

import (
	"net"

	"github.com/dop251/goja"
)

// HighWaterMark is how many bytes may wait in a socket's write queue before
// write() returns false; 'drain' follows when the queue is empty again.
// Every write goes through the queue (libuv wrote to the kernel at once
// when it could), so the mark leaves room for a few TLS records: with
// 16 KiB, pipe() paused after every record.
const HighWaterMark = 64 * 1024

// writeState is a Conn's write queue, shared under the Conn's mu by the
// loop (write, end), the writer, and readers routing chunks into it.
type writeState struct {
	queue        [][]byte
	queued       int   // bytes queued or being written
	handed       int64 // bytes ever queued
	sent         int64 // bytes written
	writing      bool  // a writer is draining the queue
	shutdown     bool  // end(): shut down once the queue is empty
	shutdownSent bool
	broken       bool // a write failed: nothing more is written
	needDrain    bool // the queue reached the high-water mark: 'drain' once it is empty
	notify       bool // the loop waits for the writer's progress (its view, callbacks)
	waiting      bool // write callbacks wait for the writer (the loop's callbacks is not empty)
	// settled: the writer wrote everything JS handed it, in turn
	// settledTurn, and nothing else waits for it: rather than a post, the
	// loop brings its view up to date in a later turn (settle).
	settled     bool
	settledTurn uint64

	// viewQueued is the queue JS sees while its own writes wait for the
	// writer: it grows with each write() and comes down only when the
	// writer reports (wrote) or, when nothing else waited for it, in the
	// first turn after it settled (settle), so that it does not go down
	// during a callback, as in Node (shownQueued). Otherwise JS sees the
	// live count. (bytesWritten is always the live count, handed: it only
	// grows, as each write() adds to it.)
	viewQueued int
}

type writeCallback struct {
	end int64 // the callback runs once sent reaches end
	fn  goja.Value
}

// claimWriter makes the caller the writer if there is something to do and
// no writer runs; mu is held.
func (c *Conn) claimWriter() bool {
	if c.writing || c.stopped || c.broken || (len(c.queue) == 0 && !c.shutdown) {
		return false
	}
	c.writing = true
	return true
}

// drain is the writer: it writes the queue until it is empty, then shuts
// down the sending side if end() asked. At most one drain runs at a time;
// a goroutine started by the loop runs it, or a routed reader inline
// (drainInline).
func (c *Conn) drain() { c.drainFrom(false) }

// drainInline is drain run by a routed reader. On a plain socket it writes
// only what the kernel takes at once: the rest stays queued for a writer
// goroutine, and the reader reads on, as pipe()'s ondata would while
// write() returns true, until the queue reaches the high-water mark. (A
// reader blocked in its own write would stop the flow below the mark,
// without the 'drain' Node gives.) It reports whether the queue still
// holds chunks the reader passed.
func (c *Conn) drainInline() bool { return c.drainFrom(true) }

func (c *Conn) drainFrom(inline bool) (handedOff bool) {
	var batch net.Buffers
	for {
		c.mu.Lock()
		if c.stopped {
			c.writing = false
			c.mu.Unlock()
			return false
		}
		if len(c.queue) == 0 {
			if !c.shutdown || c.shutdownSent {
				c.writing = false
				c.mu.Unlock()
				return false
			}
			c.shutdownSent = true
			c.mu.Unlock()
			_ = closeWrite(c.conn)
			c.e.Post(c.shutdownDone)
			return false // writing stays set: nothing is written after the end
		}
		batch = append(batch[:0], c.queue...)
		clear(c.queue)
		c.queue = c.queue[:0]
		c.mu.Unlock()

		var n int64
		var err error
		var rest net.Buffers
		written := false
		if inline {
			n, rest, err, written = writeNow(c.conn, batch)
		}
		if !written {
			n, err = c.writeBatch(batch)
		} else if err == nil && len(rest) > 0 {
			// The kernel is full: a writer goroutine takes the rest
			// (writing stays set), ahead of what came meanwhile.
			c.mu.Lock()
			c.sent += n
			c.queued -= int(n)
			c.queue = append(append([][]byte(nil), rest...), c.queue...)
			c.mu.Unlock()
			clear(batch)
			c.touch()
			go c.drain()
			return true
		}
		clear(batch)
		if !c.finishBatch(n, err) {
			return false // writing stays set: the connection is broken
		}
	}
}

// finishBatch records that n bytes of a batch taken from the queue were
// written (all of them unless err) and tells the loop what it waits for.
// It reports whether the writer may go on.
func (c *Conn) finishBatch(n int64, err error) bool {
	c.touch()
	c.mu.Lock()
	c.sent += n
	c.queued -= int(n)
	if err != nil {
		c.broken = true
		c.queue = nil
		c.queued = 0
	}
	if err == nil && c.notify && !c.waiting && !c.needDrain && c.queued == 0 {
		// Only the view waits: no loop turn for it (settle).
		c.settled, c.settledTurn = true, c.e.Turn()
		c.notify = false
	}
	report := err != nil || c.notify || (c.needDrain && c.queued == 0)
	c.space.Broadcast()
	c.mu.Unlock()
	if report {
		c.e.Post(func() { c.wrote(err) })
	}
	return err == nil
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

// write queues data, which the caller copied out of JS; it reports whether
// the queue is under the high-water mark. cb (if a function) runs once
// data is written.
func (c *Conn) write(data []byte, cb goja.Value) bool {
	if c.destroyed {
		return false
	}
	c.touch()
	_, isFunc := goja.AssertFunction(cb)
	c.mu.Lock()
	c.settle()
	if !c.notify && !c.settled {
		c.viewQueued = c.queued
	}
	if len(data) > 0 {
		c.queue = append(c.queue, data)
		c.queued += len(data)
		c.handed += int64(len(data))
		c.viewQueued += len(data)
	}
	queued := c.shownQueued()
	full := queued >= HighWaterMark
	if full {
		c.needDrain = true
	}
	written := queued == 0
	if isFunc && !written {
		c.callbacks = append(c.callbacks, writeCallback{end: c.handed, fn: cb})
	}
	c.waiting = len(c.callbacks) > 0
	c.notify = queued > 0 || c.waiting
	c.settled = false // this write's writer reports anew
	start := c.claimWriter()
	c.mu.Unlock()
	if start {
		go c.drain()
	}
	if isFunc && written {
		c.e.Post(func() {
			if !c.destroyed {
				c.e.Call(cb, c.owner)
			}
		})
	}
	return !full
}

// Write queues data for the socket, as its handle's write(data) does
// (data is the connection's now): for a protocol that builds a message's
// bytes in Go. Loop only.
func (c *Conn) Write(data []byte) bool { return c.write(data, goja.Undefined()) }

// end shuts down the sending side once everything queued is written.
func (c *Conn) end() {
	if c.destroyed {
		return
	}
	c.mu.Lock()
	c.shutdown = true
	start := c.claimWriter()
	c.mu.Unlock()
	if start {
		go c.drain()
	}
}

// wrote runs on the loop after a write that JS waits for: callbacks are
// due, 'drain' is, or the write failed.
func (c *Conn) wrote(err error) {
	if c.destroyed {
		return
	}
	c.mu.Lock()
	sent := c.sent
	c.viewQueued = c.queued
	c.settled = false
	c.mu.Unlock()
	for len(c.callbacks) > 0 && c.callbacks[0].end <= sent {
		cb := c.callbacks[0].fn
		c.callbacks = c.callbacks[1:]
		c.e.Call(cb, c.owner)
		if c.destroyed {
			return
		}
	}
	if err != nil {
		jsErr := c.ioError(err, "write")
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
	c.mu.Lock()
	if len(c.callbacks) == 0 {
		c.callbacks = nil
	}
	c.waiting = len(c.callbacks) > 0
	c.notify = c.viewQueued > 0 || c.waiting
	drained := c.needDrain && c.viewQueued == 0
	if drained {
		c.needDrain = false
	}
	c.mu.Unlock()
	if drained {
		c.callOwner("_onDrain")
	}
}

// shutdownDone runs on the loop once the end was sent, or sending it
// failed. A failed shutdown is not an error: the peer is gone (EPIPE,
// ECONNRESET), and everything queued before end() was written, or its
// write would have failed first. Node 0.7.4's afterShutdown ignored the
// status, as today's Node does; reading then ends the connection.
func (c *Conn) shutdownDone() {
	if c.destroyed {
		return
	}
	c.callOwner("_onShutdown")
}

// settle brings JS's view up to date once the writer settled (wrote all
// it was handed, with nothing else to report) in an earlier turn than
// this one: as the writer's report would have, had it been posted. Loop;
// mu is held.
func (c *Conn) settle() {
	if c.settled && c.settledTurn < c.e.Turn() {
		c.settled = false
		c.viewQueued = c.queued
	}
}

// counters returns bytes handed to the connection (written or queued) and
// bytes queued, for bytesWritten and bufferSize, as JS sees them.
func (c *Conn) counters() (handed int64, queued int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settle()
	if c.settled || c.notify {
		return c.handed, c.shownQueued()
	}
	return c.handed, c.queued
}

// shownQueued is bufferSize while JS's view is in use: the view holds the
// script's own writes until the writer reports, and chunks a routed
// reader queued meanwhile (route.go) are not in it. JS sees them as
// ondata's writes would have shown them, never less than the live queue,
// and write() returns false by the same count: a view short of them would
// let the script's writes, pipe()'s among them, pile up past the mark
// behind a writer that waits for a peer that does not read. mu is held.
func (c *Conn) shownQueued() int {
	return max(c.viewQueued, c.queued)
}

// readCount is bytesRead.
func (c *Conn) readCount() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bytesRead
}
