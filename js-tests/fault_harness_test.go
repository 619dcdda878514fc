package jstests

// The harness shared by the reliability tests (fault_*_test.go,
// load_test.go, bypass_test.go): a gojatls script run in-process with a
// "harness" module through which it reports events to Go and receives
// commands, TLS clients written with crypto/tls, and the leak check every
// test ends with.

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"
	"go.uber.org/goleak"

	"github.com/gojatls/gojatls/jsbridge"
	"github.com/gojatls/gojatls/runtime"
)

// hangGuard bounds every wait of these tests: it only turns a hang into a
// failure and is never a timing assertion.
const hangGuard = 30 * time.Second

// event is one harness.send(name, value) of a script.
type event struct {
	name, value string
}

// scriptRun is a gojatls script running in this process.
type scriptRun struct {
	t      testing.TB
	cancel context.CancelFunc
	done   chan struct{}
	code   int
	err    error
	stdout syncBuffer
	stderr syncBuffer

	mu       sync.Mutex
	events   []event
	commands func(string) // posts a command to the script's onCommand
}

// syncBuffer is a bytes.Buffer the loop writes and the test reads.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// harnessModule is require('harness') for one run: send(name, value)
// reports an event; onCommand(fn) receives what the test sends with
// command(); mode is the string the test gave.
func (r *scriptRun) harnessModule(mode string) *jsbridge.Module {
	return &jsbridge.Module{Name: "harness", Native: func(e *jsbridge.Env, b *goja.Object) {
		b.Set("mode", mode)
		e.SetFuncs(b, map[string]func(goja.FunctionCall) goja.Value{
			"send": func(call goja.FunctionCall) goja.Value {
				ev := event{name: call.Argument(0).String()}
				if v := call.Argument(1); !goja.IsUndefined(v) {
					ev.value = v.String()
				}
				r.mu.Lock()
				r.events = append(r.events, ev)
				r.mu.Unlock()
				return goja.Undefined()
			},
			"onCommand": func(call goja.FunctionCall) goja.Value {
				fn := call.Argument(0)
				r.mu.Lock()
				r.commands = func(cmd string) {
					e.Post(func() { e.Call(fn, goja.Undefined(), e.VM.ToValue(cmd)) })
				}
				r.mu.Unlock()
				return goja.Undefined()
			},
		})
	}}
}

// startScript runs src as js-tests/<name> (so __dirname is js-tests and the
// fixtures are at __dirname + '/fixtures'), with harness.mode set to mode
// and mods as extra modules.
func startScript(t testing.TB, name, mode, src string, mods ...*jsbridge.Module) *scriptRun {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	r := &scriptRun{t: t, done: make(chan struct{})}
	rt := runtime.New(runtime.Options{
		Argv0:   "gojatls",
		Dir:     dir,
		Stdin:   strings.NewReader(""),
		Stdout:  &r.stdout,
		Stderr:  &r.stderr,
		Modules: append([]*jsbridge.Module{r.harnessModule(mode)}, mods...),
	})
	ctx, cancel := context.WithCancel(context.Background())
	r.cancel = cancel
	go func() {
		defer close(r.done)
		r.code, r.err = rt.RunString(ctx, name, src)
	}()
	return r
}

// snapshot returns the events so far.
func (r *scriptRun) snapshot() []event {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]event(nil), r.events...)
}

// count is how many events named name were sent.
func (r *scriptRun) count(name string) int {
	n := 0
	for _, ev := range r.snapshot() {
		if ev.name == name {
			n++
		}
	}
	return n
}

// values are the values of the events named name, in order.
func (r *scriptRun) values(name string) []string {
	var out []string
	for _, ev := range r.snapshot() {
		if ev.name == name {
			out = append(out, ev.value)
		}
	}
	return out
}

