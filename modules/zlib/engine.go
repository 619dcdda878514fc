package zlib

import (
	"context"
	"sync"
)

// request is one queued write of the JS stream: its input (a copy the
// engine owns) and its zlib flush value.
type request struct {
	in    []byte
	flush int
}

// result answers one request: the output it produced (handed to JS as a
// Buffer without copying) and, if the stream failed, zlib's error.
type result struct {
	out []byte
	err *zlibError
}

// engine is the goroutine that compresses or decompresses one stream. The
// JS side keeps one write in flight at a time (0.7.4's _processing), so
// requests and results each hold at most one value and sends never block.
type engine struct {
	ctx     context.Context
	reqs    chan request
	results chan result
	stop    chan struct{}
	done    chan struct{}
	once    sync.Once
}

func newEngine(ctx context.Context) *engine {
	return &engine{
		ctx:     ctx,
		reqs:    make(chan request, 1),
		results: make(chan result, 1),
		stop:    make(chan struct{}),
		done:    make(chan struct{}),
	}
}

// start runs work on the engine's goroutine; done closes when it returns.
func (g *engine) start(work func()) {
	go func() {
		defer close(g.done)
		work()
	}()
}

// next waits for the next request; false when the stream was destroyed or
// the runtime ended, and the engine must return.
func (g *engine) next() (request, bool) {
	select {
	case r := <-g.reqs:
		return r, true
	case <-g.stop:
	case <-g.ctx.Done():
	}
	return request{}, false
}

// answer sends the result of the current request.
func (g *engine) answer(out []byte, err *zlibError) {
	g.results <- result{out: out, err: err}
}

// wait is the loop side's wait for the result of the request in flight;
// false when the engine returned without answering (destroyed, ended).
func (g *engine) wait() (result, bool) {
	select {
	case r := <-g.results:
		return r, true
	case <-g.done:
		select {
		case r := <-g.results:
			return r, true
		default:
			return result{}, false
		}
	}
}

// close stops the engine (destroy): it returns at its next wait for input.
func (g *engine) close() {
	g.once.Do(func() { close(g.stop) })
}
