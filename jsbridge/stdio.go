package jsbridge

import (
	"os"

	"github.com/dop251/goja"
)

// StdioFile is the file under one of Host.Stdio's streams, if it is a
// file: the stream itself, or the file of a stream whose writes the
// runtime queues (stdout and stderr when they are pipes), once what is
// queued is written. A module that hands the file to someone else (a
// child that inherits it) or asks the file itself (isatty) uses it.
func StdioFile(stream any) (*os.File, bool) {
	switch s := stream.(type) {
	case *os.File:
		return s, true
	case interface{ File() *os.File }:
		return s.File(), true
	}
	return nil, false
}

// stdioStreams is what SetStdioStream recorded: process.stdout (fd 1) and
// process.stderr (fd 2), each with the write method it was made with.
type stdioStreams struct {
	stream, write [3]*goja.Object
}

type stdioStreamsKey struct{}

// SetStdioStream records the stream object of fd 1 or 2 once the script
// has made it (process.stdout and process.stderr are made on first use),
// with its own write method. Loop goroutine only.
func (e *Env) SetStdioStream(fd int, stream, write *goja.Object) {
	if fd != 1 && fd != 2 {
		return
	}
	s := e.Local(stdioStreamsKey{}, func() any { return &stdioStreams{} }).(*stdioStreams)
	s.stream[fd], s.write[fd] = stream, write
}

// StdioHook returns the write method a script put in place of fd's own on
// process.stdout or process.stderr (on the stream or its prototype), and
// the stream, or nil when there is none: Node's console.log calls
// process.stdout.write, so console and util write through a replacement,
// and straight to the runtime's stream otherwise. Loop goroutine only.
func (e *Env) StdioHook(fd int) (goja.Callable, *goja.Object) {
	v, ok := e.locals[stdioStreamsKey{}]
	if !ok || (fd != 1 && fd != 2) {
		return nil, nil
	}
	s := v.(*stdioStreams)
	stream := s.stream[fd]
	if stream == nil {
		return nil, nil
	}
	write := stream.Get("write")
	if write != nil && write.SameAs(s.write[fd]) {
		return nil, nil
	}
	fn, ok := goja.AssertFunction(write)
	if !ok {
		// Not a function: the call fails as process.stdout.write(str) would.
		name := "stdout"
		if fd == 2 {
			name = "stderr"
		}
		panic(e.VM.NewTypeError("process." + name + ".write is not a function"))
	}
	return fn, stream
}
