package net

import "time"

// The idle timeout ('timeout' after so long without reads or writes) runs
// on the loop's timer heap. Activity only records its time (touch), from
// any goroutine; the timer looks at it when it fires and sleeps again for
// the rest of the period, so that no chunk re-arms a timer.

// setTimeout sets the idle timeout; 0 turns it off.
func (c *Conn) setTimeout(d time.Duration) {
	c.stopTimer()
	c.timeout = d
	c.timedOut = 0
	c.touch()
	c.armTimer(d)
}

func (c *Conn) stopTimer() {
	if c.cancelTimer != nil {
		c.cancelTimer()
		c.cancelTimer = nil
	}
}

func (c *Conn) armTimer(after time.Duration) {
	if c.timeout <= 0 || c.cancelTimer != nil || c.destroyed {
		return
	}
	c.cancelTimer = c.e.Host().AfterFunc(after, c.onTimer)
}

// onTimer emits 'timeout' once per idle period: after it, the timer keeps
// looking, once a period, for activity that starts a new one.
func (c *Conn) onTimer() {
	c.cancelTimer = nil
	if c.destroyed || c.timeout <= 0 {
		return
	}
	last := c.lastActive.Load()
	if idle := time.Since(time.Unix(0, last)); idle < c.timeout {
		c.armTimer(c.timeout - idle)
		return
	}
	c.armTimer(c.timeout)
	if last == c.timedOut {
		return
	}
	c.timedOut = last
	c.callOwner("_onTimeout")
}
