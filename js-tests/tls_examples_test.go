package jstests

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gojatls/gojatls/runtime"
)

// The documentation's TLS examples (js-tests/examples/tls-server.js and
// tls-client.js, verbatim from tls.markdown) run against each other,
// against openssl s_client, and against node's client and server. The
// server listens on the documented port 8000, so these run one at a time.

// peerTimeout bounds a peer program's run (openssl s_client, node's
// client): it only turns a hang into a failure.
const peerTimeout = time.Minute

// lines is an io.Writer that lets a test wait for a line to appear.
type lines struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	cond  *sync.Cond
	ended bool // the program writing here has ended
}

func newLines() *lines {
	l := &lines{}
	l.cond = sync.NewCond(&l.mu)
	return l
}

func (l *lines) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf.Write(p)
	l.cond.Broadcast()
	return len(p), nil
}

func (l *lines) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// end records that the program writing here has ended: nothing more
// will come.
func (l *lines) end() {
	l.mu.Lock()
	l.ended = true
	l.mu.Unlock()
	l.cond.Broadcast()
}

// waitFor waits until the output contains s; it fails at once if the
// program ends without printing it.
func (l *lines) waitFor(t *testing.T, s string) {
	t.Helper()
	found := make(chan bool, 1)
	go func() {
		l.mu.Lock()
		for !strings.Contains(l.buf.String(), s) && !l.ended {
			l.cond.Wait()
		}
		found <- strings.Contains(l.buf.String(), s)
		l.mu.Unlock()
	}()
	select {
	case ok := <-found:
		if !ok {
			t.Fatalf("the program ended without printing %q; its output:\n%s", s, l.String())
		}
	case <-time.After(30 * time.Second):
		l.end() // lets the waiting goroutine go
		t.Fatalf("timed out waiting for %q in output:\n%s", s, l.String())
	}
}

// startExampleServer runs tls-server.js in this process until the test ends.
func startExampleServer(t *testing.T) *lines {
	t.Helper()
	needDocumentedPort(t)
	dir, _ := filepath.Abs("examples")
	out := newLines()
	ctx, cancel := context.WithCancel(context.Background())
	rt := runtime.New(runtime.Options{Dir: dir, Stdout: out, Stderr: out, Stdin: strings.NewReader("")})
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer out.end()
		rt.RunFile(ctx, "tls-server.js")
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	out.waitFor(t, "server bound\n")
	return out
}

// runExampleClient runs tls-client.js with stdin and returns its output.
func runExampleClient(t *testing.T, stdin string) (string, string, int) {
	t.Helper()
	dir, _ := filepath.Abs("examples")
	var out, errb bytes.Buffer
	rt := runtime.New(runtime.Options{Dir: dir, Stdout: &out, Stderr: &errb, Stdin: strings.NewReader(stdin), NoWarnings: true})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	code, err := rt.RunFile(ctx, "tls-client.js")
	if err != nil {
		t.Fatalf("client: %v\nstdout:\n%s\nstderr:\n%s", err, out.String(), errb.String())
	}
	return out.String(), errb.String(), code
}

// checkClientOutput checks what the documented client prints: it connects
// authorized, prints the greeting and the echo, and, when the server ends
// the stream, dies of the undefined `server` in its 'end' handler.
func checkClientOutput(t *testing.T, stdout, stderr string, code int, sent string) {
	t.Helper()
	if !strings.HasPrefix(stdout, "client connected authorized\n") || !strings.Contains(stdout, "welcome!\n") ||
		!strings.Contains(stdout, sent) {
		t.Fatalf("client stdout:\n%s\nstderr:\n%s", stdout, stderr)
	}
	if code != 1 || !strings.Contains(stderr, "ReferenceError: server is not defined") {
		t.Fatalf("client exit %d, stderr:\n%s", code, stderr)
	}
}

func TestTLSExamples(t *testing.T) {
	t.Run("gojatls client, gojatls server", func(t *testing.T) {
		server := startExampleServer(t)
		stdout, stderr, code := runExampleClient(t, "hello from gojatls\n")
		checkClientOutput(t, stdout, stderr, code, "hello from gojatls\n")
		server.waitFor(t, "server connected authorized\n")
	})

	t.Run("openssl s_client, gojatls server", func(t *testing.T) {
		if _, err := exec.LookPath("openssl"); err != nil {
			t.Skip("openssl is not installed (.ci/run installs it)")
		}
		server := startExampleServer(t)
		ctx, cancel := context.WithTimeout(context.Background(), peerTimeout)
		defer cancel()
		// Killed at the deadline, openssl closes its stdout: the reads
		// below end instead of hanging.
		cmd := exec.CommandContext(ctx, "openssl", "s_client", "-connect", "127.0.0.1:8000", "-quiet", "-ign_eof")
		stdin, _ := cmd.StdinPipe()
		stdout, _ := cmd.StdoutPipe()
		cmd.Stderr = io.Discard
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		defer cmd.Process.Kill()
		r := bufio.NewReader(stdout)
		if line, err := r.ReadString('\n'); err != nil || line != "welcome!\n" {
			t.Fatalf("first line %q, %v", line, err)
		}
		io.WriteString(stdin, "from openssl\n")
		if line, err := r.ReadString('\n'); err != nil || line != "from openssl\n" {
			t.Fatalf("echo %q, %v", line, err)
		}
		server.waitFor(t, "server connected unauthorized\n")
	})

	node, nodeErr := exec.LookPath("node")
	needNode := func(t *testing.T) {
		if nodeErr != nil {
			t.Skip("node is not installed: the examples are not run against node (.ci/run installs it)")
		}
	}
	dir, _ := filepath.Abs("examples")

	t.Run("node client, gojatls server", func(t *testing.T) {
		needNode(t)
		server := startExampleServer(t)
		ctx, cancel := context.WithTimeout(context.Background(), peerTimeout)
		defer cancel()
		cmd := exec.CommandContext(ctx, node, "tls-client.js")
		cmd.Dir = dir
		cmd.Stdin = strings.NewReader("hello from node\n")
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		if ctx.Err() != nil {
			t.Fatalf("node's client did not end within %v\nstdout:\n%s\nstderr:\n%s", peerTimeout, out.String(), errb.String())
		}
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		}
		checkClientOutput(t, out.String(), errb.String(), code, "hello from node\n")
		server.waitFor(t, "server connected authorized\n")
	})

	t.Run("gojatls client, node server", func(t *testing.T) {
		needNode(t)
		needDocumentedPort(t)
		cmd := exec.Command(node, "tls-server.js")
		cmd.Dir = dir
		out := newLines()
		cmd.Stdout, cmd.Stderr = out, out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan struct{})
		go func() { cmd.Wait(); out.end(); close(exited) }()
		defer func() { cmd.Process.Kill(); <-exited }()
		out.waitFor(t, "server bound\n")
		stdout, stderr, code := runExampleClient(t, "hello to node\n")
		checkClientOutput(t, stdout, stderr, code, "hello to node\n")
		out.waitFor(t, "server connected authorized\n")
	})
}
