//go:build linux

package tls_test

// Benchmarks of what one connection costs a server running the
// documentation's echo example (js-tests/examples/tls-server.js): the loop
// goroutine's busy time, the server's CPU time and allocations per
// connection, and its memory per idle connection. The server runs in a
// child process (this test binary, re-executed) so that its figures are
// its own and not the load generator's; the pure-Go crypto/tls echo server
// of the README's benchmark runs the same way for reference.
//
//	go test -run '^$' -bench 'Echo' -benchtime 500x ./modules/tls/
//	go test -run '^$' -bench 'Idle' -benchtime 1x ./modules/tls/
//
// GOJATLS_ECHO_PROFILE=DIR makes the child write CPU and allocation
// profiles of the measured window into DIR (echo-gojatls-cpu.pprof,
// echo-gojatls-allocs-base.pprof and echo-gojatls-allocs.pprof; idle-* for the idle
// benchmark); GOJATLS_ECHO_MEMRATE=512 samples allocations finely (slowly),
// GOJATLS_ECHO_JSPROFILE=1 adds goja's profile of the JS functions
// (echo-gojatls-js.pprof).
// Benchmarks are not tests: nothing here asserts a time.

import (
	"bufio"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	goruntime "runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/runtime"
)

// echoServeEnv, in a child's environment, makes TestMain serve instead of
// testing: "gojatls" runs tls-server.js, "go" the pure-Go server.
const echoServeEnv = "GOJATLS_ECHO_SERVE"

func TestMain(m *testing.M) {
	if mode := os.Getenv(echoServeEnv); mode != "" {
		serveEcho(mode)
		return
	}
	os.Exit(m.Run())
}

const examplesDir = "../../js-tests/examples"

// echoStats is what the child reports about itself.
type echoStats struct {
	LoopBusy   time.Duration // the runtime's LoopBusy (0 for pure Go)
	CPU        time.Duration // user+system time of the process
	Mallocs    uint64
	TotalAlloc uint64
	HeapAlloc  uint64 // live heap, after a GC
	StackInuse uint64
	RSS        uint64 // VmRSS, bytes
	Goroutines int
}

// serveEcho is the child: it serves on a free port of 127.0.0.1, prints
// "port N" on stdout, then answers commands read from stdin, one a line:
// "stats" and "gcstats" (after a GC) print an echoStats as JSON;
// "profile PREFIX" starts a CPU profile and writes PREFIX-allocs-base.pprof;
// "stop" ends it (PREFIX-cpu.pprof, PREFIX-allocs.pprof).
func serveEcho(mode string) {
	if rate, err := strconv.Atoi(os.Getenv("GOJATLS_ECHO_MEMRATE")); err == nil {
		goruntime.MemProfileRate = rate // 512: a connection's few KiB show
	}
	var busy func() time.Duration
	ports := make(chan int, 1)
	switch mode {
	case "gojatls":
		src, err := os.ReadFile(filepath.Join(examplesDir, "tls-server.js"))
		if err != nil {
			fail(err)
		}
		// The script unmodified but for its port, and a line that tells
		// this process which port it got.
		script := strings.Replace(string(src), "listen(8000,", "listen(0, '127.0.0.1',", 1)
		script += "\nserver.on('listening', function () { reportPort(server.address().port); });\n"
		devNull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
		if err != nil {
			fail(err)
		}
		rt := runtime.New(runtime.Options{
			Dir: examplesDir, Stdout: devNull, Stderr: os.Stderr, Stdin: strings.NewReader(""),
			Globals: map[string]any{"reportPort": func(p int) { ports <- p }},
		})
		busy = rt.LoopBusy
		go func() {
			code, err := rt.RunString(context.Background(), "tls-server.js", script)
			fail(fmt.Errorf("the server ended: code %d, %v", code, err))
		}()
	case "go":
		busy = func() time.Duration { return 0 }
		go serveGoEcho(ports)
	default:
		fail(fmt.Errorf("unknown mode %q", mode))
	}
	fmt.Printf("port %d\n", <-ports)
	var cpuFile, jsFile *os.File
	var prefix string
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		cmd, arg, _ := strings.Cut(in.Text(), " ")
		switch cmd {
		case "stats", "gcstats":
			if cmd == "gcstats" {
				goruntime.GC()
			}
			out, _ := json.Marshal(readStats(busy()))
			fmt.Printf("%s\n", out)
		case "profile":
			prefix = arg
			writeProfile("allocs", prefix+"-allocs-base.pprof")
			f, err := os.Create(prefix + "-cpu.pprof")
			if err != nil {
				fail(err)
			}

			if err := pprof.StartCPUProfile(f); err != nil {
				fail(err)
			}
			cpuFile = f
			if os.Getenv("GOJATLS_ECHO_JSPROFILE") != "" {
				js, err := os.Create(prefix + "-js.pprof")
				if err != nil {
					fail(err)
				}
				if err := goja.StartProfile(js); err != nil {
					fail(err)
				}
				jsFile = js
			}
			fmt.Println("ok")
		case "stop":
			if jsFile != nil {
				goja.StopProfile()
				_ = jsFile.Close()
			}
			if cpuFile != nil {
				pprof.StopCPUProfile()
				_ = cpuFile.Close()
				writeProfile("allocs", prefix+"-allocs.pprof")
			}
			fmt.Println("ok")
		}
	}
	os.Exit(0)
}

