package net

// A pipe kept in Go. When a socket is piped into a socket and the pipe's
// ondata is the source's only 'data' listener (net.js decides, and tells
// the handle with route()), ondata would do nothing but dest.write(chunk),
// pausing the source while dest is full. The source's reader does exactly
// that itself: each chunk goes into the destination's write queue without
// a trip through the loop, decoded and re-encoded as setEncoding would
// have it (stringdecoder's WriteUTF8), and the reader waits while the
// destination's queue is at the high-water mark. A chunk is dropped, as
// ondata drops it, once the destination is ended or destroyed.
//
// The route is off while the source is paused, holds chunks, or has chunks
// on their way to the loop; those go through JS first, so order is kept.
// It is off while a read strategy other than raw chunks reads the source.

// setRoute records where pipe() sends this socket's data (nil: nowhere).
func (c *Conn) setRoute(dst *Conn) {
	c.routeDest = dst
	c.syncRoute()
}

// syncRoute turns the route on or off to match the loop's state. Off
// takes effect at once; on only in a later turn (routeLater), once the
// callback that called pipe() and the ticks it queued have run: a script
// may still call setEncoding, add a 'data' listener or pause the source
// after pipe(), and no chunk may pass in Go before that counts.
func (c *Conn) syncRoute() {
	want := c.wantedRoute()
	old := c.route.Load()
	if old == want {
		return
	}
	if want != nil {
		if !c.routeSoon {
			c.routeSoon = true
			c.e.Post(c.routeLater)
		}
		want = nil
		if old == nil {
			return
		}
	}
	c.storeRoute(want, old)
}

// routeLater turns the route on, if the loop's state still wants it.
func (c *Conn) routeLater() {
	c.routeSoon = false
	if want, old := c.wantedRoute(), c.route.Load(); want != old {
		c.storeRoute(want, old)
	}
}

// wantedRoute is where the reader may send chunks now: routeDest while
// nothing holds the chunks in the loop, else nil.
func (c *Conn) wantedRoute() *Conn {
	if d := c.routeDest; d != nil && !d.destroyed && !c.destroyed && !c.paused && !c.ended && len(c.pending) == 0 && c.strategy == nil {
		return d
	}
	return nil
}

// storeRoute replaces the route old with want.
func (c *Conn) storeRoute(want, old *Conn) {
	c.mu.Lock()
	c.route.Store(want)
	c.mu.Unlock()
	if old != nil {
		// A reader waiting for room in old's queue looks again.
		old.mu.Lock()
		old.space.Broadcast()
		old.mu.Unlock()
	}
}

// push queues a routed chunk, and writes it at once when no writer runs.
// It reports whether the queue still holds b (a writer that returns has
// written, or dropped, everything).
func (c *Conn) push(b []byte) bool {
	c.mu.Lock()
	if c.stopped || c.shutdown || c.broken {
		c.mu.Unlock()
		return false
	}
	c.queue = append(c.queue, b)
	c.queued += len(b)
	c.handed += int64(len(b))
	if c.queued >= HighWaterMark {
		c.needDrain = true
	}
	inline := c.claimWriter()
	c.mu.Unlock()
	if !inline {
		return true
	}
	return c.drainInline()
}

// waitForSpace blocks src's reader while c's queue is full and src still
// routes into c. It reports whether it waited.
func (c *Conn) waitForSpace(src *Conn) bool {
	waited := false
	c.mu.Lock()
	for c.queued >= HighWaterMark && !c.stopped && !c.broken && src.route.Load() == c {
		c.space.Wait()
		waited = true
	}
	c.mu.Unlock()
	return waited
}

// forwardEnd passes on, at the end of a routed stream, what setEncoding's
// decoder still holds (an incomplete character: U+FFFD).
func (c *Conn) forwardEnd() {
	c.mu.Lock()
	dst := c.route.Load()
	var tail []byte
	if dst != nil && c.inflight == 0 && c.decoder != nil {
		tail = c.decoder.End().AppendUTF8(nil)
	}
	c.mu.Unlock()
	if len(tail) > 0 {
		dst.push(tail)
	}
}
