// Package runtime runs Node 0.7-style CommonJS scripts on goja: one VM, the
// event loop that owns it, the module system and the process object. It is
// also the embedding API for Go programs.
package runtime

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja/file"

	"github.com/gojatls/gojatls/jsbridge"
)

// Options configure a Runtime. The zero value runs with the process's own
// arguments, environment, working directory and standard streams.
type Options struct {
	// Args are the script's arguments: process.argv after the script path.
	Args []string
	// Argv0 is process.argv[0] and process.execPath; it defaults to the
	// executable's path.
	//
	// child_process.fork() runs process.execPath (with ExecArgv, then the
	// module's path and arguments) and expects a gojatls: the gojatls
	// command, or any program that runs the script it is given with a
	// Runtime. A Go program that embeds the runtime and does not do that
	// should set Argv0 to the path of a gojatls binary, or scripts should
	// pass fork() an options.execPath naming one.
	Argv0 string
	// ExecArgv is process.execArgv: the runtime's own command-line flags
	// (the CLI gives --legacy-crypto, --no-warnings), which fork() passes
	// to the children it starts before the module's path.
	ExecArgv []string
	// Env is the environment as "KEY=value" strings; nil means os.Environ().
	Env []string
	// Dir is the working directory; "" means the process's own.
	Dir string
	// Stdin, Stdout and Stderr default to the process's own streams.
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// NoWarnings silences runtime warnings (the CLI's --no-warnings).
	NoWarnings bool
	// LegacyCrypto allows the 2012-era crypto that modern defaults refuse
	// (the CLI's --legacy-crypto).
	LegacyCrypto bool
	// TLSKeyLog receives the NSS key-log lines (SSLKEYLOGFILE's format) of
	// every TLS connection the program makes or accepts, so that Wireshark
	// can decrypt a capture of them. crypto/tls writes one line at a time,
	// from handshake goroutines, never two at once.
	TLSKeyLog io.Writer
	// TLSKeyLogFile, when TLSKeyLog is nil, is a file those lines are
	// appended to (the CLI's --tls-keylog=FILE); empty means the file
	// SSLKEYLOGFILE names in Env, if any.
	TLSKeyLogFile string
	// Resolver answers the dns module's lookups and queries; nil means
	// net.DefaultResolver. A Resolver with PreferGo and a Dial of its own
	// sends them to a server of the embedder's choosing (a test's, say).
	Resolver *net.Resolver
	// Modules are extra modules for require(), usually Go native modules;
	// a name here takes precedence over a built-in module of that name.
	Modules []*jsbridge.Module
	// Globals are set on the global object before any script runs, not
	// enumerable (as Node's require is not). A value is converted with
	// goja's Runtime.ToValue: a Go func becomes a JS function (goja's
	// reflection rules convert its arguments and results), and it runs on
	// the loop goroutine.
	Globals map[string]any
	// Preload are modules required before the main script (or -e code),
	// in order, as `node -r module` does: ids are resolved from Dir, and
	// an exception one throws ends the program as an uncaught exception.
	Preload []string
}

