//go:build unix

package childprocess

import (
	"bytes"
	"errors"
	"net"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
	netmod "github.com/gojatls/gojatls/modules/net"
)

// channel is the Go side of an IPC channel between a parent and a child
// made by fork(): one end of a Unix socketpair carrying JSON messages, one
// per line, as Node 0.7 sent them. child_process.js does the JSON; here a
// reader goroutine splits what arrives into lines and posts them to the
// loop, and writes go out at once when the socket takes them (as libuv
// tried) or else through a writer goroutine, so that the loop never blocks.
//
// A message may carry a handle (child.send(message, server._handle)): the
// line is {"cmd":"NODE_HANDLE","type":"net.Server","msg":<message>} and the
// listening socket's descriptor goes with its first byte as SCM_RIGHTS
// ancillary data; such lines are written by the writer goroutine
// (sendmsg), in order with the others. The reader keeps the descriptors
// it receives in arrival order and gives the next one to each line that
// starts with handlePrefix; the receiver gets the line and a server handle
// made of the descriptor (modules/net ReceivedServer). Descriptors nobody
// takes are closed: those left when the channel ends, and those of lines
// not delivered.
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
	queue    []outMsg // what waits for the writer
	writing  bool     // a writer goroutine runs
	closing  bool     // close the socket once the queue is written
	shut     bool     // the socket is closed
	broken   bool     // a write failed: the rest is dropped
	released atomic.Bool

	stopAtEnd func() bool // loop: cancels the end at the runtime's end
}

// outMsg is a message waiting for the writer: a line (or its rest) and a
// descriptor to send with its first byte, or nil.
type outMsg struct {
	data []byte
	file *os.File
}

// channelReadSize is the buffer of each read from a channel.
const channelReadSize = 64 * 1024

// channelMaxFds bounds the descriptors one read takes (Linux gives those
// of one message at most, and a message carries one).
const channelMaxFds = 16

// handlePrefix starts every line that carries a handle, and no other
// line (write refuses plain messages that start with it). The type follows,
// then the message: {"cmd":"NODE_HANDLE","type":"net.Server","msg":...}.
const handlePrefix = `{"cmd":"NODE_HANDLE","type":"`

// serverHandlePrefix starts a line that carries a listening socket.
const serverHandlePrefix = handlePrefix + `net.Server",`

// inLine is a line the reader read, with the descriptor that came for it
// (-1 for none).
type inLine struct {
	line string
	fd   int
}

func newChannel(e *jsbridge.Env, conn *net.UnixConn) (*channel, error) {
	raw, err := conn.SyscallConn()
	if err != nil {
		_ = conn.Close()
		return nil, err
	}
	ch := &channel{e: e, conn: conn, raw: raw, handle: e.NewHandle()}
	// When the runtime ends, the socket is closed, so that no reader or
	// writer outlives it.
	ch.stopAtEnd = e.AfterEnd(func() {
		ch.mu.Lock()
		ch.shut = true
		ch.mu.Unlock()
		ch.release()
	})
	return ch, nil
}

// start begins reading; onmessage(line, [handle]) runs on the loop for each
// message and onmessage(null) once when the other end has gone. A line
// that carries a handle comes with it as second argument (null if its
// descriptor was lost or could not be made a handle); other lines come
// alone.
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
// Descriptors that come with the bytes (SCM_RIGHTS) wait in fds for the
// lines that carry handles.
func (ch *channel) readLoop() {
	buf := make([]byte, channelReadSize)
	oob := make([]byte, syscall.CmsgSpace(channelMaxFds*4))
	var partial []byte
	var fds []int // received and not given to a line yet, in arrival order
	for {
		n, oobn, _, _, err := ch.conn.ReadMsgUnix(buf, oob)
		n, oobn = max(n, 0), max(oobn, 0) // -1 with some errors
		if oobn > 0 {
			fds = append(fds, parseRights(oob[:oobn])...)
		}
		var lines []inLine
		add := func(line string) {
			in := inLine{line: line, fd: -1}
			if strings.HasPrefix(line, handlePrefix) && len(fds) > 0 {
				in.fd = fds[0]
				fds = fds[1:]
			}
			lines = append(lines, in)
		}
		data := buf[:n]
		for len(data) > 0 {
			i := bytes.IndexByte(data, '\n')
			if i < 0 {
				partial = append(partial, data...)
				break
			}
			if len(partial) > 0 {
				partial = append(partial, data[:i]...)
				add(string(partial))
				partial = partial[:0]
				if cap(partial) > channelReadSize {
					partial = nil // a big message is not held on to
				}
			} else {
				add(string(data[:i]))
			}
			data = data[i+1:]
		}
		if len(lines) > 0 {
			ch.e.PostOr(func() { ch.deliver(lines) }, func() { closeLineFds(lines) })
		}
		if err != nil {
			closeFds(fds)
			ch.e.Post(ch.ended)
			return
		}
	}
}

