package runtime

// The nextTick queue lives in JS (bootstrap.js); the loop runs it in
// passes, as Node 0.7 did. 0.7.4's src/node.js (startup.processNextTick)
// took the queue as it stood when a pass began (`var l =
// nextTickQueue.length`, then a fresh queue) and ran only those ticks; ticks
// they queued waited for the next pass, which node.cc ran from its prepare
// and check watchers, once per turn of the loop, after the timers and I/O
// that were ready. A tick that keeps queueing itself therefore never
// starves timers or I/O. gojatls runs a pass after every callback
// (bootstrap.js's invoke) and at the start of every turn of the loop, where
// further passes follow at once while no timer or posted work is ready (so
// that a chain of ticks does not pay for a turn each); the loop does not
// wait for I/O while ticks are queued.

// runTicks runs the turn's passes of the nextTick queue if ticks may be
// queued. A tick that throws goes to the uncaught-exception path; the ticks
// after it in the pass stay first in the queue for the next pass.
func (r *Runtime) runTicks() {
	if !r.ticksQueued || r.exiting {
		return
	}
	r.ticksQueued = false
	r.topLevel(func() error {
		more, err := r.tickPass(nil)
		if err != nil {
			r.ticksQueued = true
			return err
		}
		r.ticksQueued = more.ToBoolean()
		return nil
	})
}

// needTick is process.nextTick's call when it queues a tick into an empty
// queue (0.7's process._needTickCallback): the loop must run a pass.
func (r *Runtime) needTick() { r.ticksQueued = true }