// Runtime is one JS world: a goja VM, its event loop and its process. A
// Runtime runs one program; make a new one for each.
//
// Who calls what: an embedder calls one of the Run functions (RunFile,
// RunString, RunStdin, Eval, RunREPL) once, from any goroutine; it becomes
// the loop goroutine, the only one that touches the JS world, and returns
// when the program ends or its context does (cancel the context to stop
// the program from another goroutine). LoopBusy may be called from any
// goroutine at any time. Native modules (Options.Modules) reach the
// runtime through jsbridge.Env and its Host, never through these methods.
type Runtime struct {
	opts Options
	vm   *goja.Runtime
	env  *jsbridge.Env
	loop *loop
	busy atomic.Int64 // nanoseconds the loop goroutine spent running (LoopBusy)
	// turns counts the loop's passes (Host.Turn): one more before each
	// pass runs anything.
	turns atomic.Uint64

	cwd     string
	environ []string
	stdin   io.Reader
	stdout  io.Writer
	stderr  io.Writer
	argv0   string

	modules *moduleSystem
	process *goja.Object
	proc    *processState

	// invoke is the JS function that calls a callback and then runs a
	// pass of the nextTick queue; tickPass runs the turn's passes (see
	// bootstrap.js and ticks.go).
	invoke   goja.Callable
	tickPass goja.Callable
	// ticksQueued is set while the nextTick queue may hold ticks.
	ticksQueued bool
	inJS        bool
	// guardDepth counts the nested catch calls running (guard.go).
	guardDepth int
	// others are the program's other goja runtimes (interrupt.go).
	others runtimes

	// errorPositions remembers where a SyntaxError object's source was.
	errorPositions map[goja.Value]file.Position
	// foreignFrames are the frames of errors first thrown in a vm context
	// (see AddErrorFrames).
	foreignFrames map[goja.Value][]goja.StackFrame

	// ctx is Host.Context: it ends (end) once the loop has stopped; the
	// afterEnd functions then run, and shutdown waits for them (atEnd).
	ctx   context.Context
	end   context.CancelFunc
	endMu sync.Mutex
	ended bool // endMu
	atEnd sync.WaitGroup
	// endFuncs are the afterEnd functions not stopped yet (endMu): a set
	// rather than a context.AfterFunc each, which cost every connection
	// about 150 bytes more while it was open.
	endFuncs map[*endFunc]struct{}
	warned   map[string]bool
	keyLog   keyLog

	exiting  bool
	exitCode int

	ran bool
}

// New makes a Runtime. It does not run anything yet.
func New(opts Options) *Runtime {
	r := &Runtime{opts: opts, loop: newLoop(), warned: map[string]bool{}}
	r.cwd = opts.Dir
	if r.cwd == "" {
		r.cwd, _ = os.Getwd()
	}
	if abs, err := filepath.Abs(r.cwd); err == nil {
		r.cwd = abs
	}
	r.environ = opts.Env
	if r.environ == nil {
		r.environ = os.Environ()
	}
	r.stdin, r.stdout, r.stderr = opts.Stdin, opts.Stdout, opts.Stderr
	if r.stdin == nil {
		r.stdin = os.Stdin
	}
	if r.stdout == nil {
		r.stdout = os.Stdout
	}
	if r.stderr == nil {
		r.stderr = os.Stderr
	}
	r.stdout, r.stderr = wrapStdio(r.stdout, r.stderr)
	if opts.LegacyCrypto {
		enableLegacyCrypto()
	}
	r.argv0 = opts.Argv0
	if r.argv0 == "" {
		if exe, err := os.Executable(); err == nil {
			r.argv0 = exe
		} else {
			r.argv0 = "gojatls"
		}
	}
	return r
}

// ErrAlreadyRan is returned when a Runtime is asked to run a second program.
var ErrAlreadyRan = errors.New("gojatls: a Runtime runs one program")

// RunFile runs the script at path (resolved against the working directory
// as node resolves its main script) and then the event loop until nothing
// is left to do, process.exit is called, or ctx ends. It returns the exit
// code Node would have given. err is non-nil only when ctx ended the run or
// the runtime itself failed; a script's own failure is its exit code.
func (r *Runtime) RunFile(ctx context.Context, path string) (int, error) {
	return r.run(ctx, func() error { return r.modules.runMain(path) })
}

// RunString runs source as the main module named name (a file name used in
// stack traces and for relative require()), then the event loop, as RunFile.
func (r *Runtime) RunString(ctx context.Context, name, source string) (int, error) {
	return r.run(ctx, func() error {
		if !filepath.IsAbs(name) {
			name = filepath.Join(r.cwd, name)
		}
		return r.modules.runMainSource(name, source)
	})
}

// Eval runs source in the global scope as node -e does (require, module,
// exports, __filename and __dirname are available) and then the event
// loop. When print is set, the value of the last expression is printed as
// node -p does.
func (r *Runtime) Eval(ctx context.Context, source string, print bool) (int, error) {
	return r.run(ctx, func() error { return r.modules.runEval("[eval]", source, print) })
}