// parseRights returns the descriptors in a read's control messages.
func parseRights(oob []byte) []int {
	msgs, err := syscall.ParseSocketControlMessage(oob)
	if err != nil {
		return nil
	}
	var fds []int
	for i := range msgs {
		if got, err := syscall.ParseUnixRights(&msgs[i]); err == nil {
			fds = append(fds, got...)
		}
	}
	return fds
}

func closeFds(fds []int) {
	for _, fd := range fds {
		_ = syscall.Close(fd)
	}
}

func closeLineFds(lines []inLine) {
	for _, in := range lines {
		if in.fd >= 0 {
			_ = syscall.Close(in.fd)
		}
	}
}

// deliver hands lines to JS, one call each, until the channel is closed;
// the descriptors of lines not delivered are closed (also when a call
// does not return: process.exit()).
func (ch *channel) deliver(lines []inLine) {
	next := 0
	defer func() { closeLineFds(lines[next:]) }()
	for next < len(lines) {
		in := lines[next]
		next++
		if ch.closed {
			next--
			return
		}
		line := ch.e.VM.ToValue(in.line)
		if !strings.HasPrefix(in.line, handlePrefix) {
			ch.e.Call(ch.onmessage, goja.Undefined(), line)
			continue
		}
		ch.e.Call(ch.onmessage, goja.Undefined(), line, ch.receivedHandle(in))
	}
}

// receivedHandle makes the handle a line carries of its descriptor: a
// server handle for a net.Server; null if there is no descriptor or it
// is not what the line says.
func (ch *channel) receivedHandle(in inLine) goja.Value {
	if in.fd < 0 {
		return goja.Null()
	}
	if !strings.HasPrefix(in.line, serverHandlePrefix) {
		_ = syscall.Close(in.fd)
		return goja.Null()
	}
	h, err := netmod.ReceivedServer(ch.e, os.NewFile(uintptr(in.fd), "handle"))
	if err != nil {
		return goja.Null()
	}
	return h
}

// ended runs on the loop when the reader stops: the other end has closed
// (or the socket failed, which ends the channel the same way).
func (ch *channel) ended() {
	if ch.closed {
		return
	}
	ch.close()
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
		ch.queue = append(ch.queue, outMsg{data: msg})
		go ch.drain()
		return
	}
	ch.queue = append(ch.queue, outMsg{data: msg})
}

