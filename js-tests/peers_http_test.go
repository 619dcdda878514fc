package jstests

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gojatls/gojatls/runtime"
)

// Real peers for http and https: js-tests/http/_peer-server.js and
// _peer-client.js run under gojatls and under node in every pairing (the
// client's output must be the same), and curl, Go's net/http and openssl
// s_client talk to the gojatls server.

// peerWant is what _peer-client.js prints against _peer-server.js.
const peerWant = `GET /echo?a=1 200 text/plain "GET /echo?a=1 1.1 get \"\"" {}
POST /echo 200 text/plain "POST /echo 1.1 post \"posted body\"" {}
PUT /echo 200 text/plain "PUT /echo 1.1 - \"put\"" {}
GET /chunked 200 text/plain "chunk one,chunk two" {"x-t":"trailer"}
GET /big 200 undefined 1048576 bytes {}
HEAD /echo 200 text/plain "" {}
GET /quit 200 undefined "bye" {}
`

var listeningLine = regexp.MustCompile(`listening (\d+)\n`)

// startPeerServer runs _peer-server.js (mode http or https) under gojatls
// (node "") or node, and returns its port.
func startPeerServer(t *testing.T, node, mode string) int {
	t.Helper()
	out := newLines()
	script := mustAbs(t, filepath.Join("http", "_peer-server.js"))
	if node != "" {
		cmd := exec.Command(node, "--no-deprecation", script, mode)
		cmd.Stdout, cmd.Stderr = out, out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	} else {
		ctx, cancel := context.WithCancel(context.Background())
		rt := runtime.New(runtime.Options{Dir: filepath.Dir(script), Args: []string{mode}, Stdout: out, Stderr: out, Stdin: strings.NewReader("")})
		done := make(chan struct{})
		go func() {
			defer close(done)
			rt.RunFile(ctx, script)
		}()
		t.Cleanup(func() { cancel(); <-done })
	}
	out.waitFor(t, "listening ")
	out.waitFor(t, "\n")
	m := listeningLine.FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("server output: %q", out.String())
	}
	port, _ := strconv.Atoi(m[1])
	return port
}

// runPeerClient runs _peer-client.js under gojatls (node "") or node.
func runPeerClient(t *testing.T, node, mode string, port int) string {
	t.Helper()
	script := mustAbs(t, filepath.Join("http", "_peer-client.js"))
	args := []string{mode, strconv.Itoa(port)}
	var out, errb bytes.Buffer
	if node != "" {
		cmd := exec.Command(node, append([]string{"--no-deprecation", script}, args...)...)
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			t.Fatalf("node client: %v\n%s\n%s", err, out.String(), errb.String())
		}
		return out.String()
	}
	rt := runtime.New(runtime.Options{Dir: filepath.Dir(script), Args: args, Stdout: &out, Stderr: &errb, Stdin: strings.NewReader("")})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	code, err := rt.RunFile(ctx, script)
	if err != nil || code != 0 {
		t.Fatalf("gojatls client: exit %d, %v\n%s\n%s", code, err, out.String(), errb.String())
	}
	return out.String()
}

func TestHTTPPeers(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Log("node is not installed: gojatls is paired with itself only (.ci/run installs node)")
	}
	runtimes := map[string]string{"gojatls": ""}
	if node != "" {
		runtimes["node"] = node
	}
	for _, mode := range []string{"http", "https"} {
		for sname, sbin := range runtimes {
			for cname, cbin := range runtimes {
				t.Run(mode+" "+cname+" client, "+sname+" server", func(t *testing.T) {
					port := startPeerServer(t, sbin, mode)
					if got := runPeerClient(t, cbin, mode, port); got != peerWant {
						t.Fatalf("client output:\n%s\nwant:\n%s", got, peerWant)
					}
				})
			}
		}
	}
}

