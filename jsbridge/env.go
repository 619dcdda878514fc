// Package jsbridge is the seam between Go and JS in gojatls: how Go code
// reaches the event loop, keeps it alive, emits events into JS
// EventEmitters, hands bytes to JS as Buffers, turns Go errors into Node-style
// JS errors, and reads JS option objects.
//
// Every goja value belongs to the loop goroutine. Other goroutines only call
// Env.Post (or finish work started with Env.Go); everything else in this
// package runs on the loop.
package jsbridge

import (
	"context"
	"io"
	"net"
	"time"

	"github.com/dop251/goja"
)

// Host is what the runtime provides to an Env. It is implemented by package
// runtime; modules never implement it.
type Host interface {
	// Post queues fn to run on the loop, in FIFO order with every other
	// posted function. Safe from any goroutine; never blocks.
	Post(fn func())
	// PostOr is Post for work that hands over a resource (a connection, a
	// listener): if the program ends before fn runs, cleanup runs instead,
	// on whichever goroutine notices, so nothing is leaked.
	PostOr(fn, cleanup func())
	// Call runs a JS callback the way Node's MakeCallback does: an exception
	// goes to the uncaught-exception path, and a pass of the nextTick queue
	// (the ticks queued so far) runs afterwards. ok is false when the
	// callback threw.
	Call(fn goja.Value, this goja.Value, args ...goja.Value) (result goja.Value, ok bool)
	// Try runs a JS function from the loop as Call does, but returns an
	// exception to the caller instead of reporting it as uncaught.
	Try(fn goja.Value, this goja.Value, args ...goja.Value) (goja.Value, error)
	// Require loads a module by name as the script's require would.
	Require(name string) goja.Value
	// Cwd is the runtime's working directory (process.cwd()).
	Cwd() string
	// Context ends when the runtime ends: once its loop has stopped (the
	// program finished or exited, or the embedder's context ended). It is
	// the one lifetime of everything a module starts for the script:
	// dials and handshakes run under it (or under a context made from
	// it), and what holds a descriptor, a process or a terminal releases
	// it at its end (AfterEnd). It carries the embedder's values. Safe
	// from any goroutine.
	Context() context.Context
	// AfterEnd runs fn on a goroutine of its own when Context ends, unless
	// stop is called first (stop reports whether it prevented the call).
	// The runtime waits for fn before its Run returns, so that nothing it
	// held outlives the run. fn must not touch goja values: the loop is
	// gone by then; closing a connection, a listener or a file, or
	// killing a process, is what it is for. Safe from any goroutine.
	AfterEnd(fn func()) (stop func() bool)
	// Warn prints a runtime warning once per key unless warnings are off.
	Warn(key, text string)
	// Stdio returns the runtime's standard streams.
	Stdio() (stdin io.Reader, stdout, stderr io.Writer)
	// Environ returns the process environment given to the runtime.
	Environ() []string
	// AfterFunc runs fn on the loop after d, from the loop's one timer
	// heap; cancel removes it if it has not run. Loop goroutine only. It
	// does not keep the loop alive by itself: hold a Handle for that.
	AfterFunc(d time.Duration, fn func()) (cancel func())
	// Turn is the number of the loop's current pass over its queue: what
	// a goroutine finished during turn n, JS may see from turn n+1 on
	// without a post (it cannot change under a callback then). Safe from
	// any goroutine.
	Turn() uint64
	// LegacyCrypto reports whether --legacy-crypto is on.
	LegacyCrypto() bool
	// NewRuntime makes another goja runtime for the program (a vm
	// context): process.exit() and the embedder's cancellation interrupt
	// JS running in it as in the loop's own. Like every goja value, it is
	// used on the loop goroutine only.
	NewRuntime() *goja.Runtime
	// TLSKeyLog is where TLS connections write NSS key-log lines
	// (crypto/tls's KeyLogWriter), or nil. Loop goroutine only; writes to
	// it come from any goroutine, serialized by crypto/tls.
	TLSKeyLog() io.Writer
	// Resolver is the DNS resolver the dns module asks
	// (runtime.Options.Resolver), or nil for net.DefaultResolver. Safe
	// from any goroutine.
	Resolver() *net.Resolver
}

// Env is what a module sees of the runtime it is loaded into.
type Env struct {
	// VM is the goja runtime. Only the loop goroutine may use it.
	VM *goja.Runtime

	host Host
	refs int

	bufferCtor *goja.Object
	uint8Array goja.Constructor

	locals map[any]any
}

