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

// StdioReplaced reports whether a script has put another write method in
// place of fd's own on process.stdout or process.stderr (on the stream or
// its prototype): Node's console.log calls process.stdout.write, so
// console and util then write through it (StdioHook). Loop goroutine only.
func (e *Env) StdioReplaced(fd int) bool {
	_, _, replaced := e.stdioWrite(fd)
	return replaced
}

// StdioHook returns the replacement StdioReplaced reports, and the stream
// to call it on, or nil when there is none. A replacement that is not a
// function throws a TypeError, as process.stdout.write(str) would. Loop
// goroutine only.
func (e *Env) StdioHook(fd int) (goja.Callable, *goja.Object) {
	write, stream, replaced := e.stdioWrite(fd)
	if !replaced {
		return nil, nil
	}
	fn, ok := goja.AssertFunction(write)
	if !ok {
		name := "stdout"
		if fd == 2 {
			name = "stderr"
		}
		panic(e.VM.NewTypeError("process." + name + ".write is not a function"))
	}
	return fn, stream
}

// stdioWrite is the write method of fd's stream as it is now, the stream,
// and whether it differs from the stream's own.
func (e *Env) stdioWrite(fd int) (goja.Value, *goja.Object, bool) {
	v, ok := e.locals[stdioStreamsKey{}]
	if !ok || (fd != 1 && fd != 2) {
		return nil, nil, false
	}
	s := v.(*stdioStreams)
	stream := s.stream[fd]
	if stream == nil {
		return nil, nil, false
	}
	write := stream.Get("write")
	return write, stream, write == nil || !write.SameAs(s.write[fd])
}
