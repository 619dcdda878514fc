package runtime

import (
	"context"
	"io"
	"net"
	"time"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

// host is the Runtime as its modules see it: jsbridge.Host, the services
// a native module calls (most of them on the loop goroutine only, as the
// interface says). It is a separate type so that the Runtime's own method
// set stays what an embedder calls: New, the Run functions and LoopBusy.
type host Runtime

func (h *host) rt() *Runtime { return (*Runtime)(h) }

// Call implements jsbridge.Host.
func (h *host) Call(fn, this goja.Value, args ...goja.Value) (goja.Value, bool) {
	return h.rt().call(fn, this, args...)
}

// Try implements jsbridge.Host.
func (h *host) Try(fn, this goja.Value, args ...goja.Value) (goja.Value, error) {
	return h.rt().try(fn, this, args...)
}

// Post implements jsbridge.Host.
func (h *host) Post(fn func()) { h.rt().post(fn) }

// PostOr implements jsbridge.Host.
func (h *host) PostOr(fn, cleanup func()) { h.rt().postOr(fn, cleanup) }

// AfterFunc implements jsbridge.Host.
func (h *host) AfterFunc(d time.Duration, fn func()) (cancel func()) {
	return h.rt().afterFunc(d, fn)
}

// Turn implements jsbridge.Host.
func (h *host) Turn() uint64 { return h.rt().turns.Load() }

// Context implements jsbridge.Host.
func (h *host) Context() context.Context { return h.ctx }

// AfterEnd implements jsbridge.Host.
func (h *host) AfterEnd(fn func()) (stop func() bool) { return h.rt().afterEnd(fn) }

// Require implements jsbridge.Host.
func (h *host) Require(name string) goja.Value { return h.modules.requireBuiltin(name) }

// Cwd implements jsbridge.Host.
func (h *host) Cwd() string { return h.cwd }

// Environ implements jsbridge.Host.
func (h *host) Environ() []string { return h.environ }

// Stdio implements jsbridge.Host.
func (h *host) Stdio() (io.Reader, io.Writer, io.Writer) { return h.stdin, h.stdout, h.stderr }

// LegacyCrypto implements jsbridge.Host.
func (h *host) LegacyCrypto() bool { return h.opts.LegacyCrypto }

// Warn implements jsbridge.Host.
func (h *host) Warn(key, text string) { h.rt().warn(key, text) }

// NewRuntime implements jsbridge.Host.
func (h *host) NewRuntime() *goja.Runtime { return h.rt().newVMRuntime() }

// TLSKeyLog implements jsbridge.Host.
func (h *host) TLSKeyLog() io.Writer { return h.rt().tlsKeyLog() }

// Resolver implements jsbridge.Host.
func (h *host) Resolver() *net.Resolver { return h.opts.Resolver }

// CompileScript is the vm module's compiler (modules/vm asks its host for
// it): see Runtime.compileScript.
func (h *host) CompileScript(filename, source string) *goja.Program {
	return h.rt().compileScript(filename, source)
}

// AddErrorFrames is for the vm module: see Runtime.addErrorFrames.
func (h *host) AddErrorFrames(err *goja.Object, frames []goja.StackFrame) {
	h.rt().addErrorFrames(err, frames)
}

var _ jsbridge.Host = (*host)(nil)
