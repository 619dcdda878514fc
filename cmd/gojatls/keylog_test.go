package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// keylogScript: a TLS server and a client on loopback that each send a
// line; it prints the two ports, for tshark's conversation filter.
const keylogScript = `
var tls = require('tls'), fs = require('fs'), path = require('path');
function fixture(name) { return fs.readFileSync(path.join(process.argv[2], name)); }
var server = tls.createServer({ key: fixture('server-key.pem'), cert: fixture('server-cert.pem') }, function (s) {
  s.end('server says KEYLOG-SERVER-PLAINTEXT\n');
});
server.listen(0, '127.0.0.1', function () {
  var c = tls.connect({ port: server.address().port, host: '127.0.0.1', rejectUnauthorized: false }, function () {
    console.log(server.address().port + ' ' + c.address().port);
    c.write('client says KEYLOG-CLIENT-PLAINTEXT\n');
  });
  c.resume();
  c.on('close', function () { server.close(); });
});
`

// --tls-keylog=FILE writes the key material of client and server
// connections, in the NSS format Wireshark reads: tshark decrypts a
// capture of a gojatls connection with it, and sees both sides' plaintext,
// which it cannot see without it. The file is appended to.
func TestTLSKeylogDecryptsCapture(t *testing.T) {
	if _, err := exec.LookPath("tshark"); err != nil {
		t.Skip("tshark is not installed: the key-log capture test is skipped (.ci/run installs Debian's tshark)")
	}
	dir := t.TempDir()
	capture := filepath.Join(dir, "capture.pcapng")
	keylog := filepath.Join(dir, "keys.log")
	if err := os.WriteFile(keylog, []byte("# an earlier line the run appends after\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dump := startCapture(ctx, t, capture)
	fixtures, _ := filepath.Abs("../../js-tests/fixtures")
	p := script(t, "keylog.js", keylogScript)
	r := gojatls(t, dir, "", "--tls-keylog="+keylog, p, fixtures)
	dump.stop()
	if r.code != 0 {
		t.Fatalf("code %d, stderr:\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "warning: TLS connections are insecure: their secret key material is written to "+keylog) {
		t.Fatalf("no warning about the key log; stderr:\n%s", r.stderr)
	}
	var serverPort, clientPort int
	if _, err := fmt.Sscan(r.stdout, &serverPort, &clientPort); err != nil {
		t.Fatalf("stdout %q: %v", r.stdout, err)
	}
	keys, _ := os.ReadFile(keylog)
	if !strings.HasPrefix(string(keys), "# an earlier line") || !strings.Contains(string(keys), "CLIENT_TRAFFIC_SECRET_0 ") {
		t.Fatalf("key log not appended to:\n%s", keys)
	}

	follow := func(opts ...string) string {
		args := append(opts, "-r", capture, "-q", "-z",
			fmt.Sprintf("follow,tls,ascii,127.0.0.1:%d,127.0.0.1:%d", serverPort, clientPort))
		out, err := exec.CommandContext(ctx, "tshark", args...).CombinedOutput()
		if err != nil {
			t.Fatalf("tshark %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	decrypted := follow("-o", "tls.keylog_file:"+keylog)
	for _, want := range []string{"client says KEYLOG-CLIENT-PLAINTEXT", "server says KEYLOG-SERVER-PLAINTEXT"} {
		if !strings.Contains(decrypted, want) {
			t.Fatalf("tshark with the key log does not show %q:\n%s", want, decrypted)
		}
	}
	if opaque := follow(); strings.Contains(opaque, "PLAINTEXT") {
		t.Fatalf("tshark shows the plaintext without the key log:\n%s", opaque)
	}
}

// capture is tshark capturing TCP on the loopback interface into a file.
// tshark delivers packets late (a capture buffer's timeout) and says
// "Capturing on" before it captures, so the test knows what it has by
// probe connections: sync makes one every 20 ms until tshark shows one of
// them, and then has every packet sent before.
type capture struct {
	t      *testing.T
	ctx    context.Context
	tshark *exec.Cmd
	log    bytes.Buffer
	probe  net.Listener
	seen   chan string // client ports of the probes tshark shows
}

// startCapture starts tshark writing to file, and syncs; the test skips
// when tshark cannot capture.
func startCapture(ctx context.Context, t *testing.T, file string) *capture {
	t.Helper()
	probe, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { probe.Close() })
	go func() {
		for {
			c, err := probe.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	c := &capture{t: t, ctx: ctx, probe: probe, seen: make(chan string, 1000)}
	c.tshark = exec.CommandContext(ctx, "tshark", "-i", "lo", "-f", "tcp", "-w", file, "-P", "-l")
	c.tshark.Stderr = &c.log
	out, err := c.tshark.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.tshark.Start(); err != nil {
		t.Skipf("tshark cannot start: %v", err)
	}
	probed := regexp.MustCompile(fmt.Sprintf(`(\d+) (?:→|->) %d \[SYN\]`, probe.Addr().(*net.TCPAddr).Port))
	go func() {
		defer close(c.seen)
		for lines := bufio.NewScanner(out); lines.Scan(); {
			if m := probed.FindStringSubmatch(lines.Text()); m != nil {
				c.seen <- m[1]
			}
		}
	}()
	c.sync()
	return c
}

// sync returns once tshark has shown a probe connection made after the
// call.
func (c *capture) sync() {
	made := map[string]bool{}
	ticker := time.NewTicker(20 * time.Millisecond)
	defer ticker.Stop()
	for {
		select {
		case port, ok := <-c.seen:
			if !ok {
				_ = c.tshark.Wait()
				c.t.Skipf("tshark cannot capture on the loopback interface (no permission?):\n%s", c.log.String())
			}
			if made[port] {
				return
			}
		case <-ticker.C:
			if conn, err := net.Dial("tcp", c.probe.Addr().String()); err == nil {
				_, port, _ := net.SplitHostPort(conn.LocalAddr().String())
				made[port] = true
				conn.Close()
			}
		case <-c.ctx.Done():
			c.t.Fatalf("tshark never showed a probe connection:\n%s", c.log.String())
		}
	}
}

// stop syncs, so that the file holds every packet sent before, and ends
// the capture.
func (c *capture) stop() {
	c.sync()
	_ = c.tshark.Process.Signal(os.Interrupt)
	_ = c.tshark.Wait()
}