func TestHTTPToolPeers(t *testing.T) {
	for _, mode := range []string{"http", "https"} {
		t.Run("Go net/http "+mode, func(t *testing.T) {
			port := startPeerServer(t, "", mode)
			pool := x509.NewCertPool()
			pool.AppendCertsFromPEM(fixture(t, "ca-root-cert.pem"))
			// The client offers h2 and http/1.1 (ALPN), as browsers do: an
			// https server's default NPNProtocols pick http/1.1.
			tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, ServerName: "localhost"}, ForceAttemptHTTP2: true}
			defer tr.CloseIdleConnections()
			c := &http.Client{Transport: tr, Timeout: hangGuard}
			base := mode + "://127.0.0.1:" + strconv.Itoa(port)
			for i := 0; i < 3; i++ {
				req, _ := http.NewRequest("POST", base+"/echo", strings.NewReader("from go"))
				req.Header.Set("X-Test", "go")
				res, err := c.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				body, _ := io.ReadAll(res.Body)
				res.Body.Close()
				if string(body) != `POST /echo 1.1 go "from go"` || res.Proto != "HTTP/1.1" {
					t.Fatalf("%s %q", res.Proto, body)
				}
				if mode == "https" && res.TLS.NegotiatedProtocol != "http/1.1" {
					t.Fatalf("ALPN chose %q", res.TLS.NegotiatedProtocol)
				}
			}
			res, err := c.Get(base + "/chunked")
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if string(body) != "chunk one,chunk two" || res.Trailer.Get("X-T") != "trailer" {
				t.Fatalf("%q %v", body, res.Trailer)
			}
			res, err = c.Get(base + "/big")
			if err != nil {
				t.Fatal(err)
			}
			n, _ := io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if n != 1<<20 {
				t.Fatalf("/big: %d bytes", n)
			}
		})
		t.Run("curl "+mode, func(t *testing.T) {
			if _, err := exec.LookPath("curl"); err != nil {
				t.Skip("curl is not installed (.ci/run installs it)")
			}
			port := startPeerServer(t, "", mode)
			base := mode + "://localhost:" + strconv.Itoa(port)
			cmd := exec.Command("curl", "-sS", "--cacert", filepath.Join("fixtures", "ca-root-cert.pem"),
				"-H", "X-Test: curl", base+"/echo", "-d", "curl body", "--next",
				"--cacert", filepath.Join("fixtures", "ca-root-cert.pem"), base+"/chunked")
			out, err := cmd.CombinedOutput()
			if err != nil || string(out) != `POST /echo 1.1 curl "curl body"chunk one,chunk two` {
				t.Fatalf("curl: %q, %v", out, err)
			}
		})
	}
	t.Run("openssl s_client https", func(t *testing.T) {
		if _, err := exec.LookPath("openssl"); err != nil {
			t.Skip("openssl is not installed (.ci/run installs it)")
		}
		port := startPeerServer(t, "", "https")
		cmd := exec.Command("openssl", "s_client", "-connect", "127.0.0.1:"+strconv.Itoa(port),
			"-CAfile", filepath.Join("fixtures", "ca-root-cert.pem"), "-quiet", "-verify_return_error")
		cmd.Stdin = strings.NewReader("GET /echo HTTP/1.1\r\nHost: localhost\r\nX-Test: openssl\r\n\r\n" +
			"GET /quit HTTP/1.1\r\nHost: localhost\r\n\r\n")
		var out bytes.Buffer
		cmd.Stdout = &out
		if err := cmd.Run(); err != nil {
			t.Fatalf("s_client: %v\n%s", err, out.String())
		}
		br := bufio.NewReader(&out)
		for _, want := range []string{`GET /echo 1.1 openssl ""`, "bye"} {
			res, err := http.ReadResponse(br, nil)
			if err != nil {
				t.Fatalf("%v in %q", err, out.String())
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if string(body) != want {
				t.Fatalf("%q, want %q", body, want)
			}
		}
	})
}
