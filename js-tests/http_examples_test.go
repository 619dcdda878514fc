package jstests

import (
	"bytes"
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/gojatls/gojatls/runtime"
)

// The documentation's http and https examples (js-tests/examples/http-*.js
// and https-*.js, verbatim, but for the host and port of examples that
// fetched from Google: they name local servers) run against each other and
// against real peers: curl, Go's net/http and node. The servers listen on
// the documented ports (8000, 1337), so these run one at a time, under the
// shared lock.

// runExample runs examples/name in dir (the working directory its relative
// paths are read from) until it ends or ctx does.
func runExample(ctx context.Context, t *testing.T, dir, name string) (stdout, stderr string, code int) {
	t.Helper()
	script, _ := filepath.Abs(filepath.Join("examples", name))
	var out, errb syncBuffer
	rt := runtime.New(runtime.Options{Dir: dir, Stdout: &out, Stderr: &errb, Stdin: strings.NewReader(""), NoWarnings: true})
	code, err := rt.RunFile(ctx, script)
	if err != nil && ctx.Err() == nil {
		t.Fatalf("%s: %v\nstdout:\n%s\nstderr:\n%s", name, err, out.String(), errb.String())
	}
	return out.String(), errb.String(), code
}

// waitListening waits until something accepts connections on addr.
func waitListening(t *testing.T, addr string) {
	t.Helper()
	deadline := time.Now().Add(hangGuard)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			_ = c.Close()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("nothing listens on %s: %v", addr, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// keysDir makes a directory with the key and certificate at the paths the
// https example reads (test/fixtures/keys/agent2-*.pem): the examples'
// self-signed server pair.
func keysDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	keys := filepath.Join(dir, "test", "fixtures", "keys")
	if err := os.MkdirAll(keys, 0o755); err != nil {
		t.Fatal(err)
	}
	for from, to := range map[string]string{"server-key.pem": "agent2-key.pem", "server-cert.pem": "agent2-cert.pem"} {
		b, err := os.ReadFile(filepath.Join("examples", from))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(keys, to), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// startHTTPSExample runs https-server.js until the test ends.
func startHTTPSExample(t *testing.T) {
	t.Helper()
	startExample(t, keysDir(t), "https-server.js")
}

// startExample runs the server example name in dir until the test ends;
// it listens on port 8000.
func startExample(t *testing.T, dir, name string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		runExample(ctx, t, dir, name)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	waitListening(t, "127.0.0.1:8000")
}

// checkFetchOutput checks what https-request.js and https-get.js print.
func checkFetchOutput(t *testing.T, stdout string) {
	t.Helper()
	if !strings.Contains(stdout, "statusCode:  200\n") || !strings.HasSuffix(stdout, "hello world\n") ||
		!strings.Contains(stdout, "headers: ") {
		t.Fatalf("stdout:\n%s", stdout)
	}
}

func TestHTTPSExamples(t *testing.T) {
	for _, client := range []string{"https-request.js", "https-get.js"} {
		t.Run("gojatls "+client+", gojatls server", func(t *testing.T) {
			startHTTPSExample(t)
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			stdout, stderr, code := runExample(ctx, t, t.TempDir(), client)
			if code != 0 || stderr != "" {
				t.Fatalf("exit %d, stderr:\n%s", code, stderr)
			}
			checkFetchOutput(t, stdout)
		})
	}

	// The examples whose requests carry tls options (an https.Agent's, or
	// the request's own with agent: false).
	for _, client := range []string{"https-agent.js", "https-no-agent.js"} {
		t.Run("gojatls "+client+", gojatls server", func(t *testing.T) {
			startHTTPSExample(t)
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			stdout, stderr, code := runExample(ctx, t, keysDir(t), client)
			if code != 0 || stderr != "" || stdout != "statusCode:  200\nhello world\n" {
				t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
			}
		})
	}

	t.Run("Go's net/http client, gojatls server", func(t *testing.T) {
		startHTTPSExample(t)
		c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
		defer c.CloseIdleConnections()
		for i := 0; i < 3; i++ { // over one kept connection
			res, err := c.Get("https://localhost:8000/")
			if err != nil {
				t.Fatal(err)
			}
			body, err := io.ReadAll(res.Body)
			res.Body.Close()
			if err != nil || res.StatusCode != 200 || string(body) != "hello world\n" || res.Proto != "HTTP/1.1" {
				t.Fatalf("%s %d %q %v", res.Proto, res.StatusCode, body, err)
			}
		}
	})

	t.Run("curl, gojatls server", func(t *testing.T) {
		if _, err := exec.LookPath("curl"); err != nil {
			t.Skip("curl is not installed (.ci/run installs it)")
		}
		startHTTPSExample(t)
		out, err := exec.Command("curl", "-sk", "https://localhost:8000/", "https://localhost:8000/").Output()
		if err != nil || string(out) != "hello world\nhello world\n" {
			t.Fatalf("curl: %q, %v", out, err)
		}
	})

	node, err := exec.LookPath("node")
	if err != nil {
		t.Log("node is not installed: the examples are not run against node (.ci/run installs it)")
		return
	}
	t.Run("node https-request.js, gojatls server", func(t *testing.T) {
		startHTTPSExample(t)
		cmd := exec.Command(node, "https-request.js")
		cmd.Dir = "examples"
		cmd.Env = append(os.Environ(), "NODE_TLS_REJECT_UNAUTHORIZED=0")
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			t.Fatalf("%v\n%s\n%s", err, out.String(), errb.String())
		}
		checkFetchOutput(t, out.String())
	})

	t.Run("gojatls https-get.js, node server", func(t *testing.T) {
		cmd := exec.Command(node, filepath.Join(mustAbs(t, "examples"), "https-server.js"))
		cmd.Dir = keysDir(t)
		cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		defer func() { cmd.Process.Kill(); cmd.Wait() }()
		waitListening(t, "127.0.0.1:8000")
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		stdout, stderr, code := runExample(ctx, t, t.TempDir(), "https-get.js")
		if code != 0 || stderr != "" {
			t.Fatalf("exit %d, stderr:\n%s", code, stderr)
		}
		checkFetchOutput(t, stdout)
	})
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

func TestHTTPExamples(t *testing.T) {
	t.Run("upgrade", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		stdout, stderr, code := runExample(ctx, t, t.TempDir(), "http-upgrade.js")
		if code != 0 || stdout != "got upgraded!\n" {
			t.Fatalf("exit %d, stdout %q, stderr:\n%s", code, stdout, stderr)
		}
	})

	// http-request.js and http-get.js against Go's net/http server in
	// place of www.google.com.
	mux := http.NewServeMux()
	mux.HandleFunc("/upload", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		fmt.Fprintf(w, "%s %s %q", r.Method, r.TransferEncoding, body)
	})
	mux.HandleFunc("/index.html", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "<html></html>")
	})
	// The origin behind the CONNECT proxy, and the Agent examples' server:
	// it closes each connection after its response, so that the socket
	// the first Agent example takes out of the pool ends.
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Connection", "close")
		fmt.Fprintf(w, "origin %s %s", r.Method, r.Host)
	})
	l, err := net.Listen("tcp", "127.0.0.1:8000")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: mux}
	go srv.Serve(l)
	defer srv.Close()

	t.Run("request", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		stdout, stderr, code := runExample(ctx, t, t.TempDir(), "http-request.js")
		want := "BODY: POST [chunked] \"data\\ndata\\n\"\n"
		if code != 0 || !strings.HasPrefix(stdout, "STATUS: 200\nHEADERS: {") || !strings.HasSuffix(stdout, want) {
			t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
		}
	})
	t.Run("get", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		stdout, stderr, code := runExample(ctx, t, t.TempDir(), "http-get.js")
		if code != 0 || stdout != "Got response: 200\n" {
			t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
		}
	})
	t.Run("connect", func(t *testing.T) {
		// The proxy on 1337 tunnels to the server above.
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		stdout, stderr, code := runExample(ctx, t, t.TempDir(), "http-connect.js")
		if code != 0 || !strings.HasPrefix(stdout, "got connected!\nHTTP/1.1 200 OK\r\n") ||
			!strings.Contains(stdout, "\r\n\r\norigin GET localhost:8000") {
			t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
		}
	})
	t.Run("agent", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		stdout, stderr, code := runExample(ctx, t, t.TempDir(), "http-agent.js")
		lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
		sort.Strings(lines)
		if code != 0 || strings.Join(lines, "|") != "removed from the pool: 200|without an agent: 200" {
			t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
		}
	})
}

