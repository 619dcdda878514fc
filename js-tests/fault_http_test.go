package jstests

// Hostile and broken HTTP peers against gojatls http and https servers
// and clients: malformed request lines, heads over the limit, bad chunk
// sizes, lengths that lie, clients that send a head and vanish or reset,
// messages split into one-byte packets, upgrades nobody takes. Each ends
// only its own connection ('clientError' or 400/close as Node 0.7 did),
// the server then serves a fresh client, and nothing is left behind.

import (
	"bufio"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

// httpServerJS is an http (harness.mode "http") or https ("https")
// server: it answers "ok <body length>" once a request's body has ended,
// and reports 'request', 'aborted' and 'clientError' (with the error's
// code).
const httpServerJS = `
var http = require('http'), https = require('https');
var fs = require('fs'), path = require('path');
var h = require('harness');

function handler(req, res) {
  h.send('request', req.method + ' ' + req.url);
  var n = 0;
  req.on('data', function (d) { n += d.length; });
  req.on('end', function () { res.end('ok ' + n); });
  req.on('aborted', function () { h.send('aborted', req.url); });
}
var server = h.mode === 'https' ? https.createServer({
  key: fs.readFileSync(path.join(__dirname, 'fixtures', 'leaf-server-key.pem')),
  cert: fs.readFileSync(path.join(__dirname, 'fixtures', 'leaf-server-chain.pem'))
}, handler) : http.createServer(handler);
server.on('clientError', function (err) { h.send('clientError', err.code || err.message); });
server.listen(0, '127.0.0.1', function () { h.send('listening', server.address().port); });
h.onCommand(function (cmd) { if (cmd === 'sync') h.send('sync'); });
`

// dialHTTP connects to the server, over TLS for https.
func dialHTTP(t testing.TB, mode string, port int) net.Conn {
	t.Helper()
	if mode == "https" {
		c, err := dialTLS(port, insecure())
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	return rawDial(t, port)
}

// closeWrite half-closes a plain or TLS connection.
func closeWrite(c net.Conn) {
	switch v := c.(type) {
	case *net.TCPConn:
		_ = v.CloseWrite()
	case *tls.Conn:
		_ = v.CloseWrite()
	}
}

// mustServe fails unless a fresh client (Go's net/http) gets "ok 3" for
// a small POST.
func mustServe(t testing.TB, r *scriptRun, mode string, port int) {
	t.Helper()
	tr := &http.Transport{TLSClientConfig: insecure()}
	defer tr.CloseIdleConnections()
	c := &http.Client{Transport: tr, Timeout: hangGuard}
	res, err := c.Post(mode+"://127.0.0.1:"+strconv.Itoa(port)+"/fresh", "text/plain", strings.NewReader("abc"))
	if err != nil {
		t.Fatalf("the server no longer serves: %v\nevents: %v\nstderr:\n%s", err, r.snapshot(), r.stderr.String())
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if string(body) != "ok 3" {
		t.Fatalf("fresh client got %q", body)
	}
}

func TestFaultHTTPInput(t *testing.T) {
	for _, mode := range []string{"http", "https"} {
		t.Run(mode, func(t *testing.T) { faultHTTPInput(t, mode) })
	}
}

func faultHTTPInput(t *testing.T, mode string) {
	check := leakCheck(t)
	r := startScript(t, "fault-http.js", mode, httpServerJS)
	t.Cleanup(func() { r.cancel(); <-r.done })
	port := r.port()

	huge := "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("b", 100*1024) + "\r\n\r\n"
	inputs := []struct{ data, code string }{
		{"XYZ / HTTP/1.1\r\n\r\n", "HPE_INVALID_METHOD"},
		{"GET / HTTP/1.1 extra\r\n\r\n", "HPE_INVALID_VERSION"},
		{"GET /\x01 HTTP/1.1\r\n\r\n", "HPE_INVALID_URL"},
		{"GET / HTTP/1.1\r\n: empty name\r\n\r\n", "HPE_INVALID_HEADER_TOKEN"},
		{huge, "HPE_HEADER_OVERFLOW"},
		{"GET /" + strings.Repeat("a", 200*1024), "HPE_HEADER_OVERFLOW"}, // a line that never ends
		{"POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", "HPE_INVALID_CONTENT_LENGTH"},
		{"POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", "HPE_UNEXPECTED_CONTENT_LENGTH"},
		{"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffffffff\r\n", "HPE_INVALID_CHUNK_SIZE"},
		{"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcXX\r\n", "HPE_INVALID_CHUNK_SIZE"},
		{"POST /lie HTTP/1.1\r\nContent-Length: 100\r\n\r\nshort", "HPE_INVALID_EOF_STATE"},
		{"GET / HTTP/1.1\r\nHost: x\r\n", "HPE_INVALID_EOF_STATE"}, // a head, then gone
	}
	for i, in := range inputs {
		c := dialHTTP(t, mode, port)
		_, _ = c.Write([]byte(in.data)) // the server may hang up before reading it all
		closeWrite(c)
		if _, err := readUntilClosed(c); err != nil {
			t.Fatalf("input %d: %v", i, err)
		}
		_ = c.Close()
		got := r.waitCount("clientError", i+1)
		if got[i] != in.code {
			t.Errorf("input %d (%.30q): clientError %q, want %q", i, in.data, got[i], in.code)
		}
	}
	// The requests whose heads were good and whose bodies were not (two
	// bad chunks, a length that lied) are aborted.
	if n := r.count("aborted"); n != 3 || r.count("request") != 3 {
		t.Errorf("%d 'aborted' for the 3 requests whose bodies broke (%d requests)", n, r.count("request"))
	}

	// A reset in the middle of a body: that request is aborted.
	c := dialHTTP(t, mode, port)
	fmt.Fprintf(c, "POST /reset HTTP/1.1\r\nContent-Length: 1000\r\n\r\npartial")
	r.waitCount("request", 4)
	if tc, ok := c.(*tls.Conn); ok {
		resetClose(tc.NetConn())
	} else {
		resetClose(c)
	}
	r.waitCount("aborted", 4)

	// An upgrade nobody takes: the connection is closed.
	c = dialHTTP(t, mode, port)
	fmt.Fprintf(c, "GET /ws HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n")
	if n, err := readUntilClosed(c); err != nil || n != 0 {
		t.Errorf("upgrade nobody takes: %d bytes, %v", n, err)
	}
	_ = c.Close()

	// Pipelined requests, one byte a packet: each answered, in order.
	c = dialHTTP(t, mode, port)
	if tc, ok := c.(*net.TCPConn); ok {
		_ = tc.SetNoDelay(true)
	}
	reqs := "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nab" +
		"POST /b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nxyz\r\n0\r\n\r\n" +
		"GET /c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
	for i := 0; i < len(reqs); i++ {
		if _, err := c.Write([]byte{reqs[i]}); err != nil {
			t.Fatal(err)
		}
	}
	br := bufio.NewReader(c)
	for _, want := range []string{"ok 2", "ok 3", "ok 0"} {
		res, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatalf("pipelined, split: %v", err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if string(body) != want {
			t.Errorf("pipelined, split: %q, want %q", body, want)
		}
	}
	if n, err := readUntilClosed(c); err != nil || n != 0 {
		t.Errorf("after Connection: close: %d bytes, %v", n, err)
	}
	_ = c.Close()

	mustServe(t, r, mode, port)
	r.noBugEvents()
	r.stop()
	check()
}

// A gojatls client against servers that split responses into one-byte
// packets, or answer junk, or hang up: the body comes whole, the errors
// are Node's, and nothing is left behind.
func TestFaultHTTPClient(t *testing.T) {
	check := leakCheck(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	replies := map[string]string{
		"/split": "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-A: 1\r\n\r\n" +
			"5\r\nhello\r\n1;x=y\r\n \r\n5\r\nworld\r\n0\r\nX-T: t\r\n\r\n",
		"/junk": "\x16\x03\x01\x00\x05hello",
		"/huge": "HTTP/1.1 200 OK\r\nX-Big: " + strings.Repeat("b", 90*1024) + "\r\n\r\n",
		"/hup":  "",
	}
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func(c net.Conn) {
				defer c.Close()
				_ = c.SetDeadline(time.Now().Add(hangGuard))
				req, err := http.ReadRequest(bufio.NewReader(c))
				if err != nil {
					return
				}
				reply := replies[req.URL.Path]
				_ = c.(*net.TCPConn).SetNoDelay(true)
				for i := 0; i < len(reply); i++ {
					if req.URL.Path == "/split" {
						_, _ = c.Write([]byte{reply[i]})
					}
				}
				if req.URL.Path != "/split" {
					_, _ = io.WriteString(c, reply)
				}
			}(c)
		}
	}()
	port := l.Addr().(*net.TCPAddr).Port
	r := startScript(t, "fault-http-client.js", strconv.Itoa(port), `
var http = require('http'), h = require('harness');
var port = +h.mode;
function get(path, next) {
  var req = http.get({ host: '127.0.0.1', port: port, path: path }, function (res) {
    var body = '';
    res.on('data', function (d) { body += d; });
    res.on('end', function () {
      h.send('response', path + ' ' + res.headers['x-a'] + ' ' + body + ' ' + JSON.stringify(res.trailers));
      next();
    });
  });
  req.on('error', function (err) { h.send('error', path + ' ' + err.message + ' ' + err.code); next(); });
}
get('/split', function () {
  get('/junk', function () {
    get('/huge', function () {
      get('/hup', function () { h.send('done'); });
    });
  });
});
`)
	r.waitCount("done", 1)
	want := []string{`/split 1 hello world {"x-t":"t"}`}
	if got := r.values("response"); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("responses %q, want %q", got, want)
	}
	wantErr := []string{
		"/junk Parse Error HPE_INVALID_CONSTANT",
		"/huge Parse Error HPE_HEADER_OVERFLOW",
		"/hup socket hang up ECONNRESET",
	}
	if got := r.values("error"); fmt.Sprint(got) != fmt.Sprint(wantErr) {
		t.Errorf("errors %q, want %q", got, wantErr)
	}
	if code, err := r.wait(); code != 0 || err != nil {
		t.Errorf("exit %d, %v\n%s", code, err, r.stderr.String())
	}
	l.Close()
	check()
}
