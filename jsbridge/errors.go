package jsbridge

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"strings"
	"syscall"

	"github.com/dop251/goja"
)

// ErrnoCode returns the Node error code ("ENOENT", "ECONNREFUSED", ...) for a
// Go error, and the system errno behind it (0 when there is none).
func ErrnoCode(err error) (string, syscall.Errno) {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		if name := errnoName(errno); name != "" {
			return name, errno
		}
		return "UNKNOWN", errno
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "ENOENT", syscall.ENOENT
	case errors.Is(err, fs.ErrExist):
		return "EEXIST", syscall.EEXIST
	case errors.Is(err, fs.ErrPermission):
		return "EACCES", syscall.EACCES
	case errors.Is(err, fs.ErrClosed), errors.Is(err, net.ErrClosed):
		return "EBADF", syscall.EBADF
	case errors.Is(err, os.ErrDeadlineExceeded):
		return "ETIMEDOUT", syscall.ETIMEDOUT
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return "ENOTFOUND", 0
	}
	return "UNKNOWN", 0
}

// errnoDescriptions are the lower-case texts libuv gives, which Node's
// messages carry ("ENOENT, no such file or directory 'x'").
var errnoDescriptions = map[syscall.Errno]string{
	syscall.ENOENT:       "no such file or directory",
	syscall.EEXIST:       "file already exists",
	syscall.EACCES:       "permission denied",
	syscall.EPERM:        "operation not permitted",
	syscall.EISDIR:       "illegal operation on a directory",
	syscall.ENOTDIR:      "not a directory",
	syscall.ENOTEMPTY:    "directory not empty",
	syscall.EBADF:        "bad file descriptor",
	syscall.EMFILE:       "too many open files",
	syscall.EINVAL:       "invalid argument",
	syscall.EXDEV:        "cross-device link not permitted",
	syscall.ELOOP:        "too many symbolic links encountered",
	syscall.ENAMETOOLONG: "name too long",
	syscall.ENOSPC:       "no space left on device",
	syscall.EROFS:        "read-only file system",
	syscall.EBUSY:        "resource busy or locked",
	syscall.EPIPE:        "broken pipe",
	syscall.EAGAIN:       "resource temporarily unavailable",
	syscall.ECONNREFUSED: "connection refused",
	syscall.ECONNRESET:   "connection reset by peer",
	syscall.EADDRINUSE:   "address already in use",
	syscall.ETIMEDOUT:    "connection timed out",
	syscall.ESRCH:        "no such process",
}

func errnoName(e syscall.Errno) string {
	return errnoNames[e]
}

// Errno is a system error number as scripts name it ("ENOENT"): the code
// of Node's errors, and an entry of require('constants').
type Errno struct {
	Name  string
	Errno syscall.Errno
}

// Errnos are the errnos known by name on this system, as Node's
// constants list them (aliases included: EAGAIN and EWOULDBLOCK).
func Errnos() []Errno { return errnos }

// errnoNames maps each errno to its name; where two names share a number
// the first listed wins, as libuv names them (EAGAIN, ENOTSUP).
var errnoNames = func() map[syscall.Errno]string {
	m := make(map[syscall.Errno]string, len(errnos))
	for _, e := range errnos {
		if _, dup := m[e.Errno]; !dup {
			m[e.Errno] = e.Name
		}
	}
	return m
}()

// NewError returns a JS Error with the given message.
func (e *Env) NewError(message string) *goja.Object {
	obj, err := e.VM.New(e.VM.Get("Error"), e.VM.ToValue(message))
	if err != nil {
		panic(err)
	}
	return obj
}

// FSError turns a Go file-system error into the JS Error Node 0.7's fs gives:
// message "ENOENT, no such file or directory 'path'", with code, errno (the
// negated system errno, as libuv reports it today), syscall and path.
func (e *Env) FSError(err error, syscallName, path string) *goja.Object {
	code, errno := ErrnoCode(err)
	desc := errnoDescriptions[errno]
	if desc == "" {
		desc = strings.ToLower(unwrapMessage(err))
	}
	msg := code + ", " + desc
	if path != "" {
		msg += " '" + path + "'"
	}
	obj := e.NewError(msg)
	obj.Set("errno", -int(errno))
	obj.Set("code", code)
	if syscallName != "" {
		obj.Set("syscall", syscallName)
	}
	if path != "" {
		obj.Set("path", path)
	}
	return obj
}

// SysError turns a Go socket or process error into the JS Error Node 0.7's
// net gives: message "connect ECONNREFUSED", with code and errno both the
// code string (as 0.7 set them) and syscall.
func (e *Env) SysError(err error, syscallName string) *goja.Object {
	code, _ := ErrnoCode(err)
	obj := e.NewError(syscallName + " " + code)
	obj.Set("code", code)
	obj.Set("errno", code)
	obj.Set("syscall", syscallName)
	return obj
}

// unwrapMessage is the innermost error text of err, without the "open x:"
// prefixes Go adds.
func unwrapMessage(err error) string {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err.Error()
		}
		err = next
	}
}

// ThrowTypeError throws a JS TypeError; it does not return.
func (e *Env) ThrowTypeError(format string, args ...any) {
	panic(e.VM.NewTypeError(fmt.Sprintf(format, args...)))
}

// ThrowRangeError throws a JS RangeError, Node's error for a value out of
// range; it does not return.
func (e *Env) ThrowRangeError(format string, args ...any) {
	ctor, _ := goja.AssertConstructor(e.VM.Get("RangeError"))
	obj, err := ctor(nil, e.VM.ToValue(fmt.Sprintf(format, args...)))
	if err != nil {
		panic(err)
	}
	panic(obj)
}

// ThrowError throws a JS Error with the given message; it does not return.
func (e *Env) ThrowError(format string, args ...any) {
	panic(e.NewError(fmt.Sprintf(format, args...)))
}

// Throw throws a JS value; it does not return.
func (e *Env) Throw(v goja.Value) {
	panic(v)
}
