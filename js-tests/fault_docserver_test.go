package jstests

// No client kills a server (README: Compatibility). The documentation's TLS
// echo server (examples/tls-server.js, listening on port 0 instead of
// 8000), which has no 'error' listener, meets clients that misbehave after
// the handshake: each must end only its own connection. After each one a
// fresh client is served and the server holds no more descriptors than
// before it; after all of them, no goroutine is left (gojatls runs in this
// process). Where node is installed the same script runs under node
// against the same clients, and prints the same.

import (
	"bufio"
	"context"
	"crypto/tls"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/gojatls/gojatls/runtime"
)

// docServerSource is examples/tls-server.js listening on port 0 (it
// prints the port on stderr); with endAtOnce, the server ends each stream
// right after its greeting instead of echoing.
func docServerSource(t *testing.T, endAtOnce bool) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("examples", "tls-server.js"))
	if err != nil {
		t.Fatal(err)
	}
	src := mustReplace(t, string(b), "server.listen(8000, function() {\n  console.log('server bound');\n",
		"server.listen(0, function() {\n  console.log('server bound');\n  console.error('port ' + server.address().port);\n")
	if endAtOnce {
		src = mustReplace(t, src, "  cleartextStream.pipe(cleartextStream);\n", "  cleartextStream.end();\n")
	}
	return src
}

func mustReplace(t *testing.T, s, old, new string) string {
	t.Helper()
	if !strings.Contains(s, old) {
		t.Fatalf("the documented server no longer contains %q", old)
	}
	return strings.Replace(s, old, new, 1)
}

// docServer is the documented server running under gojatls or node.
type docServer struct {
	name   string
	port   int
	out    *lines      // stdout
	errs   *lines      // stderr
	fds    func() int  // descriptors the server's process holds
	exited func() bool // the server process ended (it died)
	stop   func()      // node: kill it; its output is then complete
}

// startGojatlsDocServer runs src in this process until the test ends.
func startGojatlsDocServer(t *testing.T, src string) *docServer {
	t.Helper()
	dir, _ := filepath.Abs("examples")
	s := &docServer{name: "gojatls", out: newLines(), errs: newLines()}
	ctx, cancel := context.WithCancel(context.Background())
	rt := runtime.New(runtime.Options{Dir: dir, Stdout: s.out, Stderr: s.errs, Stdin: strings.NewReader("")})
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = rt.RunString(ctx, "tls-server.js", src)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	s.fds = func() int { return len(openFDs()) }
	s.exited = closed(done)
	s.port = waitPort(t, s)
	return s
}

// startNodeDocServer runs src under node until the test ends.
func startNodeDocServer(t *testing.T, node, src string) *docServer {
	t.Helper()
	script := filepath.Join(t.TempDir(), "tls-server.js")
	if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	s := &docServer{name: "node", out: newLines(), errs: newLines()}
	cmd := exec.Command(node, script)
	cmd.Dir, _ = filepath.Abs("examples")
	cmd.Stdout, cmd.Stderr = s.out, s.errs
	done := startCmd(t, cmd)
	s.stop = func() {
		_ = cmd.Process.Kill()
		<-done // cmd.Wait has copied all the output
	}
	t.Cleanup(s.stop)
	fdDir := "/proc/" + strconv.Itoa(cmd.Process.Pid) + "/fd"
	s.fds = func() int {
		entries, _ := os.ReadDir(fdDir)
		return len(entries)
	}
	s.exited = closed(done)
	s.port = waitPort(t, s)
	return s
}

// startCmd starts cmd and returns a channel closed once it has exited
// (and cmd.Wait has copied its output).
func startCmd(t *testing.T, cmd *exec.Cmd) <-chan struct{} {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		close(done)
	}()
	return done
}

// closed reports whether ch is closed.
func closed(ch <-chan struct{}) func() bool {
	return func() bool {
		select {
		case <-ch:
			return true
		default:
			return false
		}
	}
}

func waitPort(t *testing.T, s *docServer) int {
	t.Helper()
	s.errs.waitFor(t, "\n")
	line, _, _ := strings.Cut(s.errs.String(), "\n")
	port, err := strconv.Atoi(strings.TrimPrefix(line, "port "))
	if err != nil {
		t.Fatalf("%s: no port: %q\nstdout:\n%s", s.name, s.errs.String(), s.out.String())
	}
	return port
}