func (r *Runtime) run(ctx context.Context, start func() error) (code int, err error) {
	if r.ran {
		return 1, ErrAlreadyRan
	}
	r.ran = true
	r.ctx, r.end = context.WithCancel(context.WithoutCancel(ctx))
	defer r.endNow()
	if err := r.bootstrap(); err != nil {
		return 1, err
	}
	stop := context.AfterFunc(ctx, func() {
		r.interrupt(ctx.Err())
		r.loop.post(func() {}, nil)
	})
	defer stop()

	began := time.Now()
	r.topLevel(func() error {
		if err := r.preload(); err != nil {
			return err
		}
		return start()
	})
	r.busy.Add(int64(time.Since(began)))
	for !r.stopped(ctx) {
		r.turn(ctx)
	}
	r.shutdown()
	if ctx.Err() != nil && !r.exiting {
		return 1, ctx.Err()
	}
	return r.exitCode, nil
}

// LoopBusy is how long the loop goroutine has spent running the program
// (the main script, ticks, timers and posted work; not waiting) since Run
// began. The loop is the serial part of every connection, so its busy time
// per connection bounds what one process can serve: the benchmark reports
// it. Any goroutine may call it.
func (r *Runtime) LoopBusy() time.Duration {
	return time.Duration(r.busy.Load())
}

// stopped reports whether the loop must not run anything more: the program
// is exiting or the embedder's context has ended.
func (r *Runtime) stopped(ctx context.Context) bool {
	return r.exiting || ctx.Err() != nil
}

// turn is one pass of the loop, in the order of Node 0.7's (libev's)
// iteration: a pass of the nextTick queue (node.cc's prepare watcher), due
// timers, then posted work (I/O), then wait. Every timer and posted
// function runs guarded (guard.go): the Go code of a module may reach JS on
// its own (a getter, a toString), and nothing JS does there may escape the
// loop as a Go panic.
func (r *Runtime) turn(ctx context.Context) {
	began := time.Now()
	r.turns.Add(1)
	r.runTicks()
	r.loop.runTimers(time.Now(), func(fn func()) {
		if !r.stopped(ctx) {
			r.guard(fn)
		}
	})
	jobs := r.loop.take()
	for i, j := range jobs {
		if r.stopped(ctx) {
			// What the program will not run gives back what it holds.
			for _, rest := range jobs[i:] {
				if rest.cleanup != nil {
					rest.cleanup()
				}
			}
			break
		}
		r.guard(j.fn)
	}
	r.loop.recycle(jobs)
	r.busy.Add(int64(time.Since(began)))
	if r.stopped(ctx) || r.ticksQueued {
		return // ticks left for the next pass: no waiting
	}
	if !r.env.Alive() && !r.loop.pending() {
		// Nothing holds the loop: end as Node does, with 'exit'.
		r.guard(func() { r.exit(r.naturalExitCode()) })
		return
	}
	r.loop.wait(ctx)
}

// topLevel runs fn, which calls into JS from the loop, as Node's
// MakeCallback does: an exception that escapes it goes to the
// uncaught-exception path.
func (r *Runtime) topLevel(fn func() error) {
	if r.exiting {
		return
	}
	r.inJS = true
	err := r.catch(fn)
	r.inJS = false
	if err != nil {
		r.report(err)
	}
}

// call implements jsbridge.Host's Call.
func (r *Runtime) call(fn goja.Value, this goja.Value, args ...goja.Value) (goja.Value, bool) {
	if r.exiting {
		return goja.Undefined(), false
	}
	if r.inJS {
		// Called synchronously from a binding that JS called: behave like a
		// plain call, letting an exception reach the JS caller.
		f, ok := goja.AssertFunction(fn)
		if !ok {
			panic(r.vm.NewTypeError("callback is not a function"))
		}
		res, err := f(this, args...)
		if err != nil {
			panic(err)
		}
		return res, true
	}
	var res goja.Value
	failed := false
	r.topLevel(func() error {
		var err error
		res, err = r.invoke(goja.Undefined(), r.invokeArgs(fn, this, args)...)
		failed = err != nil
		return err
	})
	if failed {
		return goja.Undefined(), false
	}
	return res, true
}

