package fs

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

// open(path, flags, mode, [cb]) -> fd
func (b *binding) open(call goja.FunctionCall) goja.Value {
	given, path := b.pathArg(call, 0)
	if !isInt32(call.Argument(1)) || !isInt32(call.Argument(2)) {
		b.badArgs()
	}
	flags, mode := toInt32(call.Argument(1)), toInt32(call.Argument(2))
	return b.run(call.Argument(3), "open", given, func() (any, error) {
		return openPath(path, flags, mode)
	}, func(v any) goja.Value {
		of := v.(opened)
		b.files[of.fd] = &openFile{f: of.f}
		return b.e.VM.ToValue(of.fd)
	})
}

// close(fd, [cb])
func (b *binding) close(call goja.FunctionCall) goja.Value {
	fd := b.intArg(call, 0)
	of := b.files[fd]
	// The number is free from now on, before the goroutine closes it, so
	// that an open finishing meanwhile may reuse it.
	delete(b.files, fd)
	return b.run(call.Argument(1), "close", "", func() (any, error) {
		switch {
		case of == nil:
			return nil, errBadFD
		case of.stdio || of.f == nil:
			return nil, nil
		}
		return nil, of.f.Close()
	}, nil)
}

// bufferRange checks (buffer, offset, length) as Node 0.7's binding did
// and returns the bytes of the buffer.
func (b *binding) bufferRange(call goja.FunctionCall, lengthMsg string) (buf []byte, off, n int) {
	buf, ok := jsbridge.Bytes(call.Argument(1))
	if !ok {
		b.e.ThrowError("Second argument needs to be a buffer")
	}
	off = toInt32(call.Argument(2))
	if off < 0 || off >= len(buf) {
		b.e.ThrowError("Offset is out of bounds")
	}
	n = toInt32(call.Argument(3))
	if n < 0 || off+n > len(buf) {
		b.e.ThrowError("%s", lengthMsg)
	}
	return buf, off, n
}

// position is a file position argument: a number, or -1 for the current
// position.
func position(v goja.Value) int64 {
	if v != nil && goja.IsNumber(v) {
		return v.ToInteger()
	}
	return -1
}

// readAt reads once from of into p at pos (or the current position when
// pos < 0). End of file is 0 bytes, not an error.
func readAt(of *openFile, p []byte, pos int64) (int, error) {
	var n int
	var err error
	switch {
	case of == nil:
		return 0, errBadFD
	case of.f == nil && of.r == nil:
		return 0, errBadFD
	case of.f == nil:
		n, err = of.r.Read(p)
	case pos >= 0:
		n, err = of.f.ReadAt(p, pos)
	default:
		n, err = of.f.Read(p)
	}
	if err == io.EOF {
		err = nil
	}
	return n, err
}

// writeAt writes all of p to of at pos (or the current position when
// pos < 0).
func writeAt(of *openFile, p []byte, pos int64) (int, error) {
	switch {
	case of == nil:
		return 0, errBadFD
	case of.f == nil && of.w == nil:
		return 0, errBadFD
	case of.f == nil || (of.stdio && of.w != nil):
		// stdout and stderr: through their writer, which may queue
		// (the runtime's stdio), in order with console.log's output.
		return of.w.Write(p)
	case pos >= 0 && !of.stdio:
		return of.f.WriteAt(p, pos)
	default:
		return of.f.Write(p)
	}
}

// read(fd, buffer, offset, length, position, [cb]) -> bytesRead
func (b *binding) read(call goja.FunctionCall) goja.Value {
	fd := b.intArg(call, 0)
	bufObj := call.Argument(1)
	buf, off, n := b.bufferRange(call, "Length extends beyond buffer")
	pos := position(call.Argument(4))
	of := b.file(fd)
	cb := call.Argument(5)
	if _, async := goja.AssertFunction(cb); !async {
		return b.run(cb, "read", "", func() (any, error) {
			return readAt(of, buf[off:off+n], pos)
		}, b.intResult)
	}
	// The goroutine reads into its own memory; the loop copies it in.
	return b.run(cb, "read", "", func() (any, error) {
		p := make([]byte, n)
		k, err := readAt(of, p, pos)
		return p[:k], err
	}, func(v any) goja.Value {
		p := v.([]byte)
		if dst, ok := jsbridge.Bytes(bufObj); ok && off < len(dst) {
			copy(dst[off:], p)
		}
		return b.e.VM.ToValue(len(p))
	})
}