func readStats(busy time.Duration) echoStats {
	var m goruntime.MemStats
	goruntime.ReadMemStats(&m)
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	s := echoStats{
		LoopBusy:   busy,
		CPU:        time.Duration(ru.Utime.Nano() + ru.Stime.Nano()),
		Mallocs:    m.Mallocs,
		TotalAlloc: m.TotalAlloc,
		HeapAlloc:  m.HeapAlloc,
		StackInuse: m.StackInuse,
		Goroutines: goruntime.NumGoroutine(),
	}
	if status, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(status), "\n") {
			if f := strings.Fields(line); len(f) == 3 && f[0] == "VmRSS:" {
				kib, _ := strconv.ParseUint(f[1], 10, 64)
				s.RSS = kib << 10
			}
		}
	}
	return s
}

func writeProfile(name, path string) {
	goruntime.GC()
	f, err := os.Create(path)
	if err != nil {
		fail(err)
	}
	if err := pprof.Lookup(name).WriteTo(f, 0); err != nil {
		fail(err)
	}
	_ = f.Close()
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "echo server:", err)
	os.Exit(1)
}

// serveGoEcho is tls-server.js written with crypto/tls: it asks for a
// client certificate, logs each connection, greets and echoes.
func serveGoEcho(ports chan<- int) {
	cert, err := tls.LoadX509KeyPair(filepath.Join(examplesDir, "server-cert.pem"), filepath.Join(examplesDir, "server-key.pem"))
	if err != nil {
		fail(err)
	}
	caPEM, err := os.ReadFile(filepath.Join(examplesDir, "client-cert.pem"))
	if err != nil {
		fail(err)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(caPEM)
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}, ClientAuth: tls.VerifyClientCertIfGiven, ClientCAs: pool}
	ln, err := tls.Listen("tcp", "127.0.0.1:0", cfg)
	if err != nil {
		fail(err)
	}
	devNull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		fail(err)
	}
	ports <- ln.Addr().(*net.TCPAddr).Port
	for {
		c, err := ln.Accept()
		if err != nil {
			fail(err)
		}
		go func() {
			tc := c.(*tls.Conn)
			defer tc.Close()
			if err := tc.Handshake(); err != nil {
				return
			}
			auth := "unauthorized"
			if len(tc.ConnectionState().VerifiedChains) > 0 {
				auth = "authorized"
			}
			fmt.Fprintln(devNull, "server connected", auth)
			if _, err := io.WriteString(tc, "welcome!\n"); err != nil {
				return
			}
			_, _ = io.Copy(tc, tc)
		}()
	}
}

// echoChild is a running child server.
type echoChild struct {
	cmd  *exec.Cmd
	in   io.WriteCloser
	out  *bufio.Reader
	port int
}

func startEchoChild(b *testing.B, mode string) *echoChild {
	b.Helper()
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err == nil && lim.Cur < lim.Max {
		lim.Cur = lim.Max // inherited by the child
		_ = syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), echoServeEnv+"="+mode)
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	outPipe, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	c := &echoChild{cmd: cmd, in: in, out: bufio.NewReader(outPipe)}
	b.Cleanup(func() {
		_ = in.Close()
		_ = cmd.Wait()
	})
	line := c.line(b)
	if _, err := fmt.Sscanf(line, "port %d", &c.port); err != nil {
		b.Fatalf("child said %q", line)
	}
	return c
}

func (c *echoChild) line(b *testing.B) string {
	b.Helper()
	s, err := c.out.ReadString('\n')
	if err != nil {
		b.Fatalf("child: %v", err)
	}
	return strings.TrimSpace(s)
}

func (c *echoChild) send(b *testing.B, cmd string) string {
	b.Helper()
	if _, err := fmt.Fprintln(c.in, cmd); err != nil {
		b.Fatal(err)
	}
	return c.line(b)
}

func (c *echoChild) stats(b *testing.B, cmd string) echoStats {
	b.Helper()
	var s echoStats
	if err := json.Unmarshal([]byte(c.send(b, cmd)), &s); err != nil {
		b.Fatal(err)
	}
	return s
}

// profile starts the child's profiles when GOJATLS_ECHO_PROFILE names a
// directory, and returns what stops them.
func (c *echoChild) profile(b *testing.B, phase string) func() {
	dir := os.Getenv("GOJATLS_ECHO_PROFILE")
	if dir == "" {
		return func() {}
	}
	abs, err := filepath.Abs(filepath.Join(dir, phase))
	if err != nil {
		b.Fatal(err)
	}
	c.send(b, "profile "+abs)
	return func() { c.send(b, "stop") }
}

