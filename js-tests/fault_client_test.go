package jstests

// Faults on the client side of gojatls: tls.connect to servers that never
// answer, answer with junk or vanish.

import (
	"crypto/tls"
	"io"
	"net"
	"strconv"
	"sync"
	"testing"
	"time"
)

// fakeServer accepts TCP connections and hands each to serve on a
// goroutine of its own, or only holds it when serve is nil; Close closes the
// listener and every connection and waits for the handlers.
type fakeServer struct {
	l     net.Listener
	wg    sync.WaitGroup
	mu    sync.Mutex
	conns []net.Conn
	first chan struct{} // closed when the first connection is accepted
}

func newFakeServer(t testing.TB, serve func(net.Conn)) *fakeServer {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &fakeServer{l: l, first: make(chan struct{})}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			s.mu.Lock()
			s.conns = append(s.conns, c)
			if len(s.conns) == 1 {
				close(s.first)
			}
			s.mu.Unlock()
			if serve == nil {
				continue
			}
			s.wg.Add(1)
			go func() {
				defer s.wg.Done()
				serve(c)
			}()
		}
	}()
	t.Cleanup(s.Close)
	return s
}

func (s *fakeServer) port() int { return s.l.Addr().(*net.TCPAddr).Port }

// accepted is how many connections came so far.
func (s *fakeServer) accepted() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.conns)
}

// waitAccepted waits for the first connection, failing the test on a hang.
func (s *fakeServer) waitAccepted(t testing.TB) {
	t.Helper()
	select {
	case <-s.first:
	case <-time.After(hangGuard):
		t.Fatalf("hang: no connection came to the server in %v", hangGuard)
	}
}

func (s *fakeServer) Close() {
	_ = s.l.Close()
	s.mu.Lock()
	for _, c := range s.conns {
		_ = c.Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
}

// clientJS connects to harness.mode's port and reports what happens; the
// command "destroy" destroys the client.
const clientJS = `
var tls = require('tls');
var h = require('harness');
var c = tls.connect(Number(h.mode), '127.0.0.1', { rejectUnauthorized: true });
c.on('secureConnect', function () { h.send('secureConnect'); });
c.on('data', function (d) { h.send('data', d.toString()); });
c.on('error', function (e) { h.send('error', e.code || e.message); });
c.on('close', function () { h.send('close'); });
h.onCommand(function (cmd) {
  if (cmd === 'destroy') {
    c.destroy();
    h.send('destroyed');
  }
});
h.send('started');
`

// A client destroyed while its handshake waits for a server that never
// answers: 'close', and the run ends by itself, as in Node, without
// leaving the connection or its goroutine behind.
func TestFaultClientDestroyDuringHandshake(t *testing.T) {
	// The server only holds its connections: a black hole that never
	// answers the ClientHello. It starts before the leak check's snapshot.
	srv := newFakeServer(t, nil)
	check := leakCheck(t)
	r := startScript(t, "fault-client.js", strconv.Itoa(srv.port()), clientJS)
	t.Cleanup(func() { r.cancel(); <-r.done })
	r.waitCount("started", 1)
	srv.waitAccepted(t)
	r.command("destroy")
	r.waitCount("close", 1)
	select {
	case <-r.done:
		if r.err != nil || r.code != 0 {
			t.Errorf("code %d, err %v", r.code, r.err)
		}
	case <-time.After(10 * time.Second):
		// Node 0.7 ends here at once: nothing is left to wait for.
		t.Errorf("the run does not end after the connecting client was destroyed")
		r.cancel()
		<-r.done
	}
	if r.count("secureConnect") != 0 || r.count("data") != 0 {
		t.Errorf("events after destroy(): %v", r.snapshot())
	}
	check(srv.accepted()) // the black hole's side stays open
}

// The run is cancelled while a client handshake hangs: the runtime
// returns and nothing stays behind (an embedding program goes on).
func TestFaultCancelDuringClientHandshake(t *testing.T) {
	// The server only holds its connections: a black hole that never
	// answers the ClientHello. It starts before the leak check's snapshot.
	srv := newFakeServer(t, nil)
	check := leakCheck(t)
	r := startScript(t, "fault-client.js", strconv.Itoa(srv.port()), clientJS)
	r.waitCount("started", 1)
	srv.waitAccepted(t)
	r.cancel()
	r.wait()
	// The black hole keeps its side open: only the runtime can end the
	// client's connection and goroutine.
	check(srv.accepted())
	srv.Close()
}

// Servers that answer a ClientHello with junk, with half a record, or hang
// up: the client gets 'error' and 'close', never 'secureConnect', and the
// run ends by itself.
func TestFaultClientHostileServer(t *testing.T) {
	for _, tc := range []struct {
		name  string
		serve func(net.Conn)
	}{
		{"hang up", func(c net.Conn) { _ = c.Close() }},
		{"reset", func(c net.Conn) { resetClose(c) }},
		{"junk", func(c net.Conn) {
			_, _ = c.Write([]byte("HTTP/1.0 400 Bad Request\r\n\r\n"))
			_ = c.Close()
		}},
		{"half a record", func(c net.Conn) {
			_, _ = c.Write([]byte{0x16, 0x03, 0x03, 0x10, 0x00, 0x02})
			_ = c.Close()
		}},
		{"alert", func(c net.Conn) {
			_, _ = c.Write([]byte{0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28})
			_ = c.Close()
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			check := leakCheck(t)
			srv := newFakeServer(t, func(c net.Conn) {
				_ = c.SetDeadline(time.Now().Add(hangGuard))
				buf := make([]byte, 5)
				if _, err := io.ReadFull(c, buf); err != nil {
					_ = c.Close()
					return
				}
				tc.serve(c)
			})
			r := startScript(t, "fault-client.js", strconv.Itoa(srv.port()), clientJS)
			t.Cleanup(func() { r.cancel(); <-r.done })
			code, err := r.wait()
			if err != nil || code != 0 {
				t.Errorf("code %d, err %v\nstderr:\n%s", code, err, r.stderr.String())
			}
			if r.count("error") != 1 || r.count("close") != 1 || r.count("secureConnect") != 0 {
				t.Errorf("events: %v", r.snapshot())
			}
			srv.Close()
			check()
		})
	}
}

// The run is cancelled while clients connect, handshake and echo: the
// runtime returns and no connection, listener or goroutine stays behind,
// whatever each connection was doing at that moment.
func TestFaultCancelUnderLoad(t *testing.T) {
	for round := 0; round < 3; round++ {
		check := leakCheck(t)
		r, port := startEcho(t, faultMode{EC: true})
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for w := 0; w < 16; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					select {
					case <-stop:
						return
					default:
					}
					// A short deadline: with the bug a client may wait
					// for a connection nobody serves any more.
					raw, err := net.DialTimeout("tcp", addr(port), time.Second)
					if err != nil {
						continue
					}
					_ = raw.SetDeadline(time.Now().Add(2 * time.Second))
					c := tls.Client(raw, insecure())
					_ = echoErr(c, "x")
					_ = c.Close()
				}
			}()
		}
		r.waitCount("secureConnection", 50)
		r.stop()
		close(stop)
		wg.Wait()
		check()
	}
}