// readChunk(fd, length, position, cb) calls cb(err, buffer) with a fresh
// Buffer of what one read returned (empty at end of file). ReadStream uses
// it so that file data reaches JS without a copy.
func (b *binding) readChunk(call goja.FunctionCall) goja.Value {
	fd := b.intArg(call, 0)
	n := toInt32(call.Argument(1))
	if n < 0 {
		n = 0
	}
	pos := position(call.Argument(2))
	cb := call.Argument(3)
	if _, ok := goja.AssertFunction(cb); !ok {
		b.badArgs()
	}
	of := b.file(fd)
	return b.run(cb, "read", "", func() (any, error) {
		p := make([]byte, n)
		k, err := readAt(of, p, pos)
		if k < len(p)/2 {
			p = append([]byte(nil), p[:k]...)
		}
		return p[:k], err
	}, func(v any) goja.Value {
		return b.e.NewBuffer(v.([]byte))
	})
}

// write(fd, buffer, offset, length, position, [cb]) -> bytesWritten
func (b *binding) write(call goja.FunctionCall) goja.Value {
	fd := b.intArg(call, 0)
	buf, off, n := b.bufferRange(call, "Length is extends beyond buffer")
	posArg := call.Argument(4)
	if !goja.IsUndefined(posArg) && !goja.IsNull(posArg) {
		f := posArg.ToFloat()
		if f != float64(int64(f)) {
			b.e.ThrowTypeError("Not an integer")
		}
	}
	pos := position(posArg)
	of := b.file(fd)
	cb := call.Argument(5)
	p := buf[off : off+n]
	if _, async := goja.AssertFunction(cb); async {
		if of != nil && of.stdio {
			// Standard streams are written on the loop, in order with
			// everything else the runtime writes to them.
			k, err := writeAt(of, p, -1)
			return b.run(cb, "write", "", func() (any, error) { return k, err }, b.intResult)
		}
		p = append([]byte(nil), p...)
	}
	return b.run(cb, "write", "", func() (any, error) {
		return writeAt(of, p, pos)
	}, b.intResult)
}

// readFile(path, [cb]) -> Buffer
func (b *binding) readFile(call goja.FunctionCall) goja.Value {
	given, path := b.pathArg(call, 0)
	return b.run(call.Argument(1), "open", given, func() (any, error) {
		return readWhole(path, given)
	}, func(v any) goja.Value {
		return b.e.NewBuffer(v.([]byte))
	})
}

func readWhole(path, given string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &opError{err, "open", given}
	}
	defer f.Close()
	size := 512
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() < 1<<31 {
		size = int(fi.Size()) + 1
	}
	data := make([]byte, 0, size)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		k, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+k]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, &opError{err, "read", ""}
		}
	}
}

// writeFile(path, buffer, flags, mode, [cb]): open, write all, close.
func (b *binding) writeFile(call goja.FunctionCall) goja.Value {
	given, path := b.pathArg(call, 0)
	data, ok := jsbridge.Bytes(call.Argument(1))
	if !ok {
		b.e.ThrowError("Second argument needs to be a buffer")
	}
	if !isInt32(call.Argument(2)) || !isInt32(call.Argument(3)) {
		b.badArgs()
	}
	flags, mode := toInt32(call.Argument(2)), toInt32(call.Argument(3))
	cb := call.Argument(4)
	if _, async := goja.AssertFunction(cb); async {
		data = append([]byte(nil), data...)
	}
	return b.run(cb, "open", given, func() (any, error) {
		of, err := openPath(path, flags, mode)
		if err != nil {
			return nil, &opError{err, "open", given}
		}
		_, err = of.f.Write(data)
		cerr := of.f.Close()
		if err != nil {
			return nil, &opError{err, "write", ""}
		}
		if cerr != nil {
			return nil, &opError{cerr, "close", ""}
		}
		return nil, nil
	}, nil)
}

// stat(path, [cb]) -> Stats
func (b *binding) stat(call goja.FunctionCall) goja.Value {
	given, path := b.pathArg(call, 0)
	return b.run(call.Argument(1), "stat", given, func() (any, error) {
		fi, err := os.Stat(path)
		if err != nil {
			return nil, err
		}
		return fromFileInfo(fi), nil
	}, b.statsResult)
}

