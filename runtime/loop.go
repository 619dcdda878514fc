package runtime

import (
	"container/heap"
	"context"
	"sync"
	"time"
)

// loop is the event loop: one FIFO queue that any goroutine may post to, and
// one heap of timers. Only the goroutine running run touches the timers and
// executes the posted functions, so everything it runs may use the VM.
type loop struct {
	mu     sync.Mutex
	queue  []job
	spare  []job
	wake   chan struct{}
	closed bool // the program has ended: nothing posted will run

	timers timerHeap
	seq    uint64
	// alarm wakes wait at the earliest timer: one timer, reset for each
	// wait, rather than a new one per turn.
	alarm *time.Timer
}

func newLoop() *loop {
	return &loop{wake: make(chan struct{}, 1)}
}

// job is one posted function, and what releases its resources if it will
// never run because the program ended first.
type job struct {
	fn      func()
	cleanup func()
}

// post queues fn. Safe from any goroutine; never blocks. If the loop has
// ended, fn never runs and cleanup (if any) runs at once instead.
func (l *loop) post(fn, cleanup func()) {
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		if cleanup != nil {
			cleanup()
		}
		return
	}
	l.queue = append(l.queue, job{fn, cleanup})
	l.mu.Unlock()
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

// take returns everything queued so far, oldest first.
func (l *loop) take() []job {
	l.mu.Lock()
	jobs := l.queue
	l.queue = l.spare[:0]
	l.spare = nil
	l.mu.Unlock()
	return jobs
}

// recycle gives back a drained slice from take so that posting does not
// allocate a new one each turn.
func (l *loop) recycle(jobs []job) {
	clear(jobs)
	l.mu.Lock()
	if l.spare == nil {
		l.spare = jobs[:0]
	}
	l.mu.Unlock()
}

// close ends the loop: queued and later posts run their cleanups instead.
func (l *loop) close() {
	l.mu.Lock()
	l.closed = true
	jobs := l.queue
	l.queue = nil
	l.mu.Unlock()
	for _, j := range jobs {
		if j.cleanup != nil {
			j.cleanup()
		}
	}
}

func (l *loop) pending() bool {
	l.mu.Lock()
	n := len(l.queue)
	l.mu.Unlock()
	return n > 0
}

// ready reports whether posted work or a due timer waits to run. Loop
// goroutine only.
func (l *loop) ready(now time.Time) bool {
	return l.pending() || (len(l.timers) > 0 && !l.timers[0].when.After(now))
}

// timer is one entry of the heap.
type timer struct {
	when  time.Time
	seq   uint64
	fn    func()
	index int
}

type timerHeap []*timer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if h[i].when.Equal(h[j].when) {
		return h[i].seq < h[j].seq
	}
	return h[i].when.Before(h[j].when)
}
func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index = i
	h[j].index = j
}
func (h *timerHeap) Push(x any) {
	t := x.(*timer)
	t.index = len(*h)
	*h = append(*h, t)
}
func (h *timerHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	t.index = -1
	return t
}

// afterFunc schedules fn to run on the loop after d. The returned cancel
// removes it if it has not run yet. Loop goroutine only.
func (l *loop) afterFunc(d time.Duration, fn func()) (cancel func()) {
	l.seq++
	t := &timer{when: time.Now().Add(d), seq: l.seq, fn: fn}
	heap.Push(&l.timers, t)
	return func() {
		if t.index >= 0 {
			heap.Remove(&l.timers, t.index)
		}
	}
}

// runTimers runs every timer that is due, in deadline order, and returns
// how many ran. A timer added while running waits for the next turn.
func (l *loop) runTimers(now time.Time, call func(func())) int {
	n := 0
	limit := l.seq
	for len(l.timers) > 0 {
		t := l.timers[0]
		if t.when.After(now) || t.seq > limit {
			break
		}
		heap.Pop(&l.timers)
		call(t.fn)
		n++
	}
	return n
}

// wait blocks until something is posted, the next timer is due, or ctx ends.
func (l *loop) wait(ctx context.Context) {
	if l.pending() {
		return
	}
	var timeout <-chan time.Time
	if len(l.timers) > 0 {
		d := time.Until(l.timers[0].when)
		if d <= 0 {
			return
		}
		if l.alarm == nil {
			l.alarm = time.NewTimer(d)
		} else {
			l.alarm.Reset(d) // stopped, drained: Go 1.23's timers keep no stale tick
		}
		defer l.alarm.Stop()
		timeout = l.alarm.C
	}
	select {
	case <-l.wake:
	case <-timeout:
	case <-ctx.Done():
	}
}
