package jsbridge

// Handle is a long-lived thing that keeps the loop alive while it is open and
// ref'd: a listening server, a socket, a timer, a child process, stdin while
// it is read. Like libuv's handles, it can be unref'd so that it no longer
// holds the program open. All methods run on the loop goroutine.
type Handle struct {
	env    *Env
	open   bool
	unrefd bool
}

// NewHandle returns an open, ref'd handle.
func (e *Env) NewHandle() *Handle {
	e.refs++
	return &Handle{env: e, open: true}
}

func (h *Handle) counts() bool { return h.open && !h.unrefd }

// Ref makes the handle keep the loop alive again after Unref.
func (h *Handle) Ref() {
	if h.open && h.unrefd {
		h.env.refs++
	}
	h.unrefd = false
}

// Unref lets the loop end while the handle is still open.
func (h *Handle) Unref() {
	if h.counts() {
		h.env.refs--
	}
	h.unrefd = true
}

// Close releases the handle; it no longer keeps the loop alive. Closing twice
// is harmless.
func (h *Handle) Close() {
	if h.counts() {
		h.env.refs--
	}
	h.open = false
}

// Reopen makes a closed handle open again, keeping its ref state; a timer
// that is re-armed uses it.
func (h *Handle) Reopen() {
	if !h.open {
		h.open = true
		if !h.unrefd {
			h.env.refs++
		}
	}
}

// Open reports whether the handle has not been closed.
func (h *Handle) Open() bool { return h.open }

// HasRef reports whether the handle would keep the loop alive while open.
func (h *Handle) HasRef() bool { return !h.unrefd }
