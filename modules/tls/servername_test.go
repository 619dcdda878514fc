package tls_test

import (
	"bufio"
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/gojatls/gojatls/runtime"
)

// A ClientHello whose server name is over 255 bytes or holds a NUL is
// refused in the handshake, as OpenSSL refuses it ('bad extension'), by a
// tls.Server and by a server-side SecurePair; both then serve a good name.
// crypto/tls's client sends such names, so it plays the hostile client.
const serverNameScript = `
var tls = require('tls'), net = require('net'), fs = require('fs'), crypto = require('crypto');
var opts = { key: fs.readFileSync('server-key.pem'), cert: fs.readFileSync('server-cert.pem') };
var events = 0;
function done(what) {
  console.log(what);
  if (++events === 6) { server.close(); plain.close(); }
}
var server = tls.createServer(opts, function (c) { done('server secure ' + c.servername.length); c.end(); });
server.on('clientError', function (err) { done('server clientError ' + err.message); });
var creds = crypto.createCredentials(opts);
var plain = net.createServer(function (socket) {
  var pair = tls.createSecurePair(creds, true), failed = false;
  socket.pipe(pair.encrypted);
  pair.encrypted.pipe(socket);
  socket.on('error', function () {});
  function fail(err) {
    if (!failed) { failed = true; done('pair error ' + err.message); }
  }
  pair.on('error', fail);
  pair.cleartext.on('error', fail);
  pair.on('secure', function () { done('pair secure ' + pair.cleartext.servername.length); pair.cleartext.end(); });
});
server.listen(0, '127.0.0.1', function () {
  plain.listen(0, '127.0.0.1', function () {
    console.log(server.address().port + ' ' + plain.address().port);
  });
});
`

func TestBadServerNameRefused(t *testing.T) {
	dir, _ := filepath.Abs("../../js-tests/fixtures")
	outR, outW := io.Pipe()
	var errb strings.Builder
	rt := runtime.New(runtime.Options{Dir: dir, Stdout: outW, Stderr: &errb})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	result := make(chan error, 1)
	go func() {
		code, err := rt.RunString(ctx, "servername.js", serverNameScript)
		if err == nil && code != 0 {
			err = fmt.Errorf("exit code %d", code)
		}
		outW.Close()
		result <- err
	}()
	// Read the script's output as it comes, so that its console.log never
	// waits for the test.
	lines := make(chan string, 100)
	go func() {
		defer close(lines)
		for s := bufio.NewScanner(outR); s.Scan(); {
			lines <- s.Text()
		}
	}()
	first, ok := <-lines
	if !ok {
		t.Fatalf("no ports; stderr:\n%s", errb.String())
	}
	var tlsPort, pairPort string
	fmt.Sscan(first, &tlsPort, &pairPort)

	good := strings.Repeat("a.", 127) + "a" // 255 bytes
	names := []string{strings.Repeat("a", 256), "a\x00b.test", good}
	for _, port := range []string{tlsPort, pairPort} {
		for _, name := range names {
			dialer := &net.Dialer{Timeout: 20 * time.Second, Deadline: time.Now().Add(20 * time.Second)}
			conn, err := tls.DialWithDialer(dialer, "tcp", net.JoinHostPort("127.0.0.1", port), &tls.Config{ServerName: name, InsecureSkipVerify: true})
			if name == good {
				if err != nil {
					t.Fatalf("port %s, a 255-byte name: %v", port, err)
				}
				_, _ = io.Copy(io.Discard, conn)
				conn.Close()
			} else if err == nil {
				conn.Close()
				t.Fatalf("port %s: the server name %q was taken", port, name)
			}
		}
	}
	var got []string
	for line := range lines {
		got = append(got, line)
	}
	if err := <-result; err != nil {
		t.Fatalf("%v; stderr:\n%s", err, errb.String())
	}
	sort.Strings(got)
	want := []string{
		"pair error bad extension", "pair error bad extension", "pair secure 255",
		"server clientError bad extension", "server clientError bad extension", "server secure 255",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
