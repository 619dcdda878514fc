package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
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
	dumper := exec.CommandContext(ctx, "tshark", "-i", "lo", "-f", "tcp", "-w", capture)
	stderr, err := dumper.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := dumper.Start(); err != nil {
		t.Skipf("tshark cannot start: %v", err)
	}
	var dumperLog bytes.Buffer
	capturing := make(chan bool, 1)
	go func() {
		lines := bufio.NewScanner(stderr)
		started := false
		for lines.Scan() {
			dumperLog.WriteString(lines.Text() + "\n")
			if !started && strings.HasPrefix(lines.Text(), "Capturing on ") {
				started = true
				capturing <- true
			}
		}
		if !started {
			capturing <- false
		}
	}()
	if !<-capturing {
		_ = dumper.Wait()
		t.Skipf("tshark cannot capture on the loopback interface (no permission?):\n%s", dumperLog.String())
	}

	fixtures, _ := filepath.Abs("../../js-tests/fixtures")
	p := script(t, "keylog.js", keylogScript)
	r := gojatls(t, dir, "", "--tls-keylog="+keylog, p, fixtures)
	_ = dumper.Process.Signal(os.Interrupt)
	_ = dumper.Wait()
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