// The http.ServerResponse examples (http-response.js, a server on 8000)
// fetched by Go's net/http client, and the ClientRequest 'response'
// listener example against it.
func TestHTTPResponseExamples(t *testing.T) {
	startExample(t, t.TempDir(), "http-response.js")
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	c := &http.Client{Transport: tr, Timeout: hangGuard}
	get := func(path string) (*http.Response, string) {
		t.Helper()
		res, err := c.Get("http://127.0.0.1:8000" + path)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		return res, string(body)
	}
	res, body := get("/writeHead")
	if res.StatusCode != 200 || body != "hello world" || res.ContentLength != 11 || res.Header.Get("Content-Type") != "text/plain" {
		t.Errorf("/writeHead: %d %q %v", res.StatusCode, body, res.Header)
	}
	res, body = get("/statusCode")
	if res.StatusCode != 404 || res.Status != "404 Not Found" || body != "" {
		t.Errorf("/statusCode: %q %q", res.Status, body)
	}
	res, body = get("/headers")
	if body != "text/html" || res.Header.Get("Content-Type") != "text/html" ||
		strings.Join(res.Header.Values("Set-Cookie"), "|") != "type=ninja|language=javascript" {
		t.Errorf("/headers: %q %v", body, res.Header)
	}
	res, body = get("/trailers")
	if body != "file data" || res.Trailer.Get("Content-MD5") != "7895bf4b8828b55ceaf47747b4bca667" {
		t.Errorf("/trailers: %q %v", body, res.Trailer)
	}

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	stdout, stderr, code := runExample(ctx, t, t.TempDir(), "http-response-listener.js")
	if code != 0 || stdout != "BODY: hello world\n" {
		t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}