// alive fails the test if the server died.
func (s *docServer) alive(t *testing.T) {
	t.Helper()
	if s.exited() {
		t.Fatalf("%s: the server died\nstdout:\n%s\nstderr:\n%s", s.name, s.out.String(), s.errs.String())
	}
}

// waitFDs waits until the server holds at most n descriptors: the
// connections that ended are closed.
func (s *docServer) waitFDs(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(hangGuard)
	for s.fds() > n {
		s.alive(t)
		if time.Now().After(deadline) {
			t.Fatalf("%s: %d descriptors open, %d before: a connection was not closed\nstderr:\n%s",
				s.name, s.fds(), n, s.errs.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// freshClient checks that a new client gets the greeting and, from the
// echo server, its echo (from the other, the end of the stream).
func (s *docServer) freshClient(t *testing.T, echo bool) {
	t.Helper()
	c, err := dialTLS(s.port, docClientConfig(t))
	if err != nil {
		s.alive(t)
		t.Fatalf("%s: a fresh client: %v", s.name, err)
	}
	defer c.Close()
	r := bufio.NewReader(c)
	if greeting, err := r.ReadString('\n'); greeting != "welcome!\n" {
		t.Fatalf("%s: a fresh client got %q, %v", s.name, greeting, err)
	}
	if !echo {
		if rest, err := io.ReadAll(r); err != nil || len(rest) > 0 {
			t.Fatalf("%s: after the greeting: %q, %v", s.name, rest, err)
		}
		return
	}
	if _, err := c.Write([]byte("fresh client\n")); err != nil {
		t.Fatal(err)
	}
	if line, err := r.ReadString('\n'); line != "fresh client\n" {
		t.Fatalf("%s: echo %q, %v", s.name, line, err)
	}
}

// hostile is a client that misbehaves once its handshake is done.
type hostile struct {
	name string
	run  func(t *testing.T, s *docServer)
}

// echoClients misbehave against the echo server.
var echoClients = []hostile{
	{"closes without reading", func(t *testing.T, s *docServer) {
		c := mustDialTLS(t, s.port, 0)
		// The echo comes back into a socket that is closed without
		// reading it: the kernel answers with a reset.
		if _, err := c.Write(make([]byte, 64*1024)); err != nil {
			t.Fatal(err)
		}
		_ = c.NetConn().Close()
	}},
	{"writes without reading, then resets", func(t *testing.T, s *docServer) {
		c := mustDialTLS(t, s.port, 0)
		// 64 KiB go out at once (the socket buffers take them); the
		// server echoes into a socket nobody reads, which then resets.
		if _, err := c.Write(make([]byte, 64*1024)); err != nil {
			t.Fatal(err)
		}
		resetClose(c.NetConn())
	}},
	{"resets right after the greeting", func(t *testing.T, s *docServer) {
		c := mustDialTLS(t, s.port, 0)
		resetClose(c.NetConn())
	}},
	{"asks to renegotiate (openssl s_client -tls1_2, R)", renegotiatingClient},
	{"bad record MAC, TLS 1.2", badRecord(tls.VersionTLS12, badMAC)},
	{"bad record MAC, TLS 1.3", badRecord(tls.VersionTLS13, badMAC)},
	{"oversized record, TLS 1.2", badRecord(tls.VersionTLS12, oversized)},
	{"oversized record, TLS 1.3", badRecord(tls.VersionTLS13, oversized)},
	{"wrong content type, TLS 1.2", badRecord(tls.VersionTLS12, wrongType)},
	{"wrong content type, TLS 1.3", badRecord(tls.VersionTLS13, wrongType)},
	{"plaintext alert, TLS 1.2", badRecord(tls.VersionTLS12, plainAlert)},
	{"plaintext alert, TLS 1.3", badRecord(tls.VersionTLS13, plainAlert)},
}

// endClients misbehave against the server that ends each stream at once.
var endClients = []hostile{
	{"20 clients reset right after the greeting", func(t *testing.T, s *docServer) {
		for i := 0; i < 20; i++ {
			c := mustDialTLS(t, s.port, 0)
			resetClose(c.NetConn())
		}
	}},
	{"20 clients write without reading, then reset", func(t *testing.T, s *docServer) {
		for i := 0; i < 20; i++ {
			c := mustDialTLS(t, s.port, tls.VersionTLS12)
			if _, err := c.Write(make([]byte, 16*1024)); err != nil {
				t.Fatal(err)
			}
			resetClose(c.NetConn())
		}
	}},
}

// docClientConfig is a client of the documented server: it sends the
// client certificate the server trusts (requestCert and ca), as the
// documentation's client does. (Node 0.7 let clients without one in as
// unauthorized; today's node refuses them by default.)
func docClientConfig(t testing.TB) *tls.Config {
	t.Helper()
	pair, err := tls.LoadX509KeyPair(filepath.Join("examples", "client-cert.pem"), filepath.Join("examples", "client-key.pem"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := insecure()
	cfg.Certificates = []tls.Certificate{pair}
	return cfg
}

// mustDialTLS completes a handshake (maxVersion 0: Go's default) and
// reads the greeting, so that the server has its side of the connection
// (its 'secureConnection' has run) before the client misbehaves.
func mustDialTLS(t *testing.T, port int, maxVersion uint16) *tls.Conn {
	t.Helper()
	cfg := docClientConfig(t)
	cfg.MaxVersion = maxVersion
	c, err := dialTLS(port, cfg)
	if err != nil {
		t.Fatal(err)
	}
	greeting := make([]byte, len("welcome!\n"))
	if _, err := io.ReadFull(c, greeting); err != nil || string(greeting) != "welcome!\n" {
		t.Fatalf("greeting %q, %v", greeting, err)
	}
	return c
}

// Records that no TLS implementation may accept after the handshake.
var (
	badMAC     = append([]byte{23, 3, 3, 0, 40}, make([]byte, 40)...) // application data that does not decrypt
	oversized  = append([]byte{23, 3, 3, 0x4a, 0}, make([]byte, 0x4a00)...)
	wrongType  = append([]byte{99, 3, 3, 0, 40}, make([]byte, 40)...)
	plainAlert = []byte{21, 3, 3, 0, 2, 2, 40} // a fatal handshake_failure, unencrypted
)

// badRecord reads the greeting, then writes record on the TCP connection
// under the TLS one. gojatls must then close that connection; node sends
// an alert but leaves it open until the client goes, which this one then
// does.
func badRecord(version uint16, record []byte) func(*testing.T, *docServer) {
	return func(t *testing.T, s *docServer) {
		c := mustDialTLS(t, s.port, version)
		defer c.NetConn().Close()
		if _, err := c.NetConn().Write(record); err != nil {
			t.Fatal(err)
		}
		if s.name != "gojatls" {
			return
		}
		if _, err := readUntilClosed(c.NetConn()); err != nil {
			t.Fatal(err)
		}
	}
}

// startSClient runs openssl s_client against port with args, in dir: its
// output (stdout and stderr), its stdin, and a channel closed when it has
// exited. Closing stdin ends it; the test's end waits for that.
func startSClient(t *testing.T, dir string, port int, args ...string) (*lines, io.WriteCloser, <-chan struct{}) {
	t.Helper()
	cmd := exec.Command("openssl", append([]string{"s_client", "-connect", "127.0.0.1:" + strconv.Itoa(port)}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "OPENSSL_CONF=/dev/null")
	out := newLines()
	cmd.Stdout, cmd.Stderr = out, out
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	done := startCmd(t, cmd)
	t.Cleanup(func() {
		_ = stdin.Close()
		select {
		case <-done:
		case <-time.After(hangGuard):
			_ = cmd.Process.Kill()
			<-done
			t.Errorf("s_client did not end:\n%s", out.String())
		}
	})
	return out, stdin, done
}

// renegotiatingClient is openssl s_client on TLS 1.2 asking for a
// renegotiation ("R") once it has the greeting, then sending a line. A
// server that renegotiates (node) echoes the line; one that refuses it
// (gojatls: Go cannot renegotiate) ends the connection.
func renegotiatingClient(t *testing.T, s *docServer) {
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Skip("openssl is not installed (.ci/run installs it)")
	}
	out, stdin, done := startSClient(t, "examples", s.port, "-tls1_2", "-cert", "client-cert.pem", "-key", "client-key.pem")
	defer func() {
		// Gone before the server's descriptors are counted.
		_ = stdin.Close()
		select {
		case <-done:
		case <-time.After(hangGuard):
		}
	}()
	out.waitFor(t, "welcome!\n")
	// s_client reads a line starting with R as the command and drops the
	// rest of what it read: the next line goes once it renegotiates.
	if _, err := io.WriteString(stdin, "R\n"); err != nil {
		t.Fatal(err)
	}
	out.waitFor(t, "RENEGOTIATING\n")
	_, _ = io.WriteString(stdin, "after\n") // fails once the server has ended the connection
	// The end of the connection, or the echo after a renegotiation.
	echoed := make(chan struct{})
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(echoed)
		out.mu.Lock()
		defer out.mu.Unlock()
		for !strings.Contains(out.buf.String(), "RENEGOTIATING\n") ||
			!strings.Contains(out.buf.String()[strings.Index(out.buf.String(), "RENEGOTIATING\n"):], "\nafter\n") {
			select {
			case <-stop:
				return
			default:
			}
			out.cond.Wait()
		}
	}()
	defer out.Write(nil) // wakes the goroutine above once stop is closed
	select {
	case <-done:
	case <-echoed:
	case <-time.After(hangGuard):
		t.Fatalf("s_client: neither an echo nor an end after R:\n%s", out.String())
	}
}

// runCatalogue drives server through clients; it returns the server's
// stdout once every client has been dealt with. With checkFDs, the server
// must hold no more descriptors after each client than before it (node is
// not held to that: it keeps some of these connections open until the
// client goes, or longer).
func runCatalogue(t *testing.T, s *docServer, clients []hostile, echo, checkFDs bool) string {
	t.Helper()
	s.freshClient(t, echo) // what the idle server holds is known from here
	base := s.fds()
	for _, c := range clients {
		t.Run(s.name+"/"+c.name, func(t *testing.T) {
			c.run(t, s)
			if checkFDs {
				s.waitFDs(t, base)
			}
			s.freshClient(t, echo)
			if checkFDs {
				s.waitFDs(t, base)
			}
			s.alive(t)
		})
	}
	s.freshClient(t, echo)
	s.alive(t)
	return s.out.String()
}

// waitGoroutines waits until no goroutine is left beyond those ignored.
func waitGoroutines(t *testing.T, ignore goleak.Option) {
	t.Helper()
	deadline := time.Now().Add(hangGuard)
	for {
		err := goleak.Find(ignore)
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("goroutines left behind by the clients: %v", err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestNoClientKillsServer(t *testing.T) {
	for _, v := range []struct {
		name      string
		endAtOnce bool
		clients   []hostile
	}{
		{"echo server", false, echoClients},
		{"server that ends at once", true, endClients},
	} {
		t.Run(v.name, func(t *testing.T) {
			src := docServerSource(t, v.endAtOnce)
			check := leakCheck(t)
			t.Cleanup(func() { check() }) // runs last, once the servers have stopped
			srv := startGojatlsDocServer(t, src)
			srv.freshClient(t, !v.endAtOnce)
			ignore := goleak.IgnoreCurrent() // the idle server's own goroutines
			got := runCatalogue(t, srv, v.clients, !v.endAtOnce, true)
			waitGoroutines(t, ignore)
			if !strings.HasPrefix(got, "server bound\nserver connected authorized\n") {
				t.Errorf("gojatls stdout:\n%s", got)
			}
			if stderr := srv.errs.String(); strings.Count(stderr, "\n") != 1 {
				t.Errorf("gojatls stderr beyond the port:\n%s", stderr)
			}

			node, err := exec.LookPath("node")
			if err != nil {
				t.Log("node is not installed: the same clients against node are skipped (.ci/run installs it)")
			} else {
				ref := startNodeDocServer(t, node, src)
				ref.freshClient(t, !v.endAtOnce)
				runCatalogue(t, ref, v.clients, !v.endAtOnce, false)
				ref.stop() // node writes its stdout through a pipe: all of it is read once it ends
				if want := ref.out.String(); got != want {
					t.Errorf("stdout differs\n--- node:\n%s\n--- gojatls:\n%s", want, got)
				}
			}
		})
	}
}
