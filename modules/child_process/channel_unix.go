//go:build unix

package childprocess

import (
	"bytes"
	"errors"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"syscall"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

// channel is the Go side of an IPC channel between a parent and a child
// made by fork(): one end of a Unix socketpair carrying JSON messages, one
// per line, as Node 0.7 sent them. child_process.js does the JSON; here a
// reader goroutine splits what arrives into lines and posts them to the
// loop, and writes go out at once when the socket takes them (as libuv
// tried) or else through a writer goroutine, so that the loop never blocks.
//
// The channel keeps the program alive from start until it is closed: by
// close() (disconnect()), once what was queued has been written, or when
// the other end goes away.
//
// Fields marked "loop" are used only on the loop goroutine; the others are
// shared with the goroutines under mu.
type channel struct {
	e    *jsbridge.Env
	conn *net.UnixConn
	raw  syscall.RawConn

	handle    *jsbridge.Handle // loop
	onmessage goja.Value       // loop: called with each line, then with null at the end
	started   bool             // loop
	closed    bool             // loop: close() was called or the end reported

	mu       sync.Mutex
	queue    [][]byte // what waits for the writer
	writing  bool     // a writer goroutine runs
	closing  bool     // close the socket once the queue is written
	shut     bool     // the socket is closed
	broken   bool     // a write failed: the rest is dropped
	released atomic.Bool
}

// channelReadSize is the buffer of each read from a channel.
const channelReadSize = 64 * 1024

func newChannel(e *jsbridge.Env, conn *net.UnixConn) (*channel, error) {
	raw, err := conn.SyscallConn()
	if err != nil {
		_ = conn.Close()
		return nil, err
	}
	ch := &channel{e: e, conn: conn, raw: raw, handle: e.NewHandle()}
	channels(e)[ch] = struct{}{}
	return ch, nil
}

// start begins reading; onmessage(line) runs on the loop for each message
// and onmessage(null) once when the other end has gone.
func (ch *channel) start(onmessage goja.Value) {
	if ch.started || ch.closed {
		return
	}
	ch.started = true
	ch.onmessage = onmessage
	go ch.readLoop()
}

// readLoop reads until the socket ends, posting the complete lines of each
// read in one job. A line not finished at the end is dropped, as Node did.
func (ch *channel) readLoop() {
	buf := make([]byte, channelReadSize)
	var partial []byte
	for {
		n, err := ch.conn.Read(buf)
		var lines []string
		data := buf[:n]
		for len(data) > 0 {
			i := bytes.IndexByte(data, '\n')
			if i < 0 {
				partial = append(partial, data...)
				break
			}
			if len(partial) > 0 {
				partial = append(partial, data[:i]...)
				lines = append(lines, string(partial))
				partial = partial[:0]
				if cap(partial) > channelReadSize {
					partial = nil // a big message is not held on to
				}
			} else {
				lines = append(lines, string(data[:i]))
			}
			data = data[i+1:]
		}
		if len(lines) > 0 {
			ch.e.Post(func() { ch.deliver(lines) })
		}
		if err != nil {
			ch.e.Post(ch.ended)
			return
		}
	}
}

// deliver hands lines to JS, one call each, until the channel is closed.
func (ch *channel) deliver(lines []string) {
	for _, line := range lines {
		if ch.closed {
			return
		}
		ch.e.Call(ch.onmessage, goja.Undefined(), ch.e.VM.ToValue(line))
	}
}

// ended runs on the loop when the reader stops: the other end has closed
// (or the socket failed, which ends the channel the same way).
func (ch *channel) ended() {
	if ch.closed {
		return
	}
	ch.closed = true
	ch.mu.Lock()
	ch.closing = true
	idle := !ch.writing
	ch.mu.Unlock()
	if idle {
		ch.shutdown()
	}
	ch.e.Call(ch.onmessage, goja.Undefined(), goja.Null())
}

// write sends one message (a line, '\n' included). When nothing is queued
// it is written at once as far as the socket takes it without blocking;
// the rest goes to the writer goroutine. A channel whose other end has gone
// drops what is written, as a Node channel did.
func (ch *channel) write(msg []byte) {
	ch.mu.Lock()
	defer ch.mu.Unlock()
	if ch.closing || ch.broken || ch.shut {
		return
	}
	if !ch.writing {
		n, err := ch.tryWrite(msg)
		if err != nil {
			ch.broken = true
			return
		}
		msg = msg[n:]
		if len(msg) == 0 {
			return
		}
		ch.writing = true
		ch.queue = append(ch.queue, msg)
		go ch.drain()
		return
	}
	ch.queue = append(ch.queue, msg)
}

// tryWrite writes what the socket takes now, never waiting; mu is held
// and no writer runs.
func (ch *channel) tryWrite(b []byte) (int, error) {
	n := 0
	var werr error
	err := ch.raw.Write(func(fd uintptr) bool {
		for n < len(b) {
			m, err := syscall.Write(int(fd), b[n:])
			if err == syscall.EINTR {
				continue
			}
			if err == syscall.EAGAIN {
				break
			}
			if err != nil {
				werr = err
				break
			}
			n += m
		}
		return true
	})
	if werr == nil {
		werr = err
	}
	return n, werr
}

// drain is the writer: it writes the queue until it is empty, then closes
// the socket if close() asked.
func (ch *channel) drain() {
	for {
		ch.mu.Lock()
		if ch.shut || ch.broken || len(ch.queue) == 0 {
			ch.writing = false
			closing := ch.closing
			ch.mu.Unlock()
			if closing {
				ch.e.Post(ch.shutdown)
			}
			return
		}
		batch := net.Buffers(ch.queue)
		ch.queue = nil
		ch.mu.Unlock()
		if _, err := batch.WriteTo(ch.conn); err != nil {
			ch.mu.Lock()
			ch.broken = true
			ch.queue = nil
			ch.mu.Unlock()
		}
	}
}

// close ends the channel from this side: nothing more is delivered, what
// was written is still sent, and then the socket closes (the other end
// sees its end) and the channel stops keeping the program alive.
func (ch *channel) close() {
	if ch.closed {
		return
	}
	ch.closed = true
	ch.mu.Lock()
	ch.closing = true
	idle := !ch.writing
	ch.mu.Unlock()
	if idle {
		ch.shutdown()
	}
}

// shutdown closes the socket and releases the handle; it runs on the loop
// once nothing is left to write.
func (ch *channel) shutdown() {
	ch.mu.Lock()
	if ch.writing {
		ch.mu.Unlock()
		return // the writer posts shutdown again when it is done
	}
	ch.shut = true
	ch.mu.Unlock()
	ch.release()
	ch.handle.Close()
	delete(channels(ch.e), ch)
}

// release closes the socket; any goroutine, once.
func (ch *channel) release() {
	if ch.released.CompareAndSwap(false, true) {
		_ = ch.conn.Close()
	}
}

type channelProtoKey struct{}

// channelProto is the prototype of channel handles: start, write, close,
// ref and unref.
func channelProto(e *jsbridge.Env) *goja.Object {
	return e.Local(channelProtoKey{}, func() any {
		proto := e.VM.NewObject()
		this := func(call goja.FunctionCall) *channel {
			return jsbridge.MustUnwrap[*channel](e, call.This, "channel handle")
		}
		undefined := goja.Undefined()
		e.SetFuncs(proto, map[string]func(goja.FunctionCall) goja.Value{
			// start(onmessage(line | null)) starts reading.
			"start": func(call goja.FunctionCall) goja.Value {
				if _, ok := goja.AssertFunction(call.Argument(0)); !ok {
					e.ThrowTypeError("onmessage must be a function")
				}
				this(call).start(call.Argument(0))
				return undefined
			},
			// write(line) queues one message, '\n' included.
			"write": func(call goja.FunctionCall) goja.Value {
				s, ok := call.Argument(0).Export().(string)
				if !ok {
					e.ThrowTypeError("message must be a string")
				}
				this(call).write([]byte(s))
				return undefined
			},
			"close": func(call goja.FunctionCall) goja.Value {
				this(call).close()
				return undefined
			},
			"ref": func(call goja.FunctionCall) goja.Value {
				this(call).handle.Ref()
				return undefined
			},
			"unref": func(call goja.FunctionCall) goja.Value {
				this(call).handle.Unref()
				return undefined
			},
		})
		return proto
	}).(*goja.Object)
}

type channelsKey struct{}

// channels is the set of a runtime's open channels; they are closed when
// the runtime ends, so that no reader or writer outlives it.
func channels(e *jsbridge.Env) map[*channel]struct{} {
	return e.Local(channelsKey{}, func() any {
		set := map[*channel]struct{}{}
		e.Host().OnExit(func() {
			for ch := range set {
				ch.mu.Lock()
				ch.shut = true
				ch.mu.Unlock()
				ch.release()
			}
		})
		return set
	}).(map[*channel]struct{})
}

// ipcSocketPair makes the socketpair of an 'ipc' slot: the parent's end as
// a channel, the child's as a file.
func ipcSocketPair(e *jsbridge.Env) (*channel, *os.File, error) {
	parent, childEnd, err := socketPair()
	if err != nil {
		return nil, nil, err
	}
	uc, ok := parent.(*net.UnixConn)
	if !ok {
		_ = parent.Close()
		_ = childEnd.Close()
		return nil, nil, errors.New("socketpair: not a Unix socket")
	}
	ch, err := newChannel(e, uc)
	if err != nil {
		_ = childEnd.Close()
		return nil, nil, err
	}
	return ch, childEnd, nil
}

// channelFdTaken: a process has one channel to its parent, which the first
// runtime to ask takes (several runtimes may share a Go process).
var channelFdTaken atomic.Bool

// openChannel is the child's side: the channel its parent passed as
// descriptor fd (NODE_CHANNEL_FD). The descriptor is moved to a
// close-on-exec one, so that the child's own children do not inherit it.
func openChannel(e *jsbridge.Env, fd int) *channel {
	if fd < 0 {
		e.ThrowError("NODE_CHANNEL_FD is not a valid descriptor: %d", fd)
	}
	if !channelFdTaken.CompareAndSwap(false, true) {
		e.ThrowError("the IPC channel (NODE_CHANNEL_FD=%d) was already taken by another runtime of this process", fd)
	}
	f := os.NewFile(uintptr(fd), "ipc")
	conn, err := net.FileConn(f)
	_ = f.Close()
	if err != nil {
		panic(e.SysError(err, "open IPC channel"))
	}
	uc, ok := conn.(*net.UnixConn)
	if !ok {
		_ = conn.Close()
		e.ThrowError("NODE_CHANNEL_FD=%d is not a Unix socket", fd)
	}
	ch, err := newChannel(e, uc)
	if err != nil {
		panic(e.SysError(err, "open IPC channel"))
	}
	return ch
}
