package runtime

import (
	"io"
	"os"
	"sync"
)

// Standard output and standard error that are pipes (or sockets) are
// written off the loop. Node 0.7's process.markdown: writes to
// process.stdout and process.stderr "are blocking in the case that they
// refer to regular files or TTY file descriptors. In the case they refer
// to pipes, they are non-blocking like other streams." A write to a pipe
// wakes its reader inside the system call: console.log was one of the
// largest parts of the loop's time for a connection of the documented
// echo server run under a supervisor that reads its output.
//
// Both streams share one queue, written in order by a goroutine that runs
// while it holds something, so that what a user sees of the two together
// (2>&1) keeps the order of the writes. A stream that blocks (a file, a
// TTY) waits for the queue before it writes itself. A reader that falls
// behind holds up the writer once stdioQueueMax bytes wait, as a full pipe
// held up a synchronous write: output cannot grow the process without
// bound. Everything queued is
// written before Run returns, before a child inherits the stream and
// before the process signals itself.

// stdioQueue is the queue the standard streams of one runtime share.
type stdioQueue struct {
	mu       sync.Mutex
	progress *sync.Cond // signalled when bytes were written or the writer goroutine stops
	pending  []stdioChunk
	queued   int  // bytes in pending and being written
	writing  bool // a writer goroutine runs
}

// stdioQueueMax is how many bytes may wait before a write waits for the
// reader.
const stdioQueueMax = 1 << 20

// stdioChunk is consecutive output for one file.
type stdioChunk struct {
	f *os.File
	b []byte
}

// stdioWriter is a standard stream over a file, written through the queue:
// asynchronously when the file is a pipe or a socket, else synchronously
// after what is queued.
type stdioWriter struct {
	q     *stdioQueue
	f     *os.File
	async bool
}

// wrapStdio puts stdout and stderr through one queue when either is a
// pipe or a socket; other writers (an embedder's buffer) and a runtime
// whose streams all block are left as they are.
func wrapStdio(stdout, stderr io.Writer) (io.Writer, io.Writer) {
	outFile, outAsync := pipeFile(stdout)
	errFile, errAsync := pipeFile(stderr)
	if !outAsync && !errAsync {
		return stdout, stderr
	}
	q := &stdioQueue{}
	q.progress = sync.NewCond(&q.mu)
	if outFile != nil {
		stdout = &stdioWriter{q: q, f: outFile, async: outAsync}
	}
	if errFile != nil {
		stderr = &stdioWriter{q: q, f: errFile, async: errAsync}
	}
	return stdout, stderr
}

// pipeFile is the file under w, if any, and whether writes to it are
// non-blocking in Node's sense (a pipe or a socket).
func pipeFile(w io.Writer) (*os.File, bool) {
	f, ok := w.(*os.File)
	if !ok {
		return nil, false
	}
	st, err := f.Stat()
	if err != nil {
		return f, false
	}
	return f, st.Mode()&(os.ModeNamedPipe|os.ModeSocket) != 0
}

func (w *stdioWriter) Write(b []byte) (int, error) {
	return w.write(b, "")
}

// WriteString queues s without converting it first.
func (w *stdioWriter) WriteString(s string) (int, error) {
	return w.write(nil, s)
}

// write queues b or s (whichever is not empty). A failed write of a
// queued chunk is not reported, as a failed console.log is not the
// script's error.
func (w *stdioWriter) write(b []byte, s string) (int, error) {
	n := len(b) + len(s)
	q := w.q
	q.mu.Lock()
	if !w.async {
		for q.writing {
			q.progress.Wait()
		}
		defer q.mu.Unlock()
		if b == nil {
			return io.WriteString(w.f, s)
		}
		return w.f.Write(b)
	}
	if last := len(q.pending) - 1; last >= 0 && q.pending[last].f == w.f {
		q.pending[last].b = append(append(q.pending[last].b, b...), s...)
	} else {
		q.pending = append(q.pending, stdioChunk{f: w.f, b: append(append([]byte(nil), b...), s...)})
	}
	q.queued += n
	start := !q.writing
	q.writing = true
	if start {
		go q.drain()
	}
	for q.queued > stdioQueueMax {
		q.progress.Wait()
	}
	q.mu.Unlock()
	return n, nil
}

// File waits until everything queued is written and returns the file
// (jsbridge.StdioFile): a child that inherits the stream writes after it.
func (w *stdioWriter) File() *os.File {
	w.q.flush()
	return w.f
}

// drain writes the queue until it is empty.
func (q *stdioQueue) drain() {
	q.mu.Lock()
	for len(q.pending) > 0 {
		chunks := q.pending
		q.pending = nil
		q.mu.Unlock()
		written := 0
		for _, c := range chunks {
			_, _ = c.f.Write(c.b)
			written += len(c.b)
		}
		q.mu.Lock()
		q.queued -= written
		q.progress.Broadcast()
	}
	q.writing = false
	q.progress.Broadcast()
	q.mu.Unlock()
}

// flush waits until everything queued is written.
func (q *stdioQueue) flush() {
	q.mu.Lock()
	for q.writing {
		q.progress.Wait()
	}
	q.mu.Unlock()
}

// flushStdio waits until the standard streams' queued output is written.
func (r *Runtime) flushStdio() {
	for _, w := range []io.Writer{r.stdout, r.stderr} {
		if sw, ok := w.(*stdioWriter); ok {
			sw.q.flush()
			return
		}
	}
}