// lstat(path, [cb]) -> Stats
func (b *binding) lstat(call goja.FunctionCall) goja.Value {
	given, path := b.pathArg(call, 0)
	return b.run(call.Argument(1), "lstat", given, func() (any, error) {
		fi, err := os.Lstat(path)
		if err != nil {
			return nil, err
		}
		return fromFileInfo(fi), nil
	}, b.statsResult)
}

// fstat(fd, [cb]) -> Stats
func (b *binding) fstat(call goja.FunctionCall) goja.Value {
	return b.fileOp(call, 1, "fstat", func(f *os.File) (any, error) {
		fi, err := f.Stat()
		if err != nil {
			return nil, err
		}
		return fromFileInfo(fi), nil
	}, b.statsResult)
}

// statInfo holds the fields of a Stats object. It is comparable, so that
// watchFile can tell when something changed.
type statInfo struct {
	dev, ino, mode, nlink, uid, gid, rdev, size, blksize, blocks float64
	// Times in milliseconds; whole seconds, as Node 0.7 reported them.
	atime, mtime, ctime int64
}

func (b *binding) statsResult(v any) goja.Value {
	return b.statsObject(v.(statInfo))
}

// statsObject makes an fs.Stats with the properties in Node 0.7's order.
func (b *binding) statsObject(s statInfo) *goja.Object {
	vm := b.e.VM
	obj, err := vm.New(b.obj.Get("Stats"))
	if err != nil {
		panic(err)
	}
	for _, kv := range []struct {
		k string
		v float64
	}{
		{"dev", s.dev}, {"ino", s.ino}, {"mode", s.mode}, {"nlink", s.nlink},
		{"uid", s.uid}, {"gid", s.gid}, {"rdev", s.rdev}, {"size", s.size},
		{"blksize", s.blksize}, {"blocks", s.blocks},
	} {
		obj.Set(kv.k, kv.v)
	}
	for _, kv := range []struct {
		k  string
		ms int64
	}{{"atime", s.atime}, {"mtime", s.mtime}, {"ctime", s.ctime}} {
		d, err := vm.New(vm.Get("Date"), vm.ToValue(kv.ms))
		if err != nil {
			panic(err)
		}
		obj.Set(kv.k, d)
	}
	return obj
}

// twoPaths reads (path1, path2) arguments, both strings.
func (b *binding) twoPaths(call goja.FunctionCall) (given1, path1, given2, path2 string) {
	if !goja.IsString(call.Argument(0)) || !goja.IsString(call.Argument(1)) {
		b.badArgs()
	}
	given1, path1 = b.pathArg(call, 0)
	given2, path2 = b.pathArg(call, 1)
	return
}

// rename(oldPath, newPath, [cb]); errors name the old path, as in 0.7.
func (b *binding) rename(call goja.FunctionCall) goja.Value {
	given, oldPath, _, newPath := b.twoPaths(call)
	return b.run(call.Argument(2), "rename", given, func() (any, error) {
		return nil, renamePath(oldPath, newPath)
	}, nil)
}

// lengthArg is a truncate length: an integer, or undefined/null for 0.
func (b *binding) lengthArg(v goja.Value) int64 {
	if goja.IsUndefined(v) || goja.IsNull(v) {
		return 0
	}
	f := v.ToFloat()
	if f != float64(int64(f)) {
		b.e.ThrowTypeError("Not an integer")
	}
	return int64(f)
}

// ftruncate(fd, len, [cb]); Node 0.7's fs.truncate.
func (b *binding) ftruncate(call goja.FunctionCall) goja.Value {
	if !isInt32(call.Argument(0)) || len(call.Arguments) < 2 {
		b.badArgs()
	}
	n := b.lengthArg(call.Argument(1))
	return b.fileOp(call, 2, "ftruncate", func(f *os.File) (any, error) {
		return nil, f.Truncate(n)
	}, nil)
}

// truncate(path, len, [cb]): truncate by name, as later Node versions allow.
func (b *binding) truncate(call goja.FunctionCall) goja.Value {
	given, path := b.pathArg(call, 0)
	n := b.lengthArg(call.Argument(1))
	return b.run(call.Argument(2), "open", given, func() (any, error) {
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if err := f.Truncate(n); err != nil {
			return nil, &opError{err, "ftruncate", ""}
		}
		return nil, nil
	}, nil)
}