// echoClient is the bench's load generator: a full handshake with the
// client certificate, X25519 only (as node's OpenSSL would get it).
func echoClient(b *testing.B) *tls.Config {
	b.Helper()
	cert, err := tls.LoadX509KeyPair(filepath.Join(examplesDir, "client-cert.pem"), filepath.Join(examplesDir, "client-key.pem"))
	if err != nil {
		b.Fatal(err)
	}
	return &tls.Config{
		Certificates:       []tls.Certificate{cert},
		InsecureSkipVerify: true, // the example's certificate has no subjectAltName
		CurvePreferences:   []tls.CurveID{tls.X25519},
	}
}

// dialEcho connects and reads the greeting.
func dialEcho(cfg *tls.Config, port int) (*tls.Conn, error) {
	raw, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), 10*time.Second)
	if err != nil {
		return nil, err
	}
	tc := tls.Client(raw, cfg)
	_ = tc.SetDeadline(time.Now().Add(10 * time.Second))
	buf := make([]byte, len("welcome!\n"))
	if _, err := io.ReadFull(tc, buf); err != nil {
		raw.Close()
		return nil, err
	}
	if string(buf) != "welcome!\n" {
		raw.Close()
		return nil, fmt.Errorf("greeting %q", buf)
	}
	return tc, nil
}

// echoCycle is one connection as the README's handshake load makes it:
// greeting, one echo, close_notify, the server's end, close.
func echoCycle(cfg *tls.Config, port int) error {
	tc, err := dialEcho(cfg, port)
	if err != nil {
		return err
	}
	defer tc.Close()
	if _, err := tc.Write([]byte("ping\n")); err != nil {
		return err
	}
	var buf [5]byte
	if _, err := io.ReadFull(tc, buf[:]); err != nil || string(buf[:]) != "ping\n" {
		return fmt.Errorf("echo %q, %v", buf[:], err)
	}
	if err := tc.CloseWrite(); err != nil {
		return err
	}
	if n, err := tc.Read(buf[:]); n != 0 || !errors.Is(err, io.EOF) {
		return fmt.Errorf("after close_notify: %d bytes, %v", n, err)
	}
	return nil
}

// BenchmarkEchoConnection: b.N connections, one after another, to the
// echo example and to the pure-Go server. Per connection: loop-µs (the
// loop goroutine's busy time), cpu-µs (the server's user+system time),
// allocs and B (the server's allocations).
func BenchmarkEchoConnection(b *testing.B) {
	for _, mode := range []string{"gojatls", "go"} {
		b.Run(mode, func(b *testing.B) {
			child := startEchoChild(b, mode)
			cfg := echoClient(b)
			for i := 0; i < 20; i++ { // warm-up
				if err := echoCycle(cfg, child.port); err != nil {
					b.Fatal(err)
				}
			}
			stop := child.profile(b, "echo-"+mode)
			before := child.stats(b, "stats")
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := echoCycle(cfg, child.port); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			after := child.stats(b, "stats")
			stop()
			n := float64(b.N)
			b.ReportMetric(float64(after.LoopBusy-before.LoopBusy)/n/1e3, "loop-µs/conn")
			b.ReportMetric(float64(after.CPU-before.CPU)/n/1e3, "cpu-µs/conn")
			b.ReportMetric(float64(after.Mallocs-before.Mallocs)/n, "allocs/conn")
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/n/1024, "KiB/conn")
		})
	}
}

// BenchmarkIdleConnections: 2,000 connections opened (handshake and
// greeting done) and held; per connection, the growth of the server's
// RSS after a second to settle (as the README's bench measures it), of
// its live heap and of its goroutine stacks after a GC.
func BenchmarkIdleConnections(b *testing.B) {
	const held = 2000
	for _, mode := range []string{"gojatls", "go"} {
		b.Run(mode, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				child := startEchoChild(b, mode)
				cfg := echoClient(b)
				for j := 0; j < 20; j++ {
					if err := echoCycle(cfg, child.port); err != nil {
						b.Fatal(err)
					}
				}
				time.Sleep(time.Second) // the figure is the settled RSS, as the bench's
				before := child.stats(b, "gcstats")
				stop := child.profile(b, "idle-"+mode)
				conns := make([]*tls.Conn, 0, held)
				for j := 0; j < held; j++ {
					tc, err := dialEcho(cfg, child.port)
					if err != nil {
						b.Fatal(err)
					}
					conns = append(conns, tc)
				}
				time.Sleep(time.Second)
				rss := child.stats(b, "stats").RSS
				after := child.stats(b, "gcstats")
				stop()
				b.ReportMetric(float64(rss-before.RSS)/held/1024, "KiB-RSS/conn")
				b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/held/1024, "KiB-heap/conn")
				b.ReportMetric(float64(after.StackInuse-before.StackInuse)/held/1024, "KiB-stack/conn")
				b.ReportMetric(float64(after.Goroutines-before.Goroutines)/held, "goroutines/conn")
				for _, tc := range conns {
					_ = tc.Close()
				}
			}
		})
	}
}
