//go:build unix

package childprocess

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
	netmod "github.com/gojatls/gojatls/modules/net"
)

// readSize is the buffer size of each read from a child's pipe.
const readSize = 64 * 1024

// spawnOptions is what child_process.js passes to binding.spawn, already
// checked and normalized.
type spawnOptions struct {
	File     string       `js:"file"`
	Args     []string     `js:"args"` // argv, argv[0] included
	Cwd      string       `js:"cwd"`
	Env      []string     `js:"envPairs"`
	Stdio    []goja.Value `js:"stdio"` // 'pipe', 'ignore', 'ipc' or 0, 1, 2 (the runtime's own)
	Detached bool         `js:"detached"`
}

func native(e *jsbridge.Env, binding *goja.Object) {
	e.SetFuncs(binding, map[string]func(goja.FunctionCall) goja.Value{
		// spawn(options, onexit(code, signal)) starts a process and returns
		// {handle, pid, stdio, error}: stdio holds a net socket handle for
		// each 'pipe' slot (null for the others); error is set ('ENOENT',
		// ...) when the program could not be run, in which case, as in
		// Node 0.7, the exec error is written to the child's stderr and
		// onexit(127, null) follows. An 'ipc' slot (one at most) gives
		// ipc, the parent's end of the IPC channel (channel_unix.go).
		"spawn": func(call goja.FunctionCall) goja.Value {
			var opts spawnOptions
			e.Decode(call.Argument(0), "options", &opts)
			if _, ok := goja.AssertFunction(call.Argument(1)); !ok {
				e.ThrowTypeError("onexit must be a function")
			}
			return spawn(e, &opts, call.Argument(1))
		},
		// openChannel(fd) is the child's end of the IPC channel its parent
		// passed as descriptor fd (NODE_CHANNEL_FD).
		"openChannel": func(call goja.FunctionCall) goja.Value {
			fd := call.Argument(0)
			if !isInteger(fd) {
				e.ThrowTypeError("fd must be an integer")
			}
			ch := openChannel(e, int(fd.ToInteger()))
			return e.NewWrapped(channelProto(e), ch)
		},
	})
	signals := e.VM.NewObject()
	for _, s := range jsbridge.Signals() {
		signals.Set(s.Name, int(s.Sig))
	}
	binding.Set("signals", signals)
}

// child is the Go side of a ChildProcess: the process, and what must
// finish before its exit is reported.
type child struct {
	e         *jsbridge.Env
	proc      *os.Process      // nil when the program could not be run
	handle    *jsbridge.Handle // loop: keeps the program alive until the exit is reported
	onexit    goja.Value       // loop
	waiting   int              // loop: the wait and the output copies not finished
	exited    bool             // loop: the process was reaped (or never ran)
	code, sig goja.Value       // loop: the exit status for onexit
	detached  bool
	stdinFeed *os.File    // write end fed from the runtime's stdin, or nil
	copies    []*os.File  // read ends of the output copies
	stopAtEnd func() bool // loop: cancels endWithRuntime
}

// slot is one of the child's descriptors as the parent prepares it.
type slot struct {
	file    *os.File  // what the child gets
	owned   bool      // file is ours: closed in the parent after the start
	sock    net.Conn  // the parent's end of a 'pipe' slot
	copyOut io.Writer // output copied to this runtime writer on the loop ...
	copySrc *os.File  // ... read from here
	feedIn  io.Reader // the runtime's stdin copied ...
	feedDst *os.File  // ... into here
	ipc     *channel  // the parent's end of an 'ipc' slot
}

func (s *slot) release() {
	if s.owned && s.file != nil {
		_ = s.file.Close()
	}
	for _, f := range []*os.File{s.copySrc, s.feedDst} {
		if f != nil {
			_ = f.Close()
		}
	}
	if s.sock != nil {
		_ = s.sock.Close()
	}
	if s.ipc != nil {
		s.ipc.shutdown()
	}
}