// writeHandle sends one message (a line starting with handlePrefix) with
// the descriptor of f, which the channel owns from now on (it is closed
// once sent, or dropped). It always goes through the writer goroutine, as
// sendmsg may block; what was written before goes first.
func (ch *channel) writeHandle(msg []byte, f *os.File) {
	ch.mu.Lock()
	defer ch.mu.Unlock()
	if ch.closing || ch.broken || ch.shut {
		_ = f.Close()
		return
	}
	ch.queue = append(ch.queue, outMsg{data: msg, file: f})
	if !ch.writing {
		ch.writing = true
		go ch.drain()
	}
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
// the socket if close() asked. Descriptors of messages it drops (the
// socket closed or failed) are closed.
func (ch *channel) drain() {
	for {
		ch.mu.Lock()
		if ch.shut || ch.broken || len(ch.queue) == 0 {
			dropped := ch.queue
			ch.queue = nil
			ch.writing = false
			closing := ch.closing
			ch.mu.Unlock()
			closeMsgFiles(dropped)
			if closing {
				ch.e.Post(ch.shutdown)
			}
			return
		}
		batch := ch.queue
		ch.queue = nil
		ch.mu.Unlock()
		if err := ch.writeBatch(batch); err != nil {
			ch.mu.Lock()
			ch.broken = true
			ch.mu.Unlock()
		}
	}
}

// writeBatch writes messages in order: runs of plain lines in one
// writev, a line with a descriptor by sendmsg with the descriptor on its
// first segment. Every descriptor of the batch is closed by the end (the
// receiver has its own copy once it is sent).
func (ch *channel) writeBatch(batch []outMsg) error {
	defer closeMsgFiles(batch)
	for len(batch) > 0 {
		i := 0
		for i < len(batch) && batch[i].file == nil {
			i++
		}
		if i > 0 {
			bufs := make(net.Buffers, i)
			for j := range i {
				bufs[j] = batch[j].data
			}
			if _, err := bufs.WriteTo(ch.conn); err != nil {
				return err
			}
			batch = batch[i:]
			continue
		}
		if err := ch.writeWithFile(batch[0].data, batch[0].file); err != nil {
			return err
		}
		batch = batch[1:]
	}
	return nil
}

// writeWithFile writes data with f's descriptor attached (SCM_RIGHTS) to
// its first segment; a short sendmsg is finished with plain writes.
func (ch *channel) writeWithFile(data []byte, f *os.File) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	// Not f.Fd(): that would put the socket, which the sender's listener
	// shares, into blocking mode.
	var n int
	var werr error
	if err := rc.Control(func(fd uintptr) {
		n, _, werr = ch.conn.WriteMsgUnix(data, syscall.UnixRights(int(fd)), nil)
	}); err != nil {
		return err
	}
	if werr != nil {
		return werr
	}
	if n < len(data) {
		_, err = ch.conn.Write(data[n:])
	}
	return err
}

// closeMsgFiles closes the descriptors of messages (sent or dropped).
func closeMsgFiles(msgs []outMsg) {
	for i := range msgs {
		if msgs[i].file != nil {
			_ = msgs[i].file.Close()
			msgs[i].file = nil
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
	ch.stopAtEnd()
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
			// write(line) queues one message, '\n' included. A line that
			// would pass for one carrying a handle is refused.
			"write": func(call goja.FunctionCall) goja.Value {
				s, ok := call.Argument(0).Export().(string)
				if !ok {
					e.ThrowTypeError("message must be a string")
				}
				if strings.HasPrefix(s, handlePrefix) {
					e.ThrowError(`a message {cmd: "NODE_HANDLE", type: ...} is reserved for sending handles`)
				}
				this(call).write([]byte(s))
				return undefined
			},
			// writeHandle(json, handle) queues the message json (a JSON
			// text) with handle, a listening net server's handle.
			"writeHandle": func(call goja.FunctionCall) goja.Value {
				msg, ok := call.Argument(0).Export().(string)
				if !ok {
					e.ThrowTypeError("message must be a string")
				}
				ch := this(call)
				f := sendableFile(e, call.Argument(1))
				ch.writeHandle([]byte(serverHandlePrefix+`"msg":`+msg+"}\n"), f)
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

// sendableFile is a duplicate of the listening socket of h, the handle
// of a listening net.Server, for writeHandle; anything else throws.
func sendableFile(e *jsbridge.Env, h goja.Value) *os.File {
	s, ok := jsbridge.Unwrap[*netmod.Server](h)
	if !ok {
		e.ThrowTypeError(`The "sendHandle" argument must be a net.Server or a server's handle (server._handle): got %s`, describe(h))
	}
	if !s.Sendable() {
		e.ThrowError("sendHandle: a tls.Server (or its handle) cannot be sent to another process: gojatls keeps its TLS state in this process; send a net.Server")
	}
	f, err := s.ListenerFile()
	if err != nil {
		e.ThrowError("sendHandle: %v", err)
	}
	return f
}

// describe names a value for an error message.
func describe(v goja.Value) string {
	switch {
	case goja.IsUndefined(v), goja.IsNull(v):
		return v.String()
	}
	if o, ok := v.(*goja.Object); ok {
		if c, ok := o.Get("constructor").(*goja.Object); ok {
			if name := c.Get("name"); name != nil && name.String() != "" {
				return "an instance of " + name.String()
			}
		}
		return "an object"
	}
	switch v.Export().(type) {
	case string:
		return "a string"
	case int64, float64:
		return "a number"
	case bool:
		return "a boolean"
	}
	return v.String()
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