// unlink(path, [cb])
func (b *binding) unlink(call goja.FunctionCall) goja.Value {
	given, path := b.pathArg(call, 0)
	return b.run(call.Argument(1), "unlink", given, func() (any, error) {
		return nil, unlinkPath(path)
	}, nil)
}

// rmdir(path, [cb])
func (b *binding) rmdir(call goja.FunctionCall) goja.Value {
	given, path := b.pathArg(call, 0)
	return b.run(call.Argument(1), "rmdir", given, func() (any, error) {
		return nil, rmdirPath(path)
	}, nil)
}

// mkdir(path, mode, [cb])
func (b *binding) mkdir(call goja.FunctionCall) goja.Value {
	given, path := b.pathArg(call, 0)
	if !isInt32(call.Argument(1)) {
		b.badArgs()
	}
	mode := toInt32(call.Argument(1))
	return b.run(call.Argument(2), "mkdir", given, func() (any, error) {
		return nil, mkdirPath(path, mode)
	}, nil)
}

// readdir(path, [cb]) -> names, sorted, without '.' and '..'
func (b *binding) readdir(call goja.FunctionCall) goja.Value {
	given, path := b.pathArg(call, 0)
	return b.run(call.Argument(1), "readdir", given, func() (any, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		names, err := f.Readdirnames(-1)
		if err != nil {
			return nil, err
		}
		sort.Strings(names)
		return names, nil
	}, func(v any) goja.Value {
		names := v.([]string)
		items := make([]any, len(names))
		for i, n := range names {
			items[i] = n
		}
		return b.e.VM.NewArray(items...)
	})
}

// link(srcpath, dstpath, [cb]); errors name srcpath.
func (b *binding) link(call goja.FunctionCall) goja.Value {
	given, src, _, dst := b.twoPaths(call)
	return b.run(call.Argument(2), "link", given, func() (any, error) {
		return nil, os.Link(src, dst)
	}, nil)
}

// symlink(linkdata, path, type, [cb]). linkdata is stored as given. Node
// 0.7 named the new path in synchronous errors and the link data in
// asynchronous ones; so does this.
func (b *binding) symlink(call goja.FunctionCall) goja.Value {
	if !goja.IsString(call.Argument(0)) || !goja.IsString(call.Argument(1)) {
		b.badArgs()
	}
	target := call.Argument(0).String()
	given, path := b.pathArg(call, 1)
	cb := call.Argument(3)
	errPath := given
	if _, async := goja.AssertFunction(cb); async {
		errPath = target
	}
	return b.run(cb, "symlink", errPath, func() (any, error) {
		return nil, os.Symlink(target, path)
	}, nil)
}

// readlink(path, [cb]) -> string
func (b *binding) readlink(call goja.FunctionCall) goja.Value {
	given, path := b.pathArg(call, 0)
	return b.run(call.Argument(1), "readlink", given, func() (any, error) {
		return os.Readlink(path)
	}, func(v any) goja.Value { return b.e.VM.ToValue(v) })
}

// realpath(path, [cb]) -> absolute path with no symbolic links, '.' or
// '..'. Errors name the first component that failed, as 0.7's lstat walk
// did.
func (b *binding) realpath(call goja.FunctionCall) goja.Value {
	if !goja.IsString(call.Argument(0)) {
		b.badArgs()
	}
	given := call.Argument(0).String()
	// As 0.7 did with path.resolve: absolute, and '.' and '..' taken
	// lexically before any link is followed.
	abs := given
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(b.e.Host().Cwd(), abs)
	}
	abs = filepath.Clean(abs)
	return b.run(call.Argument(1), "lstat", given, func() (any, error) {
		p, err := filepath.EvalSymlinks(abs)
		if err == nil {
			return p, nil
		}
		var pe *os.PathError
		if errors.As(err, &pe) {
			return nil, &opError{pe.Err, pe.Op, pe.Path}
		}
		if strings.Contains(err.Error(), "too many links") {
			return nil, &opError{syscall.ELOOP, "lstat", given}
		}
		return nil, err
	}, func(v any) goja.Value { return b.e.VM.ToValue(v) })
}