func spawn(e *jsbridge.Env, opts *spawnOptions, onexit goja.Value) goja.Value {
	slots := make([]*slot, len(opts.Stdio))
	started := false
	defer func() {
		if !started {
			for _, s := range slots {
				if s != nil {
					s.release()
				}
			}
		}
	}()
	for i, spec := range opts.Stdio {
		s, err := makeSlot(e, i, spec)
		if err != nil {
			panic(e.SysError(err, "spawn"))
		}
		slots[i] = s
	}

	dir := e.Host().Cwd()
	if opts.Cwd != "" {
		dir = opts.Cwd
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(e.Host().Cwd(), dir)
		}
	}
	env := append([]string{}, opts.Env...)
	files := make([]*os.File, len(slots))
	for i, s := range slots {
		files[i] = s.file
	}

	c := &child{e: e, onexit: onexit, detached: opts.Detached, code: goja.Null(), sig: goja.Null()}
	var execErr error
	var execOp string
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		if err == nil {
			err = syscall.ENOTDIR
		}
		execOp, execErr = "chdir", err
	} else if path, err := lookPath(opts.File, env, dir); err != nil {
		execOp, execErr = "execvp", err
	} else {
		proc, err := os.StartProcess(path, opts.Args, &os.ProcAttr{
			Dir:   dir,
			Env:   env,
			Files: files,
			Sys:   &syscall.SysProcAttr{Setsid: opts.Detached},
		})
		if err != nil && !isExecError(err) {
			panic(e.SysError(err, "spawn"))
		}
		c.proc = proc
		execOp, execErr = "execvp", err
	}
	started = true

	if execErr != nil && len(slots) > 2 && slots[2].file != nil {
		// What the child would have printed before exiting with 127.
		_, _ = fmt.Fprintf(slots[2].file, "%s(): %s\n", execOp, strerror(execErr))
	}

	result := e.VM.NewObject()
	stdio := make([]any, len(slots))
	c.handle = e.NewHandle()
	c.waiting = 1
	for i, s := range slots {
		if s.owned {
			_ = s.file.Close()
		}
		if s.sock != nil {
			stdio[i] = netmod.NewConn(e, s.sock, readSize).Handle()
		}
		if s.ipc != nil {
			result.Set("ipc", e.NewWrapped(channelProto(e), s.ipc))
		}
		if s.copySrc != nil {
			c.waiting++
			c.copies = append(c.copies, s.copySrc)
			go c.copyOutput(s.copySrc, s.copyOut)
		}
		if s.feedDst != nil {
			c.stdinFeed = s.feedDst
			go feedInput(stdinLock(e), s.feedIn, s.feedDst)
		}
	}
	c.stopAtEnd = e.AfterEnd(c.endWithRuntime)
	result.Set("stdio", stdio)
	result.Set("handle", e.NewWrapped(childProto(e), c))
	if execErr != nil {
		code, _ := jsbridge.ErrnoCode(execErr)
		result.Set("error", code)
		e.Post(func() { c.reaped(127, "") })
		return result
	}
	result.Set("pid", c.proc.Pid)
	go func() {
		state, err := c.proc.Wait()
		code, sig := -1, ""
		if err == nil {
			code, sig = exitStatus(state)
		}
		e.Post(func() { c.reaped(code, sig) })
	}()
	return result
}