// try implements jsbridge.Host's Try.
func (r *Runtime) try(fn goja.Value, this goja.Value, args ...goja.Value) (goja.Value, error) {
	f, ok := goja.AssertFunction(fn)
	if !ok {
		return nil, fmt.Errorf("not a function")
	}
	if r.inJS {
		return f(this, args...)
	}
	r.inJS = true
	res, err := f(this, args...)
	r.inJS = false
	r.runTicks()
	return res, err
}

// invokeArgs are bootstrap.js's invoke arguments for calling fn: up to
// eight arguments are passed as they are, more in an array.
func (r *Runtime) invokeArgs(fn, this goja.Value, args []goja.Value) []goja.Value {
	out := make([]goja.Value, 3, 3+8)
	out[0], out[1], out[2] = fn, this, r.vm.ToValue(len(args))
	if len(args) <= 8 {
		return append(out, args...)
	}
	vals := make([]any, len(args))
	for i, a := range args {
		vals[i] = a
	}
	return append(out, r.vm.NewArray(vals...))
}

// post implements jsbridge.Host's Post.
func (r *Runtime) post(fn func()) { r.loop.post(fn, nil) }

// postOr implements jsbridge.Host's PostOr.
func (r *Runtime) postOr(fn, cleanup func()) { r.loop.post(fn, cleanup) }

// afterEnd implements jsbridge.Host's AfterEnd. A function registered once the
// runtime has ended runs at once.
func (r *Runtime) afterEnd(fn func()) (stop func() bool) {
	r.endMu.Lock()
	if r.ended {
		r.endMu.Unlock()
		r.runAtEnd(fn)
		return func() bool { return false }
	}
	f := &endFunc{r: r, fn: fn}
	if r.endFuncs == nil {
		r.endFuncs = map[*endFunc]struct{}{}
	}
	r.endFuncs[f] = struct{}{}
	r.endMu.Unlock()
	return f.stop
}

// endFunc is one afterEnd function, until it runs or is stopped.
type endFunc struct {
	r  *Runtime
	fn func()
}

// stop keeps the function from running at the end; it reports whether it
// did (false once the end has started it).
func (f *endFunc) stop() bool {
	f.r.endMu.Lock()
	defer f.r.endMu.Unlock()
	_, ok := f.r.endFuncs[f]
	delete(f.r.endFuncs, f)
	return ok
}

// endNow ends the runtime's context and starts the afterEnd functions,
// each on a goroutine of its own (closing one connection must not wait
// for another); shutdown waits for them (atEnd). Later calls do nothing
// more.
func (r *Runtime) endNow() {
	r.endMu.Lock()
	r.ended = true
	fns := r.endFuncs
	r.endFuncs = nil
	r.endMu.Unlock()
	r.end()
	for f := range fns {
		r.atEnd.Add(1)
		go func() {
			defer r.atEnd.Done()
			r.runAtEnd(f.fn)
		}()
	}
}

// runAtEnd runs an AfterEnd function; a panic in it must not crash the
// program that embeds the runtime.
func (r *Runtime) runAtEnd(fn func()) {
	defer func() { _ = recover() }()
	fn()
}

// warn implements jsbridge.Host's Warn.
func (r *Runtime) warn(key, text string) {
	if r.opts.NoWarnings || r.warned[key] {
		return
	}
	r.warned[key] = true
	fmt.Fprintf(r.stderr, "(gojatls) warning: %s\n", text)
}

// shutdown releases what modules hold once the program has ended: work
// still queued gives back its resources, the runtime's context ends, the
// AfterEnd functions it starts (closing sockets, listeners, files,
// killing children) are waited for, and so is the output queued for
// stdout and stderr (stdio.go).
func (r *Runtime) shutdown() {
	r.loop.close()
	r.endNow()
	r.atEnd.Wait()
	r.flushStdio()
}

// afterFunc implements jsbridge.Host's AfterFunc.
func (r *Runtime) afterFunc(d time.Duration, fn func()) (cancel func()) {
	return r.loop.afterFunc(d, fn)
}
