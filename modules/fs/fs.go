// Package fs is Node's fs module.
//
// The Go part is a binding shaped like Node 0.7's process.binding('fs'):
// every call takes an optional callback as its last argument. Without one it
// works synchronously on the loop and returns its result or throws; with one
// it works on a goroutine and calls back on the loop with (err, result).
// The JS part (fs.js) is the public module: argument shuffling, flags,
// readFile/writeFile, Stats, ReadStream and WriteStream.
package fs

import (
	_ "embed"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"syscall"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

//go:embed fs.js
var source string

// Module is Node's fs module.
var Module = &jsbridge.Module{Name: "fs", JS: source, Native: native}

// openFile is one entry of the file-descriptor table.
type openFile struct {
	f     *os.File  // nil for standard streams not backed by a file
	r     io.Reader // standard input, when not a file
	w     io.Writer // standard output or error, when not a file
	stdio bool      // not ours to close
}

// binding is the per-runtime state: the fd table and the JS objects the Go
// functions need. Only the loop goroutine touches it.
type binding struct {
	e     *jsbridge.Env
	obj   *goja.Object
	files map[int]*openFile
}

// opError is an error with the syscall name and path Node reports for it,
// for operations made of several system calls (readFile: open, then read).
type opError struct {
	err     error
	syscall string
	path    string
}

func (o *opError) Error() string { return o.syscall + " " + o.path + ": " + o.err.Error() }
func (o *opError) Unwrap() error { return o.err }

func native(e *jsbridge.Env, obj *goja.Object) {
	b := &binding{e: e, obj: obj, files: map[int]*openFile{}}
	stdin, stdout, stderr := e.Host().Stdio()
	b.files[0] = stdioFile(stdin, nil)
	b.files[1] = stdioFile(nil, stdout)
	b.files[2] = stdioFile(nil, stderr)
	e.AfterEnd(b.closeAll) // once per runtime: the files the script left open

	for name, v := range map[string]int{
		"O_RDONLY": os.O_RDONLY, "O_WRONLY": os.O_WRONLY, "O_RDWR": os.O_RDWR,
		"O_CREAT": os.O_CREATE, "O_EXCL": os.O_EXCL, "O_TRUNC": os.O_TRUNC,
		"O_APPEND": os.O_APPEND, "O_SYNC": os.O_SYNC,
		"S_IFMT": syscall.S_IFMT, "S_IFREG": syscall.S_IFREG, "S_IFDIR": syscall.S_IFDIR,
		"S_IFCHR": syscall.S_IFCHR, "S_IFBLK": syscall.S_IFBLK, "S_IFIFO": syscall.S_IFIFO,
		"S_IFLNK": syscall.S_IFLNK, "S_IFSOCK": syscall.S_IFSOCK,
	} {
		obj.Set(name, v)
	}
	e.SetFuncs(obj, map[string]func(goja.FunctionCall) goja.Value{
		"open": b.open, "close": b.close, "read": b.read, "readChunk": b.readChunk,
		"write": b.write, "readFile": b.readFile, "writeFile": b.writeFile,
		"stat": b.stat, "lstat": b.lstat, "fstat": b.fstat,
		"rename": b.rename, "truncate": b.truncate, "ftruncate": b.ftruncate,
		"unlink": b.unlink, "rmdir": b.rmdir, "mkdir": b.mkdir, "readdir": b.readdir,
		"link": b.link, "symlink": b.symlink, "readlink": b.readlink, "realpath": b.realpath,
		"chmod": b.chmod, "fchmod": b.fchmod, "chown": b.chown, "fchown": b.fchown,
		"lchown": b.lchown, "utimes": b.utimes, "futimes": b.futimes,
		"fsync": b.fsync, "fdatasync": b.fdatasync,
		"watchStat": b.watchStat, "watchPath": b.watchPath,
	})
}

func stdioFile(r io.Reader, w io.Writer) *openFile {
	of := &openFile{r: r, w: w, stdio: true}
	if f, ok := jsbridge.StdioFile(r); ok {
		of.f = f
	}
	if f, ok := jsbridge.StdioFile(w); ok {
		of.f = f
	}
	return of
}

// closeAll closes every file the script left open when the runtime ends.
func (b *binding) closeAll() {
	for fd, of := range b.files {
		if !of.stdio && of.f != nil {
			of.f.Close()
		}
		delete(b.files, fd)
	}
}

// run does work synchronously, or on a goroutine when cb is a function.
// work must not touch goja values; result (on the loop) turns its value into
// the JS result, or is nil for calls that give none. Errors name syscall and
// errPath unless work returned an *opError.
func (b *binding) run(cb goja.Value, syscallName, errPath string, work func() (any, error), result func(any) goja.Value) goja.Value {
	if _, ok := goja.AssertFunction(cb); ok {
		b.e.Go(func() func() {
			v, err := work()
			return func() {
				if err != nil {
					b.e.Call(cb, goja.Undefined(), b.asyncError(err, syscallName, errPath))
				} else if result == nil {
					b.e.Call(cb, goja.Undefined(), goja.Null())
				} else {
					b.e.Call(cb, goja.Undefined(), goja.Null(), result(v))
				}
			}
		})
		return goja.Undefined()
	}
	v, err := work()
	if err != nil {
		panic(b.syncError(err, syscallName, errPath))
	}
	if result == nil {
		return goja.Undefined()
	}
	return result(v)
}

// syncError is what a synchronous call throws, as Node 0.7's SYNC_CALL made
// it: "ENOENT, no such file or directory 'x'" with code, errno, syscall and
// path.
func (b *binding) syncError(err error, syscallName, path string) *goja.Object {
	var oe *opError
	if errors.As(err, &oe) {
		err, syscallName, path = oe.err, oe.syscall, oe.path
	}
	return b.e.FSError(err, syscallName, path)
}

// asyncError is what an asynchronous call passes to its callback. Node 0.7's
// After() handed the syscall name to UVException where the description goes
// and no syscall property: "ENOENT, open 'x'", with code, errno and path.
func (b *binding) asyncError(err error, syscallName, path string) *goja.Object {
	var oe *opError
	if errors.As(err, &oe) {
		err, syscallName, path = oe.err, oe.syscall, oe.path
	}
	obj := b.e.FSError(err, "", path)
	msg := obj.Get("code").String() + ", " + syscallName
	if path != "" {
		msg += " '" + path + "'"
	}
	obj.Set("message", msg)
	return obj
}

// badArgs throws the TypeError Node 0.7's binding threw for arguments of the
// wrong type.
func (b *binding) badArgs() {
	b.e.ThrowTypeError("Bad argument")
}

// pathArg returns argument i as given (for messages) and resolved against
// the runtime's working directory (for the system). Relative paths are
// joined, not cleaned, so "file/" and "link/.." keep their meaning.
func (b *binding) pathArg(call goja.FunctionCall, i int) (given, resolved string) {
	v := call.Argument(i)
	if !goja.IsString(v) {
		b.badArgs()
	}
	given = v.String()
	return given, b.resolve(given)
}

func (b *binding) resolve(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	cwd := b.e.Host().Cwd()
	if len(cwd) > 0 && cwd[len(cwd)-1] == filepath.Separator {
		return cwd + p
	}
	return cwd + string(filepath.Separator) + p
}

// isInt32 reports whether v is a number holding a 32-bit integer, as V8's
// IsInt32 did.
func isInt32(v goja.Value) bool {
	if v == nil || !goja.IsNumber(v) {
		return false
	}
	f := v.ToFloat()
	return f == math.Trunc(f) && f >= math.MinInt32 && f <= math.MaxInt32
}

// toInt32 is ECMAScript's ToInt32, which V8's Int32Value applied.
func toInt32(v goja.Value) int {
	if v == nil {
		return 0
	}
	f := v.ToFloat()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return int(int32(uint32(int64(math.Mod(math.Trunc(f), 1<<32)))))
}

// intArg returns argument i, which must be a 32-bit integer.
func (b *binding) intArg(call goja.FunctionCall, i int) int {
	v := call.Argument(i)
	if !isInt32(v) {
		b.badArgs()
	}
	return int(v.ToInteger())
}

var errBadFD = syscall.EBADF

// file returns the table entry for fd, or nil when fd is not open.
func (b *binding) file(fd int) *openFile {
	return b.files[fd]
}

// osFile returns the *os.File behind fd, or EBADF.
func (b *binding) osFile(fd int) (*os.File, error) {
	of := b.files[fd]
	if of == nil || of.f == nil {
		return nil, errBadFD
	}
	return of.f, nil
}

// fileOp runs an operation on the *os.File behind fd argument 0.
func (b *binding) fileOp(call goja.FunctionCall, cbIndex int, syscallName string, op func(f *os.File) (any, error), result func(any) goja.Value) goja.Value {
	fd := b.intArg(call, 0)
	f, err := b.osFile(fd)
	return b.run(call.Argument(cbIndex), syscallName, "", func() (any, error) {
		if err != nil {
			return nil, err
		}
		return op(f)
	}, result)
}

// fileMode turns a Unix mode number into an os.FileMode.
func fileMode(mode int) os.FileMode {
	m := os.FileMode(mode & 0777)
	if mode&syscall.S_ISUID != 0 {
		m |= os.ModeSetuid
	}
	if mode&syscall.S_ISGID != 0 {
		m |= os.ModeSetgid
	}
	if mode&syscall.S_ISVTX != 0 {
		m |= os.ModeSticky
	}
	return m
}

func (b *binding) intResult(v any) goja.Value { return b.e.VM.ToValue(v) }