// makeSlot prepares descriptor i of the child from its spec: 'pipe' is a
// socketpair (as libuv makes), 'ignore' is /dev/null, and 0, 1 or 2 is the
// runtime's own stdin, stdout or stderr: that file itself when it is one,
// else a pipe copied from or to the runtime's stream.
func makeSlot(e *jsbridge.Env, i int, spec goja.Value) (*slot, error) {
	switch spec.Export() {
	case "pipe":
		parent, childEnd, err := socketPair()
		if err != nil {
			return nil, err
		}
		return &slot{file: childEnd, owned: true, sock: parent}, nil
	case "ipc":
		ch, childEnd, err := ipcSocketPair(e)
		if err != nil {
			return nil, err
		}
		return &slot{file: childEnd, owned: true, ipc: ch}, nil
	case "ignore":
		f, err := os.OpenFile(os.DevNull, os.O_RDWR, 0)
		if err != nil {
			return nil, err
		}
		return &slot{file: f, owned: true}, nil
	}
	stdin, stdout, stderr := e.Host().Stdio()
	var stream any
	switch spec.ToInteger() {
	case 0:
		stream = stdin
	case 1:
		stream = stdout
	case 2:
		stream = stderr
	default:
		return nil, syscall.EBADF
	}
	if f, ok := jsbridge.StdioFile(stream); ok {
		return &slot{file: f}, nil
	}
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	if spec.ToInteger() == 0 {
		return &slot{file: r, owned: true, feedIn: stdin, feedDst: w}, nil
	}
	return &slot{file: w, owned: true, copyOut: stream.(io.Writer), copySrc: r}, nil
}

// isInteger reports whether v is a JS number with an integral value.
func isInteger(v goja.Value) bool {
	switch n := v.Export().(type) {
	case int64:
		return true
	case float64:
		return n == float64(int64(n))
	}
	return false
}

// socketPair makes a connected pair of Unix stream sockets: a net.Conn for
// the parent and a file for the child.
func socketPair() (parent net.Conn, childEnd *os.File, err error) {
	syscall.ForkLock.RLock()
	fds, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	if err == nil {
		syscall.CloseOnExec(fds[0])
		syscall.CloseOnExec(fds[1])
	}
	syscall.ForkLock.RUnlock()
	if err != nil {
		return nil, nil, os.NewSyscallError("socketpair", err)
	}
	parentFile := os.NewFile(uintptr(fds[0]), "pipe")
	conn, err := net.FileConn(parentFile)
	_ = parentFile.Close()
	if err != nil {
		_ = syscall.Close(fds[1])
		return nil, nil, err
	}
	return conn, os.NewFile(uintptr(fds[1]), "pipe"), nil
}

// copyOutput copies what the child writes to a runtime stream that is not
// a file; the writes happen on the loop, in order with the script's own.
func (c *child) copyOutput(src *os.File, dst io.Writer) {
	for {
		buf := make([]byte, readSize)
		n, err := src.Read(buf)
		if n > 0 {
			chunk := buf[:n]
			c.e.Post(func() { _, _ = dst.Write(chunk) })
		}
		if err != nil {
			_ = src.Close()
			c.e.Post(c.finish)
			return
		}
	}
}

// feedInput copies the runtime's stdin (when it is not a file) to the
// child until either side ends. Children that run at once share it as
// children given one descriptor do: each read goes to one of them. mu
// serializes their reads of src.
func feedInput(mu *sync.Mutex, src io.Reader, dst *os.File) {
	buf := make([]byte, readSize)
	for {
		mu.Lock()
		n, err := src.Read(buf)
		mu.Unlock()
		if n > 0 {
			if _, werr := dst.Write(buf[:n]); werr != nil {
				break
			}
		}
		if err != nil {
			break
		}
	}
	_ = dst.Close()
}

type stdinLockKey struct{}

// stdinLock is the lock of the runtime's stdin for feedInput.
func stdinLock(e *jsbridge.Env) *sync.Mutex {
	return e.Local(stdinLockKey{}, func() any { return &sync.Mutex{} }).(*sync.Mutex)
}

// reaped runs on the loop once the process has ended.
func (c *child) reaped(code int, sig string) {
	c.exited = true
	if sig != "" {
		c.sig = c.e.VM.ToValue(sig)
	} else if code >= 0 {
		c.code = c.e.VM.ToValue(code)
	}
	if c.stdinFeed != nil {
		_ = c.stdinFeed.Close()
	}
	c.finish()
}

// finish counts down the wait and the output copies; when all are done the
// exit goes to JS.
func (c *child) finish() {
	c.waiting--
	if c.waiting > 0 {
		return
	}
	c.handle.Close()
	c.stopAtEnd()
	c.e.Call(c.onexit, goja.Undefined(), c.code, c.sig)
}