// waitFor waits until cond holds for the events, failing the test on a
// hang or when the script ended first.
func (r *scriptRun) waitFor(what string, cond func([]event) bool) []event {
	r.t.Helper()
	deadline := time.Now().Add(hangGuard)
	for {
		evs := r.snapshot()
		if cond(evs) {
			return evs
		}
		select {
		case <-r.done:
			if evs := r.snapshot(); cond(evs) {
				return evs
			}
			r.t.Fatalf("script ended (code %d, err %v) while waiting for %s\nevents: %v\nstderr:\n%s",
				r.code, r.err, what, r.snapshot(), r.stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("hang: no %s after %v\nevents: %v\nstderr:\n%s", what, hangGuard, evs, r.stderr.String())
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// waitCount waits until at least n events named name were sent and
// returns their values.
func (r *scriptRun) waitCount(name string, n int) []string {
	r.t.Helper()
	r.waitFor(fmt.Sprintf("%d %q events", n, name), func(evs []event) bool {
		k := 0
		for _, ev := range evs {
			if ev.name == name {
				k++
			}
		}
		return k >= n
	})
	return r.values(name)
}

// command sends cmd to the script's onCommand function.
func (r *scriptRun) command(cmd string) {
	r.t.Helper()
	r.waitFor("onCommand", func([]event) bool {
		r.mu.Lock()
		defer r.mu.Unlock()
		return r.commands != nil
	})
	r.mu.Lock()
	post := r.commands
	r.mu.Unlock()
	post(cmd)
}

// sync sends the command "sync" and waits for the script's "sync" answer:
// everything the loop had queued before runs first.
func (r *scriptRun) sync() {
	r.t.Helper()
	n := r.count("sync")
	r.command("sync")
	r.waitCount("sync", n+1)
}

// port waits for the "listening" event and returns its value as a port.
func (r *scriptRun) port() int {
	r.t.Helper()
	v := r.waitCount("listening", 1)[0]
	p, err := strconv.Atoi(v)
	if err != nil {
		r.t.Fatalf("listening: %q", v)
	}
	return p
}

// stop cancels the run and waits for it to end.
func (r *scriptRun) stop() {
	r.t.Helper()
	r.cancel()
	r.wait()
}

// wait waits for the run to end by itself.
func (r *scriptRun) wait() (int, error) {
	r.t.Helper()
	select {
	case <-r.done:
	case <-time.After(hangGuard):
		r.t.Fatalf("hang: the run did not end\nevents: %v\nstderr:\n%s", r.snapshot(), r.stderr.String())
	}
	return r.code, r.err
}

// noBugEvents fails on events the scripts send when they see something
// that must not happen ("bug").
func (r *scriptRun) noBugEvents() {
	r.t.Helper()
	if bugs := r.values("bug"); len(bugs) > 0 {
		r.t.Errorf("the script saw: %q", bugs)
	}
}

// ---- leaks -------------------------------------------------------------

var warmOnce sync.Once

// warmUp does once what the Go runtime does lazily on first use (the
// network poller's descriptors, the system roots), so that the first
// test's descriptor count is not off by them.
func warmUp(t testing.TB) {
	warmOnce.Do(func() {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		c, err := net.Dial("tcp", l.Addr().String())
		if err == nil {
			_ = c.Close()
		}
		_ = l.Close()
		_, _ = x509.SystemCertPool()
	})
}

// openFDs lists this process's open file descriptors with what they are
// (not the one that reads the list).
func openFDs() map[string]string {
	out := map[string]string{}
	entries, _ := os.ReadDir("/proc/self/fd")
	for _, e := range entries {
		if target, err := os.Readlink(filepath.Join("/proc/self/fd", e.Name())); err == nil {
			out[e.Name()] = target
		}
	}
	return out
}

// socketInfo describes a "socket:[inode]" target from /proc/net/tcp: its
// local and remote address and state, for the leak report.
func socketInfo(target string) string {
	inode, ok := strings.CutPrefix(target, "socket:[")
	if !ok {
		return ""
	}
	inode = strings.TrimSuffix(inode, "]")
	for _, table := range []string{"/proc/net/tcp", "/proc/net/tcp6"} {
		b, err := os.ReadFile(table)
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(b), "\n")[1:] {
			f := strings.Fields(line)
			if len(f) > 9 && f[9] == inode {
				return fmt.Sprintf(" (tcp local %s remote %s state %s)", hexAddr(f[1]), hexAddr(f[2]), f[3])
			}
		}
	}
	return ""
}

// hexAddr turns /proc/net/tcp's "0100007F:1F90" into "127.0.0.1:8080".
func hexAddr(s string) string {
	host, port, ok := strings.Cut(s, ":")
	if !ok || len(host) != 8 {
		return s
	}
	p, _ := strconv.ParseUint(port, 16, 16)
	ip, _ := strconv.ParseUint(host, 16, 32)
	return fmt.Sprintf("%d.%d.%d.%d:%d", byte(ip), byte(ip>>8), byte(ip>>16), byte(ip>>24), p)
}

// leakCheck records the goroutines and descriptors now; the function it
// returns (call it right after the run ended) fails the test if any
// goroutine started since is still there, or more descriptors are open
// (beyond allowed, which the test itself holds), after a short retry window
// for what is finishing.
func leakCheck(t testing.TB) func(allowed ...int) {
	t.Helper()
	warmUp(t)
	ignore := goleak.IgnoreCurrent()
	before := openFDs()
	return func(allowed ...int) {
		t.Helper()
		// No garbage collection while checking: a descriptor nobody
		// closed would otherwise vanish at the next collection (its
		// finalizer closes it), at a moment nothing controls.
		defer debug.SetGCPercent(debug.SetGCPercent(-1))
		allow := 0
		for _, n := range allowed {
			allow += n
		}
		deadline := time.Now().Add(5 * time.Second)
		var err error
		for {
			if err = goleak.Find(ignore); err == nil || time.Now().After(deadline) {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		if err != nil {
			t.Errorf("goroutines left behind: %v", err)
		}
		for len(openFDs()) > len(before)+allow && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		if after := openFDs(); len(after) > len(before)+allow {
			var extra []string
			for fd, target := range after {
				if before[fd] != target {
					extra = append(extra, fd+" -> "+target+socketInfo(target))
				}
			}
			t.Errorf("%d file descriptors open before, %d after (%d allowed): new or changed: %v",
				len(before), len(after), allow, extra)
		}
	}
}

// ---- clients -----------------------------------------------------------

// fixture reads js-tests/fixtures/name.
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("fixtures", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// fixtureCerts parses the certificates of a fixture file.
func fixtureCerts(t testing.TB, name string) []*x509.Certificate {
	t.Helper()
	var out []*x509.Certificate
	rest := fixture(t, name)
	for {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		c, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	return out
}

// fixturePair loads a key and certificate chain from the fixtures.
func fixturePair(t testing.TB, certFile, keyFile string) tls.Certificate {
	t.Helper()
	pair, err := tls.X509KeyPair(fixture(t, certFile), fixture(t, keyFile))
	if err != nil {
		t.Fatal(err)
	}
	return pair
}

func addr(port int) string { return net.JoinHostPort("127.0.0.1", strconv.Itoa(port)) }

// insecure is the client configuration of the fault tests: they test the
// server's robustness, not its certificate.
func insecure() *tls.Config {
	return &tls.Config{InsecureSkipVerify: true, ServerName: "localhost"}
}

// dialTLS connects and handshakes with cfg, with the hang guard as
// deadline.
func dialTLS(port int, cfg *tls.Config) (*tls.Conn, error) {
	d := &net.Dialer{Timeout: hangGuard}
	raw, err := d.Dial("tcp", addr(port))
	if err != nil {
		return nil, err
	}
	_ = raw.SetDeadline(time.Now().Add(hangGuard))
	c := tls.Client(raw, cfg)
	if err := c.Handshake(); err != nil {
		_ = raw.Close()
		return nil, err
	}
	return c, nil
}

// echoOnce checks that a fresh client gets msg echoed and a clean close.
func echoOnce(port int, msg string) error {
	c, err := dialTLS(port, insecure())
	if err != nil {
		return fmt.Errorf("handshake: %w", err)
	}
	defer c.Close()
	if _, err := c.Write([]byte(msg)); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	got := make([]byte, len(msg))
	if _, err := io.ReadFull(c, got); err != nil {
		return fmt.Errorf("read: %w", err)
	}
	if string(got) != msg {
		return fmt.Errorf("echo: got %q, want %q", got, msg)
	}
	return nil
}

// mustEcho fails the test unless a fresh client gets an echo.
func mustEcho(t testing.TB, r *scriptRun, port int) {
	t.Helper()
	if err := echoOnce(port, "fresh client "+strconv.Itoa(port)); err != nil {
		t.Fatalf("the server no longer serves: %v\nevents: %v\nstderr:\n%s", err, r.snapshot(), r.stderr.String())
	}
}

// readUntilClosed reads c until the peer closes it (EOF or reset) and
// returns how many bytes came; a hang-guard timeout is an error.
func readUntilClosed(c net.Conn) (int64, error) {
	_ = c.SetReadDeadline(time.Now().Add(hangGuard))
	n, err := io.Copy(io.Discard, c)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return n, fmt.Errorf("the server did not close the connection: %w", err)
	}
	return n, nil
}

// resetClose closes c with SO_LINGER 0: the peer gets an RST.
func resetClose(c net.Conn) {
	if tc, ok := c.(*net.TCPConn); ok {
		_ = tc.SetLinger(0)
	}
	_ = c.Close()
}

var (
	helloOnce sync.Once
	helloData []byte
	helloErr  error
)

// clientHello is one real ClientHello record from crypto/tls, caught by a
// listener that records what a client sends first.
func clientHello(t testing.TB) []byte {
	t.Helper()
	helloOnce.Do(func() {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			helloErr = err
			return
		}
		defer l.Close()
		done := make(chan struct{})
		go func() {
			defer close(done)
			c, err := net.Dial("tcp", l.Addr().String())
			if err != nil {
				return
			}
			defer c.Close()
			_ = c.SetDeadline(time.Now().Add(hangGuard))
			_ = tls.Client(c, insecure()).Handshake() // fails when the recorder hangs up
		}()
		c, err := l.Accept()
		if err != nil {
			helloErr = err
			return
		}
		_ = c.SetDeadline(time.Now().Add(hangGuard))
		hdr := make([]byte, 5)
		if _, helloErr = io.ReadFull(c, hdr); helloErr == nil {
			body := make([]byte, int(hdr[3])<<8|int(hdr[4]))
			if _, helloErr = io.ReadFull(c, body); helloErr == nil {
				helloData = append(hdr, body...)
			}
		}
		_ = c.Close()
		<-done
	})
	if helloErr != nil {
		t.Fatal(helloErr)
	}
	if len(helloData) < 50 || helloData[0] != 22 {
		t.Fatalf("not a ClientHello record: % x", helloData)
	}
	return helloData
}

// mustUnmarshal decodes an event's JSON value.
func mustUnmarshal(t testing.TB, v string, into any) {
	t.Helper()
	if err := json.Unmarshal([]byte(v), into); err != nil {
		t.Fatalf("%q: %v", v, err)
	}
}
