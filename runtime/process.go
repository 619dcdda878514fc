package runtime

import (
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	goruntime "runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

// Version is the Node version whose API gojatls implements, as
// process.version reports it.
const Version = "v0.7.4"

// processState is the Go side of the process object.
type processState struct {
	r       *Runtime
	start   time.Time
	argv    *goja.Object
	signals map[string]chan os.Signal
	stdin   *stdinReader
}

func (p *processState) setArgv1(filename string) {
	p.argv.Set("1", filename)
}

// dropScriptArg removes the script entry from process.argv, for programs
// that have none (node -e, a program read from stdin, the REPL):
// [execPath, arguments...] as node gives them.
func (p *processState) dropScriptArg() {
	splice, _ := goja.AssertFunction(p.argv.Get("splice"))
	_, _ = splice(p.argv, p.r.vm.ToValue(1), p.r.vm.ToValue(1))
}

// exit ends the program with code after emitting 'exit', as Node does. It
// runs on the loop; JS still on the stack is unwound by the caller.
func (r *Runtime) exit(code int) {
	if r.exiting {
		return
	}
	r.exitCode = code
	r.exiting = true
	if r.process == nil {
		return
	}
	r.process.Set("_exiting", true)
	r.process.Set("exitCode", code)
	emit, ok := goja.AssertFunction(r.process.Get("emit"))
	if !ok {
		return
	}
	wasInJS := r.inJS
	r.inJS = true
	_, err := emit(r.process, r.vm.ToValue("exit"), r.vm.ToValue(code))
	r.inJS = wasInJS
	if ex, isEx := err.(*goja.Exception); isEx {
		// An exception in an 'exit' listener is printed and, as in Node,
		// makes the exit code 1.
		r.printException(ex.Value(), ex.Stack())
		r.exitCode = 1
		return
	}
	// A listener may change process.exitCode, as in today's Node.
	r.exitCode = r.naturalExitCode()
}

// naturalExitCode is the code when the loop runs out of work:
// process.exitCode if the script set it, else 0.
func (r *Runtime) naturalExitCode() int {
	if v := r.process.Get("exitCode"); v != nil && !goja.IsUndefined(v) && !goja.IsNull(v) {
		return int(v.ToInteger())
	}
	return 0
}

// protectJS runs fn, which may throw JS values, and returns what escaped it
// (see catch).
func (r *Runtime) protectJS(fn func()) error {
	return r.catch(func() error { fn(); return nil })
}

// newProcess makes the process object's Go part. bootstrap.js makes it an
// EventEmitter and adds the stream and nextTick parts.
func (r *Runtime) newProcess() (*goja.Object, *goja.Object) {
	vm, e := r.vm, r.env
	p := &processState{r: r, start: time.Now(), signals: map[string]chan os.Signal{}}
	r.proc = p
	proc := vm.NewObject()
	binding := vm.NewObject()

	argv := []any{r.argv0, ""}
	for _, a := range r.opts.Args {
		argv = append(argv, a)
	}
	p.argv = vm.NewArray(argv...)
	proc.Set("argv", p.argv)
	execArgv := make([]any, len(r.opts.ExecArgv))
	for i, a := range r.opts.ExecArgv {
		execArgv[i] = a
	}
	proc.Set("execArgv", vm.NewArray(execArgv...))
	proc.Set("execPath", r.argv0)
	proc.Set("title", "gojatls")
	proc.Set("version", Version)
	versions := vm.NewObject()
	versions.Set("node", strings.TrimPrefix(Version, "v"))
	versions.Set("v8", "3.8.9")
	versions.Set("uv", "0.6")
	versions.Set("ares", "1.7.5-DEV")
	versions.Set("openssl", "1.0.0f")
	versions.Set("zlib", "1.2.3")
	versions.Set("go", goruntime.Version())
	versions.Set("gojatls", versionsEntry())
	proc.Set("versions", versions)
	features := vm.NewObject()
	for _, f := range []string{"tls_npn", "tls_sni", "tls", "uv", "ipv6"} {
		features.Set(f, true)
	}
	features.Set("debug", false)
	proc.Set("features", features)
	proc.Set("platform", goruntime.GOOS)
	proc.Set("arch", nodeArch(goruntime.GOARCH))
	proc.Set("pid", os.Getpid())
	proc.Set("env", r.envObject())

	e.SetFuncs(proc, map[string]func(goja.FunctionCall) goja.Value{
		"cwd": func(goja.FunctionCall) goja.Value { return vm.ToValue(r.cwd) },
		"chdir": func(call goja.FunctionCall) goja.Value {
			dir, ok := call.Argument(0).Export().(string)
			if !ok {
				e.ThrowTypeError("Bad argument.")
			}
			target := dir
			if !filepath.IsAbs(target) {
				target = filepath.Join(r.cwd, target)
			}
			st, err := os.Stat(target)
			if err == nil && !st.IsDir() {
				err = syscall.ENOTDIR
			}
			if err != nil {
				panic(e.FSError(err, "chdir", ""))
			}
			r.cwd = filepath.Clean(target)
			return goja.Undefined()
		},
		"exit": func(call goja.FunctionCall) goja.Value {
			code := 0
			if a := call.Argument(0); !goja.IsUndefined(a) {
				code = int(a.ToInteger())
			} else {
				code = r.naturalExitCode()
			}
			r.exit(code)
			r.interrupt(exitRequest{})
			return goja.Undefined()
		},
		"reallyExit": func(call goja.FunctionCall) goja.Value {
			r.exitCode = int(call.Argument(0).ToInteger())
			r.exiting = true
			r.interrupt(exitRequest{})
			return goja.Undefined()
		},
		"hrtime": func(call goja.FunctionCall) goja.Value {
			d := time.Since(processEpoch)
			sec, nsec := int64(d/time.Second), int64(d%time.Second)
			if arg := call.Argument(0); !goja.IsUndefined(arg) {
				prev, ok := arg.(*goja.Object)
				if !ok || prev.ClassName() != "Array" {
					e.ThrowTypeError("process.hrtime() only accepts an Array tuple.")
				}
				sec -= prev.Get("0").ToInteger()
				nsec -= prev.Get("1").ToInteger()
				if nsec < 0 {
					sec--
					nsec += int64(time.Second)
				}
			}
			return vm.NewArray(sec, nsec)
		},
		"memoryUsage": func(goja.FunctionCall) goja.Value {
			var ms goruntime.MemStats
			goruntime.ReadMemStats(&ms)
			o := vm.NewObject()
			o.Set("rss", residentBytes())
			o.Set("heapTotal", ms.HeapSys)
			o.Set("heapUsed", ms.HeapAlloc)
			return o
		},
		"uptime": func(goja.FunctionCall) goja.Value {
			return vm.ToValue(time.Since(p.start).Seconds())
		},
		"umask": func(call goja.FunctionCall) goja.Value {
			mask := call.Argument(0)
			if goja.IsUndefined(mask) {
				old := umask(0)
				umask(old)
				return vm.ToValue(old)
			}
			n, err := parseMode(mask)
			if err != nil {
				e.ThrowTypeError("argument must be an integer or octal string.")
			}
			return vm.ToValue(umask(n))
		},
		"getuid": func(goja.FunctionCall) goja.Value { return vm.ToValue(os.Getuid()) },
		"getgid": func(goja.FunctionCall) goja.Value { return vm.ToValue(os.Getgid()) },
		"kill": func(call goja.FunctionCall) goja.Value {
			pid := call.Argument(0)
			if !isNumber(pid) {
				e.ThrowTypeError("invalid pid")
			}
			sig := syscall.SIGTERM
			if s := call.Argument(1); !goja.IsUndefined(s) {
				var ok bool
				if sig, ok = signalFromValue(s); !ok {
					e.ThrowError("Unknown signal: %s", s.String())
				}
			}
			if int(pid.ToInteger()) == os.Getpid() {
				r.flushStdio() // what the script wrote comes before its end
			}
			if err := kill(int(pid.ToInteger()), sig); err != nil {
				panic(e.SysError(err, "kill"))
			}
			return vm.ToValue(true)
		},
	})

	e.SetFuncs(binding, map[string]func(goja.FunctionCall) goja.Value{
		"writeOut": func(call goja.FunctionCall) goja.Value {
			writeValue(r.stdout, call.Argument(0), call.Argument(1))
			return goja.Undefined()
		},
		"writeErr": func(call goja.FunctionCall) goja.Value {
			writeValue(r.stderr, call.Argument(0), call.Argument(1))
			return goja.Undefined()
		},
		"stdioMade": func(call goja.FunctionCall) goja.Value {
			stream, _ := call.Argument(1).(*goja.Object)
			write, _ := call.Argument(2).(*goja.Object)
			e.SetStdioStream(int(call.Argument(0).ToInteger()), stream, write)
			return goja.Undefined()
		},
		"watchSignal": func(call goja.FunctionCall) goja.Value {
			name := call.Argument(0).String()
			if sig, ok := jsbridge.SignalByName(name); ok {
				p.watchSignal(name, sig)
			}
			return goja.Undefined()
		},
		"needTick": func(goja.FunctionCall) goja.Value {
			r.needTick()
			return goja.Undefined()
		},
		"loopReady": func(goja.FunctionCall) goja.Value {
			return vm.ToValue(r.loop.ready(time.Now()))
		},
		"stdinStart": func(call goja.FunctionCall) goja.Value {
			p.startStdin(call.Argument(0))
			return goja.Undefined()
		},
		"stdinPause": func(goja.FunctionCall) goja.Value {
			if p.stdin != nil {
				p.stdin.setPaused(true)
			}
			return goja.Undefined()
		},
		"stdinResume": func(goja.FunctionCall) goja.Value {
			if p.stdin != nil {
				p.stdin.setPaused(false)
			}
			return goja.Undefined()
		},
	})
	binding.Set("isStdoutTTY", isTerminal(r.stdout))
	binding.Set("isStderrTTY", isTerminal(r.stderr))
	binding.Set("isStdinTTY", isTerminal(r.stdin))
	r.afterEnd(p.stopSignals)
	return proc, binding
}

// processEpoch anchors process.hrtime().
var processEpoch = time.Now()

func nodeArch(goarch string) string {
	switch goarch {
	case "amd64":
		return "x64"
	case "386":
		return "ia32"
	}
	return goarch
}

func isNumber(v goja.Value) bool {
	switch v.Export().(type) {
	case int64, float64:
		return true
	}
	return false
}

func parseMode(v goja.Value) (int, error) {
	if s, ok := v.Export().(string); ok {
		n, err := strconv.ParseInt(s, 8, 32)
		return int(n), err
	}
	if isNumber(v) {
		return int(v.ToInteger()), nil
	}
	return 0, fmt.Errorf("not a mode")
}

// envObject is process.env: a plain object holding the environment.
func (r *Runtime) envObject() *goja.Object {
	obj := r.vm.NewObject()
	for _, kv := range r.environ {
		if k, v, ok := strings.Cut(kv, "="); ok && k != "" {
			obj.Set(k, v)
		}
	}
	return obj
}

// writeValue writes a string (in the given encoding) or a Buffer
// synchronously, so nothing written is lost at exit.
func writeValue(w interface{ Write([]byte) (int, error) }, v, enc goja.Value) {
	if b, ok := jsbridge.Bytes(v); ok {
		_, _ = w.Write(b)
		return
	}
	_, _ = w.Write([]byte(v.String()))
}

// residentBytes reads the resident set size from /proc.
func residentBytes() int64 {
	data, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	fields := strings.Fields(string(data))
	if len(fields) < 2 {
		return 0
	}
	pages, _ := strconv.ParseInt(fields[1], 10, 64)
	return pages * int64(os.Getpagesize())
}

func isTerminal(v any) bool {
	f, ok := jsbridge.StdioFile(v)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// signalFromValue returns the signal a number or a name such as "SIGTERM"
// stands for.
func signalFromValue(v goja.Value) (syscall.Signal, bool) {
	if isNumber(v) {
		return syscall.Signal(v.ToInteger()), true
	}
	return jsbridge.SignalByName(v.String())
}

// watchSignal starts delivering a signal to process.emit. Like Node's
// signal handles it does not keep the loop alive. When the signal comes and
// no listener is left, the default action happens (SIGINT: exit with 130).
func (p *processState) watchSignal(name string, sig syscall.Signal) {
	if _, ok := p.signals[name]; ok {
		return
	}
	ch := make(chan os.Signal, 4)
	p.signals[name] = ch
	signal.Notify(ch, sig)
	r := p.r
	go func() {
		for range ch {
			r.post(func() {
				if r.listenerCount(name) == 0 {
					signal.Reset(sig)
					r.flushStdio()
					_ = kill(os.Getpid(), sig)
					return
				}
				r.env.Emit(r.process, name)
			})
		}
	}()
}

func (p *processState) stopSignals() {
	for name, ch := range p.signals {
		signal.Stop(ch)
		close(ch)
		delete(p.signals, name)
	}
}

// stdinReader reads the runtime's stdin on its own goroutine while the
// script wants data; pausing stops the reads.
type stdinReader struct {
	mu     sync.Mutex
	cond   *sync.Cond
	paused bool
	handle *jsbridge.Handle
}

// startStdin begins reading stdin; each chunk, and then the end, go to
// onEvent(chunk) / onEvent(null) / onEvent(null, error) on the loop.
func (p *processState) startStdin(onEvent goja.Value) {
	if p.stdin != nil {
		p.stdin.setPaused(false)
		return
	}
	r := p.r
	s := &stdinReader{handle: r.env.NewHandle()}
	s.cond = sync.NewCond(&s.mu)
	p.stdin = s
	src := r.stdin
	go func() {
		buf := make([]byte, 64*1024)
		for {
			s.mu.Lock()
			for s.paused {
				s.cond.Wait()
			}
			s.mu.Unlock()
			n, err := src.Read(buf)
			if n > 0 {
				chunk := append([]byte(nil), buf[:n]...)
				r.post(func() { r.env.Call(onEvent, goja.Undefined(), r.env.NewBuffer(chunk)) })
			}
			if err != nil {
				r.post(func() {
					s.handle.Close()
					if err.Error() == "EOF" {
						r.env.Call(onEvent, goja.Undefined(), goja.Null())
					} else {
						r.env.Call(onEvent, goja.Undefined(), goja.Null(), r.env.FSError(err, "read", ""))
					}
				})
				return
			}
		}
	}()
}

// setPaused runs on the loop: a paused stdin neither reads nor keeps the
// loop alive.
func (s *stdinReader) setPaused(paused bool) {
	s.mu.Lock()
	s.paused = paused
	s.mu.Unlock()
	s.cond.Broadcast()
	if paused {
		s.handle.Unref()
	} else {
		s.handle.Ref()
	}
}