// kill sends sig; it reports whether the signal was sent.
func (c *child) kill(sig syscall.Signal) bool {
	if c.proc == nil || c.exited {
		return false
	}
	return c.proc.Signal(sig) == nil
}

// exitStatus is the exit code, or the name of the signal that ended the
// process (the code is then -1).
func exitStatus(state *os.ProcessState) (int, string) {
	ws, ok := state.Sys().(syscall.WaitStatus)
	if ok && ws.Signaled() {
		return -1, jsbridge.SignalName(ws.Signal())
	}
	return state.ExitCode(), ""
}

type childProtoKey struct{}

// childProto is the prototype of process handles: kill, ref, unref.
func childProto(e *jsbridge.Env) *goja.Object {
	return e.Local(childProtoKey{}, func() any {
		proto := e.VM.NewObject()
		this := func(call goja.FunctionCall) *child {
			return jsbridge.MustUnwrap[*child](e, call.This, "process handle")
		}
		e.SetFuncs(proto, map[string]func(goja.FunctionCall) goja.Value{
			// kill(signum) -> whether the signal was sent.
			"kill": func(call goja.FunctionCall) goja.Value {
				return e.VM.ToValue(this(call).kill(syscall.Signal(call.Argument(0).ToInteger())))
			},
			"ref": func(call goja.FunctionCall) goja.Value {
				this(call).handle.Ref()
				return goja.Undefined()
			},
			"unref": func(call goja.FunctionCall) goja.Value {
				this(call).handle.Unref()
				return goja.Undefined()
			},
		})
		return proto
	}).(*goja.Object)
}

// endWithRuntime runs when the runtime ends before the child's exit was
// reported: the child is killed (unless detached), so that none outlives
// the runtime unasked, and the copies of its output stop, as they would
// otherwise wait for whoever still holds the other ends (a grandchild,
// say).
func (c *child) endWithRuntime() {
	for _, f := range append(c.copies, c.stdinFeed) {
		if f != nil {
			_ = f.Close()
		}
	}
	if !c.detached {
		c.kill(syscall.SIGKILL)
	}
}

// lookPath finds file as execvp does: a name with a slash is used as it
// is (relative to the child's directory), another is searched for in the
// child's PATH.
func lookPath(file string, env []string, dir string) (string, error) {
	if file == "" {
		return "", syscall.ENOENT
	}
	if strings.Contains(file, "/") {
		if !filepath.IsAbs(file) {
			file = filepath.Join(dir, file)
		}
		return file, nil
	}
	pathList := "/bin:/usr/bin" // glibc's execvp default
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "PATH="); ok {
			pathList = v
			break
		}
	}
	var found error = syscall.ENOENT
	for _, d := range filepath.SplitList(pathList) {
		if d == "" {
			d = "."
		}
		p := filepath.Join(d, file)
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		st, err := os.Stat(p)
		if err != nil || st.IsDir() {
			continue
		}
		if st.Mode()&0o111 != 0 {
			return p, nil
		}
		found = syscall.EACCES
	}
	return "", found
}

// isExecError reports whether a start failed in the exec itself (the
// program is missing or not runnable) rather than in fork or setup.
func isExecError(err error) bool {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return false
	}
	switch errno {
	case syscall.ENOENT, syscall.EACCES, syscall.ENOEXEC, syscall.ENOTDIR,
		syscall.ELOOP, syscall.ENAMETOOLONG, syscall.EISDIR, syscall.ETXTBSY, syscall.EPERM:
		return true
	}
	return false
}

// strerror is the C library's text for err ("No such file or directory").
func strerror(err error) string {
	var errno syscall.Errno
	msg := err.Error()
	if errors.As(err, &errno) {
		msg = errno.Error()
	}
	if msg == "" {
		return msg
	}
	return strings.ToUpper(msg[:1]) + msg[1:]
}
