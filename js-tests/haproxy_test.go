package jstests

import (
	"bufio"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// haproxyConfig is HAProxy in TCP mode in front of gojatls processes, the
// configuration the README gives for running on many machines: TLS passes
// through untouched, each gojatls process does its own handshakes, so the
// client verifies the gojatls server's certificate and the server the
// client's. bind is the listening address (a port, or fd@N for a socket
// HAProxy inherits); servers are the gojatls processes' host:port.
func haproxyConfig(bind string, servers []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `global
    maxconn 1024

defaults
    mode tcp
    timeout connect 5s
    timeout client 1m
    timeout server 1m

frontend tls_in
    bind %s
    default_backend gojatls

backend gojatls
    balance roundrobin
`, bind)
	for i, s := range servers {
		fmt.Fprintf(&b, "    server gojatls%d %s check\n", i+1, s)
	}
	return b.String()
}

// TestHAProxyInFront runs HAProxy (TCP mode, round robin, health checks)
// on loopback in front of two gojatls processes running a tls server
// (haproxy/_tls-server.js), and checks that TLS connections reach both
// and are verified end to end: the client verifies the server's chain
// against the test CA, and the server requires and verifies the client's
// certificate (it answers with its id, its pid, whether the client was
// authorized and the client's CN). A client without a certificate is
// refused by the gojatls server behind HAProxy.
func TestHAProxyInFront(t *testing.T) {
	haproxy, err := exec.LookPath("haproxy")
	if err != nil {
		t.Skip("haproxy is not installed (Debian package haproxy; .ci/run installs it)")
	}
	dir, _ := filepath.Abs("haproxy")
	bin := gojatlsBinary(t)

	// The two gojatls processes, each on a port of its own choosing.
	var backends []string
	pids := map[string]int{}
	for _, id := range []string{"one", "two"} {
		cmd := exec.Command(bin, "_tls-server.js", id)
		cmd.Dir = dir
		cmd.Stderr = os.Stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		line, err := bufio.NewReader(out).ReadString('\n')
		port, ok := strings.CutPrefix(strings.TrimSpace(line), "listening ")
		if err != nil || !ok {
			t.Fatalf("gojatls %s: %q, %v", id, line, err)
		}
		backends = append(backends, "127.0.0.1:"+port)
		pids[id] = cmd.Process.Pid
	}

	// HAProxy accepts on a socket made here (bind fd@3), so that the port
	// is free and connections wait in its backlog until HAProxy runs.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	lf, err := l.(*net.TCPListener).File()
	l.Close()
	if err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(t.TempDir(), "haproxy.cfg")
	if err := os.WriteFile(cfg, []byte(haproxyConfig("fd@3", backends)), 0o644); err != nil {
		t.Fatal(err)
	}
	var hlog strings.Builder
	hcmd := exec.Command(haproxy, "-db", "-f", cfg)
	hcmd.ExtraFiles = []*os.File{lf}
	hcmd.Stdout, hcmd.Stderr = &hlog, &hlog
	if err := hcmd.Start(); err != nil {
		t.Fatal(err)
	}
	frontend := l.Addr().String()
	lf.Close()
	t.Cleanup(func() { hcmd.Process.Kill(); hcmd.Wait() })

	fixtures, _ := filepath.Abs("fixtures")
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(fixtures, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	roots := x509.NewCertPool()
	if !roots.AppendCertsFromPEM(read("ca-root-cert.pem")) {
		t.Fatal("ca-root-cert.pem")
	}
	clientCert, err := tls.X509KeyPair(read("leaf-client-chain.pem"), read("leaf-client-key.pem"))
	if err != nil {
		t.Fatal(err)
	}
	dial := func(cfg *tls.Config) (string, error) {
		d := &net.Dialer{Timeout: 10 * time.Second}
		c, err := tls.DialWithDialer(d, "tcp", frontend, cfg)
		if err != nil {
			return "", err
		}
		defer c.Close()
		c.SetDeadline(time.Now().Add(10 * time.Second))
		b, err := io.ReadAll(c)
		return string(b), err
	}

	seen := map[string]int{}
	for i := range 10 {
		answer, err := dial(&tls.Config{RootCAs: roots, ServerName: "localhost", Certificates: []tls.Certificate{clientCert}})
		if err != nil {
			t.Fatalf("connection %d through HAProxy: %v\nhaproxy: %s", i, err, hlog.String())
		}
		// "<id> <pid> <authorized> <client CN>"
		f := strings.SplitN(strings.TrimSpace(answer), " ", 4)
		if len(f) != 4 {
			t.Fatalf("answer %q", answer)
		}
		id := f[0]
		if pid, ok := pids[id]; !ok || f[1] != strconv.Itoa(pid) || f[2] != "true" || f[3] != "gojatls test client" {
			t.Fatalf("answer %q: want one of %v, authorized, CN gojatls test client", answer, pids)
		}
		seen[id]++
	}
	if seen["one"] == 0 || seen["two"] == 0 {
		t.Fatalf("connections did not reach both gojatls processes: %v", seen)
	}

	// Without a client certificate the gojatls server (not HAProxy)
	// refuses the handshake.
	answer, err := dial(&tls.Config{RootCAs: roots, ServerName: "localhost"})
	if err == nil {
		t.Fatalf("a client without a certificate got %q", answer)
	}
	t.Logf("connections per process: %v; without a client certificate: %v", seen, err)
}

// TestReadmeHAProxyConfig checks that the README's "Past one machine"
// shows the configuration TestHAProxyInFront runs, with a public port and
// two machines' addresses.
func TestReadmeHAProxyConfig(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "\n## Past one machine\n")
	if !ok {
		t.Fatal(`README.md has no "## Past one machine" section`)
	}
	_, block, ok := strings.Cut(section, "```haproxy\n")
	block, _, ok2 := strings.Cut(block, "```\n")
	if !ok || !ok2 {
		t.Fatal(`"Past one machine" has no haproxy block`)
	}
	if want := haproxyConfig("*:443", []string{"10.0.0.1:8000", "10.0.0.2:8000"}); block != want {
		t.Fatalf("the README's configuration:\n%s\nis not the tested one:\n%s", block, want)
	}
}