// chmod(path, mode, [cb])
func (b *binding) chmod(call goja.FunctionCall) goja.Value {
	given, path := b.pathArg(call, 0)
	if !isInt32(call.Argument(1)) {
		b.badArgs()
	}
	mode := fileMode(toInt32(call.Argument(1)))
	return b.run(call.Argument(2), "chmod", given, func() (any, error) {
		return nil, os.Chmod(path, mode)
	}, nil)
}

// fchmod(fd, mode, [cb])
func (b *binding) fchmod(call goja.FunctionCall) goja.Value {
	if !isInt32(call.Argument(0)) || !isInt32(call.Argument(1)) {
		b.badArgs()
	}
	mode := fileMode(toInt32(call.Argument(1)))
	return b.fileOp(call, 2, "fchmod", func(f *os.File) (any, error) {
		return nil, f.Chmod(mode)
	}, nil)
}

// ids reads the uid and gid arguments at i and i+1.
func (b *binding) ids(call goja.FunctionCall, i int) (uid, gid int) {
	if !isInt32(call.Argument(i)) || !isInt32(call.Argument(i+1)) {
		b.e.ThrowError("User and Group IDs must be an integer.")
	}
	return toInt32(call.Argument(i)), toInt32(call.Argument(i + 1))
}

// chown(path, uid, gid, [cb])
func (b *binding) chown(call goja.FunctionCall) goja.Value {
	given, path := b.pathArg(call, 0)
	uid, gid := b.ids(call, 1)
	return b.run(call.Argument(3), "chown", given, func() (any, error) {
		return nil, os.Chown(path, uid, gid)
	}, nil)
}

// lchown(path, uid, gid, [cb])
func (b *binding) lchown(call goja.FunctionCall) goja.Value {
	given, path := b.pathArg(call, 0)
	uid, gid := b.ids(call, 1)
	return b.run(call.Argument(3), "lchown", given, func() (any, error) {
		return nil, os.Lchown(path, uid, gid)
	}, nil)
}

// fchown(fd, uid, gid, [cb])
func (b *binding) fchown(call goja.FunctionCall) goja.Value {
	b.intArg(call, 0)
	uid, gid := b.ids(call, 1)
	return b.fileOp(call, 3, "fchown", func(f *os.File) (any, error) {
		return nil, f.Chown(uid, gid)
	}, nil)
}

// times reads the (atime, mtime) arguments at i and i+1: seconds since the
// epoch, possibly fractional.
func (b *binding) times(call goja.FunctionCall, i int) (atime, mtime time.Time) {
	if !goja.IsNumber(call.Argument(i)) || !goja.IsNumber(call.Argument(i+1)) {
		b.badArgs()
	}
	conv := func(s float64) time.Time {
		return time.Unix(0, int64(s*1e9))
	}
	return conv(call.Argument(i).ToFloat()), conv(call.Argument(i + 1).ToFloat())
}

// utimes(path, atime, mtime, [cb])
func (b *binding) utimes(call goja.FunctionCall) goja.Value {
	given, path := b.pathArg(call, 0)
	atime, mtime := b.times(call, 1)
	return b.run(call.Argument(3), "utime", given, func() (any, error) {
		return nil, os.Chtimes(path, atime, mtime)
	}, nil)
}

// futimes(fd, atime, mtime, [cb])
func (b *binding) futimes(call goja.FunctionCall) goja.Value {
	b.intArg(call, 0)
	atime, mtime := b.times(call, 1)
	return b.fileOp(call, 3, "futime", func(f *os.File) (any, error) {
		return nil, futimesFile(f, atime, mtime)
	}, nil)
}

// fsync(fd, [cb])
func (b *binding) fsync(call goja.FunctionCall) goja.Value {
	return b.fileOp(call, 1, "fsync", func(f *os.File) (any, error) {
		return nil, f.Sync()
	}, nil)
}

// fdatasync(fd, [cb])
func (b *binding) fdatasync(call goja.FunctionCall) goja.Value {
	return b.fileOp(call, 1, "fdatasync", func(f *os.File) (any, error) {
		return nil, fdatasyncFile(f)
	}, nil)
}

// watchStat(path, persistent, onchange) polls the file's stat and calls
// onchange(current, previous) on the loop whenever it differs; a missing
// file has all-zero stats. It returns a function that stops the watch.
func (b *binding) watchStat(call goja.FunctionCall) goja.Value {
	_, path := b.pathArg(call, 0)
	persistent := call.Argument(1).ToBoolean()
	onchange := call.Argument(2)
	if _, ok := goja.AssertFunction(onchange); !ok {
		b.badArgs()
	}
	prev := statOrZero(path)
	return b.poll(persistent, func() func() {
		cur := statOrZero(path)
		if cur == prev {
			return nil
		}
		old := prev
		prev = cur
		return func() {
			b.e.Call(onchange, goja.Undefined(), b.statsObject(cur), b.statsObject(old))
		}
	})
}

