package jstests

// SecurePairs whose network goes away mid-handshake: a server-side
// STARTTLS pair whose peer resets after its ClientHello, and
// tls.connect({socket}) against a server that resets mid-handshake. Each
// pair's handshake runs on a goroutine that waits for bytes from
// pair.encrypted; destroying either stream, or the socket piped into it,
// must end it. After 1000 rounds no goroutine and no descriptor is left.

import (
	"io"
	"net"
	"runtime"
	"strconv"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// pairJS is a STARTTLS server or client. harness.mode is "pipe" (the
// socket piped to and from pair.encrypted, as the documentation shows),
// "cleartext" or "encrypted" (the bytes handed over by 'data' listeners,
// and that stream of the pair destroyed when the socket closes), or
// "client:<port>" (tls.connect({socket}) to that port, as many times as
// the command "run:<n>" says, one after another). It sends "closed" for
// each connection that is over.
const pairJS = `
var tls = require('tls'), net = require('net'), crypto = require('crypto');
var fs = require('fs'), path = require('path');
var h = require('harness');
function fixture(n) { return fs.readFileSync(path.join(__dirname, 'fixtures', n)); }
function ignore() {}
var mode = h.mode.split(':');

if (mode[0] === 'client') {
  // 'run:<n>' connects n times, one after another, then sends 'done';
  // the program stays alive until 'stop'.
  var port = Number(mode[1]);
  var alive = setInterval(ignore, 60000);
  var next = function (i, rounds) {
    if (i === rounds) {
      h.send('done');
      return;
    }
    var socket = net.connect(port, '127.0.0.1');
    socket.on('error', ignore);
    var c = tls.connect({ socket: socket, rejectUnauthorized: false });
    c.on('secureConnect', function () { h.send('bug', 'a handshake with a server that resets'); });
    c.on('error', ignore);
    c.on('close', function () {
      h.send('closed');
      next(i + 1, rounds);
    });
  };
  h.onCommand(function (cmd) {
    if (cmd.indexOf('run:') === 0) {
      next(0, Number(cmd.slice(4)));
    } else if (cmd === 'stop') {
      clearInterval(alive);
    } else {
      h.send(cmd);
    }
  });
} else {
  var creds = crypto.createCredentials({ key: fixture('ec-key.pem'), cert: fixture('ec-cert.pem') });
  var server = net.createServer(function (socket) {
    var pair = tls.createSecurePair(creds, true);
    pair.on('error', ignore);
    pair.on('secure', function () { h.send('bug', 'secure'); });
    socket.on('error', ignore);
    if (mode[0] === 'pipe') {
      socket.pipe(pair.encrypted);
      pair.encrypted.pipe(socket);
    } else {
      socket.on('data', function (d) { pair.encrypted.write(d); });
      pair.encrypted.on('data', function (d) { if (socket.writable) socket.write(d); });
      socket.on('close', function () { pair[mode[0]].destroy(); });
    }
    socket.on('close', function () { h.send('closed'); });
  });
  server.listen(0, '127.0.0.1', function () { h.send('listening', String(server.address().port)); });
  h.onCommand(function (cmd) { h.send(cmd); });
}
`

// helloThenReset sends a ClientHello, waits for the start of the server's
// answer (so the server's handshake has read the hello and waits for more)
// and resets the connection.
func helloThenReset(t *testing.T, port int, hello []byte) {
	c := rawDial(t, port)
	if _, err := c.Write(hello); err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadFull(c, make([]byte, 5)); err != nil {
		t.Fatal(err)
	}
	resetClose(c)
}

// settled waits until the goroutines other than those ignored are gone and
// the descriptors are back to fds.
func settled(t *testing.T, r *scriptRun, ignore goleak.Option, fds int) {
	t.Helper()
	deadline := time.Now().Add(hangGuard)
	for {
		err := goleak.Find(ignore)
		n := len(openFDs())
		if err == nil && n <= fds {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the rounds: %d goroutines (%v), %d descriptors, %d before\nstderr:\n%s",
				runtime.NumGoroutine(), err, n, fds, r.stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

const pairRounds = 1000

func TestFaultPairPeerResets(t *testing.T) {
	hello := clientHello(t)
	for _, mode := range []string{"pipe", "cleartext", "encrypted"} {
		t.Run(mode, func(t *testing.T) {
			check := leakCheck(t)
			r := startScript(t, "fault-pair.js", mode, pairJS)
			t.Cleanup(func() { r.cancel(); <-r.done })
			port := r.port()
			helloThenReset(t, port, hello) // warm up: what one round leaves is known from here
			r.waitCount("closed", 1)
			r.sync()
			ignore, fds := goleak.IgnoreCurrent(), len(openFDs())
			for i := 0; i < pairRounds; i++ {
				helloThenReset(t, port, hello)
			}
			r.waitCount("closed", pairRounds+1)
			r.sync()
			settled(t, r, ignore, fds)
			r.noBugEvents()
			r.stop()
			check()
		})
	}
}

func TestFaultConnectOverSocketServerResets(t *testing.T) {
	check := leakCheck(t)
	// The server reads each ClientHello's record header and resets.
	srv := newFakeServer(t, func(c net.Conn) {
		_ = c.SetDeadline(time.Now().Add(hangGuard))
		_, _ = io.ReadFull(c, make([]byte, 5))
		resetClose(c)
	})
	r := startScript(t, "fault-pair.js", "client:"+strconv.Itoa(srv.port()), pairJS)
	t.Cleanup(func() { r.cancel(); <-r.done })
	r.command("run:1") // warm up: what one round leaves is known from here
	r.waitCount("done", 1)
	r.sync()
	for srv.accepted() < 1 {
		time.Sleep(time.Millisecond)
	}
	ignore, fds := goleak.IgnoreCurrent(), len(openFDs())
	r.command("run:" + strconv.Itoa(pairRounds))
	r.waitCount("done", 2)
	if n := r.count("closed"); n != pairRounds+1 {
		t.Errorf("%d 'close' events for %d connections", n, pairRounds+1)
	}
	r.sync()
	settled(t, r, ignore, fds)
	r.noBugEvents()
	r.command("stop")
	if code, err := r.wait(); code != 0 || err != nil {
		t.Errorf("the client ended with %d, %v\nstderr:\n%s", code, err, r.stderr.String())
	}
	srv.Close()
	check()
}