// NewEnv is called by the runtime to make the Env its modules share.
func NewEnv(vm *goja.Runtime, host Host) *Env {
	return &Env{VM: vm, host: host}
}

// Host returns the runtime behind this Env.
func (e *Env) Host() Host { return e.host }

// Post queues fn to run on the loop. Safe from any goroutine. Posting alone
// does not keep the loop alive: the poster must hold a ref'd Handle or have
// started the work with Go.
func (e *Env) Post(fn func()) { e.host.Post(fn) }

// Turn is the loop's current turn (Host.Turn). Safe from any goroutine.
func (e *Env) Turn() uint64 { return e.host.Turn() }

// Alive reports whether any ref'd handle or pending request keeps the loop
// running. Loop goroutine only.
func (e *Env) Alive() bool { return e.refs > 0 }

// Go runs work on a new goroutine while keeping the loop alive; the function
// work returns (if not nil) then runs on the loop. This is a Node "request":
// an fs call, a DNS lookup, a child's wait.
func (e *Env) Go(work func() (done func())) {
	e.GoOr(func() (func(), func()) { return work(), nil })
}

// GoOr is Go for work that produces a resource: if the program ends before
// done can run, cleanup (if not nil) runs instead and releases it.
func (e *Env) GoOr(work func() (done, cleanup func())) {
	e.refs++
	go func() {
		done, cleanup := work()
		e.host.PostOr(func() {
			e.refs--
			if done != nil {
				done()
			}
		}, cleanup)
	}()
}

// PostOr queues fn as Post does; if the program ends first, cleanup runs
// instead (see Host.PostOr).
func (e *Env) PostOr(fn, cleanup func()) { e.host.PostOr(fn, cleanup) }

// Call runs a JS callback as Node's MakeCallback does (see Host.Call).
func (e *Env) Call(fn goja.Value, this goja.Value, args ...goja.Value) (goja.Value, bool) {
	return e.host.Call(fn, this, args...)
}

// Emit calls obj.emit(event, args...) as a callback from the loop. A thrown
// exception goes to the uncaught-exception path. It reports whether emit
// returned without throwing.
func (e *Env) Emit(obj *goja.Object, event string, args ...goja.Value) bool {
	emit, thrown := lookup(obj, "emit")
	if thrown != nil {
		// emit is a getter (net's sockets watch it) that threw, or that
		// the end of the run interrupted: the exception is reported as
		// the callback's would be; an interrupted run goes no further.
		if ex, ok := thrown.(*goja.Exception); ok {
			_, _ = e.host.Call(e.rethrow(), goja.Undefined(), ex.Value())
		}
		return false
	}
	all := make([]goja.Value, 0, len(args)+1)
	all = append(all, e.VM.ToValue(event))
	all = append(all, args...)
	_, ok := e.host.Call(emit, obj, all...)
	return ok
}

// lookup is obj[name], with what a getter throws returned (a JS
// exception, or the interruption of the run) instead of escaping as a Go
// panic outside the runtime's protection.
func lookup(obj *goja.Object, name string) (v goja.Value, thrown error) {
	defer func() {
		switch x := recover().(type) {
		case nil:
		case *goja.Exception:
			thrown = x
		case *goja.InterruptedError:
			thrown = x
		default:
			panic(x)
		}
	}()
	return obj.Get(name), nil
}

type rethrowKey struct{}

// rethrow is a JS function that throws its argument.
func (e *Env) rethrow() goja.Value {
	return e.Local(rethrowKey{}, func() any {
		return e.VM.ToValue(func(call goja.FunctionCall) goja.Value { panic(call.Argument(0)) })
	}).(goja.Value)
}

// Context ends when the runtime ends (see Host.Context).
func (e *Env) Context() context.Context { return e.host.Context() }

// AfterEnd runs fn when the runtime ends unless stop comes first (see
// Host.AfterEnd): a resource registers its release when it is made and
// stops it when it is released, so that nothing is kept per resource
// after its end.
func (e *Env) AfterEnd(fn func()) (stop func() bool) { return e.host.AfterEnd(fn) }

// Require loads a module by name.
func (e *Env) Require(name string) *goja.Object {
	return e.host.Require(name).ToObject(e.VM)
}

// Local returns the value a module keeps in this runtime under key (its
// prototypes, its tables), making it with init on first use. Loop goroutine
// only.
func (e *Env) Local(key any, init func() any) any {
	if v, ok := e.locals[key]; ok {
		return v
	}
	if e.locals == nil {
		e.locals = map[any]any{}
	}
	v := init()
	e.locals[key] = v
	return v
}