// watchPath(path, persistent, onchange) calls onchange(event, filename) on
// the loop when the file, or an entry of the directory, changes: 'rename'
// when a name appears, disappears or points to another file, 'change' when
// its contents or attributes change. It throws if path cannot be watched,
// and returns a function that stops the watch.
func (b *binding) watchPath(call goja.FunctionCall) goja.Value {
	_, path := b.pathArg(call, 0)
	persistent := call.Argument(1).ToBoolean()
	onchange := call.Argument(2)
	if _, ok := goja.AssertFunction(onchange); !ok {
		b.badArgs()
	}
	prev, err := snapshot(path)
	if err != nil {
		// Node 0.7 threw errnoException(errno, 'watch'): "watch ENOENT".
		panic(b.e.SysError(err, "watch"))
	}
	return b.poll(persistent, func() func() {
		cur, _ := snapshot(path)
		events := diff(prev, cur)
		prev = cur
		if len(events) == 0 {
			return nil
		}
		return func() {
			for _, ev := range events {
				b.e.Call(onchange, goja.Undefined(), b.e.VM.ToValue(ev[0]), b.e.VM.ToValue(ev[1]))
			}
		}
	})
}

// poll runs check every watchPeriod on a goroutine until the returned JS
// function is called; what check returns (if not nil) runs on the loop. A
// persistent poll keeps the program running.
//
// Node 0.7 on Linux watched with inotify and ignored watchFile's interval;
// polling every watchPeriod stands in for it.
func (b *binding) poll(persistent bool, check func() func()) goja.Value {
	h := b.e.NewHandle()
	if !persistent {
		h.Unref()
	}
	stop := make(chan struct{})
	stopped := false
	go func() {
		ticker := time.NewTicker(watchPeriod)
		defer ticker.Stop()
		for {
			select {
			case <-stop:
				return
			case <-ticker.C:
			}
			if fn := check(); fn != nil {
				b.e.Post(func() {
					if !stopped {
						fn()
					}
				})
			}
		}
	}()
	return b.e.Func(func(goja.FunctionCall) goja.Value {
		if !stopped {
			stopped = true
			close(stop)
			h.Close()
		}
		return goja.Undefined()
	})
}

const watchPeriod = 100 * time.Millisecond

func statOrZero(path string) statInfo {
	fi, err := os.Stat(path)
	if err != nil {
		return statInfo{}
	}
	return fromFileInfo(fi)
}

// entryState is what fs.watch compares between two looks at a name.
type entryState struct {
	dev, ino float64
	mtime    int64 // nanoseconds
	size     int64
	mode     os.FileMode
}

func stateOf(fi os.FileInfo) entryState {
	si := fromFileInfo(fi)
	return entryState{si.dev, si.ino, fi.ModTime().UnixNano(), fi.Size(), fi.Mode()}
}

// snapshot maps the watched file's base name, or each name in the watched
// directory, to its state.
func snapshot(path string) (map[string]entryState, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return map[string]entryState{}, err
	}
	if !fi.IsDir() {
		return map[string]entryState{filepath.Base(path): stateOf(fi)}, nil
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return map[string]entryState{}, err
	}
	snap := make(map[string]entryState, len(entries))
	for _, ent := range entries {
		if info, err := ent.Info(); err == nil {
			snap[ent.Name()] = stateOf(info)
		}
	}
	return snap, nil
}

// diff lists the [event, filename] pairs between two snapshots, by name.
func diff(prev, cur map[string]entryState) [][2]string {
	var names []string
	for name := range prev {
		names = append(names, name)
	}
	for name := range cur {
		if _, ok := prev[name]; !ok {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	var events [][2]string
	for _, name := range names {
		p, had := prev[name]
		c, has := cur[name]
		switch {
		case had != has || p.dev != c.dev || p.ino != c.ino:
			events = append(events, [2]string{"rename", name})
		case p != c:
			events = append(events, [2]string{"change", name})
		}
	}
	return events
}