// A SecurePair nobody feeds holds nothing open in Node (it is a JS object
// over an SSL engine, not a handle): a script that made one and gave up on
// it ends. Here the pair's handshake goroutine waits for bytes that never
// come.
func TestFaultIdlePairDoesNotHoldTheLoop(t *testing.T) {
	check := leakCheck(t)
	r := startScript(t, "fault-pair.js", "", `
var tls = require('tls');
var crypto = require('crypto');
var pair = tls.createSecurePair(crypto.createCredentials({}), false);
pair.encrypted.on('data', function () {});
require('harness').send('started');
`)
	t.Cleanup(func() { r.cancel(); <-r.done })
	select {
	case <-r.done:
		if r.err != nil || r.code != 0 {
			t.Errorf("code %d, err %v\nstderr:\n%s", r.code, r.err, r.stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Errorf("the run does not end with an idle SecurePair")
		r.cancel()
		<-r.done
	}
	check()
}

// The run is cancelled while the script is busy and listen() calls have
// finished on their goroutines but not yet reported to the loop: the
// listeners must still be closed.
func TestFaultCancelBeforeListenReported(t *testing.T) {
	check := leakCheck(t)
	r := startScript(t, "fault-listen.js", "", `
var tls = require('tls');
var fs = require('fs');
var path = require('path');
var h = require('harness');
var key = fs.readFileSync(path.join(__dirname, 'fixtures', 'server-key.pem'));
var cert = fs.readFileSync(path.join(__dirname, 'fixtures', 'server-cert.pem'));
for (var i = 0; i < 10; i++) {
  tls.createServer({ key: key, cert: cert }).listen(0, '127.0.0.1');
}
// Keep the loop busy while the listens finish on their goroutines.
function spin(ms) {
  var until = Date.now() + ms;
  while (Date.now() < until) {}
}
spin(300);
h.send('listened');
spin(60000);
`)
	r.waitCount("listened", 1)
	r.cancel()
	r.wait()
	check()
}
