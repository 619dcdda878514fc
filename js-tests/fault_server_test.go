package jstests

import (
	"encoding/json"
	"testing"
)

// echoServerJS is the gojatls server the fault tests drive. harness.mode is
// JSON: {action, at, handshakeTimeout, ec}. At the first event named by
// "at" the server does its action: "destroy" destroys the socket (in 'clientError':
// every open socket), "throw" throws an Error 'boom-<event>', "catch" does
// the same with an 'uncaughtException' listener that reports it.
//
// Otherwise it echoes, except for these first chunks: "flood:<n>" makes it
// write n bytes of the pattern byte(i % 251), as fast as write() allows,
// waiting for 'drain' each time write() returns false, then end; "idle"
// sets a 100 ms idle timeout on the socket.
//
// It reports events with harness.send and sends "bug" for anything that
// must not happen.
const echoServerJS = `
var tls = require('tls');
var fs = require('fs');
var path = require('path');
var h = require('harness');

var mode = JSON.parse(h.mode);
var sockets = {};
var nextId = 0;

function fixture(name) {
  return fs.readFileSync(path.join(__dirname, 'fixtures', name));
}

// 251 * 64 bytes: every chunk goes on with the pattern where the last ended.
var chunk = new Buffer(251 * 64);
for (var i = 0; i < chunk.length; i++) {
  chunk[i] = i % 251;
}

var fired = false;

// at does the fault action at the first occurrence of the event mode.at.
function at(name, socket) {
  if (mode.at !== name || fired) {
    return;
  }
  fired = true;
  h.send('at', name);
  if (mode.action === 'destroy') {
    if (name === 'clientError') {
      for (var id in sockets) {
        sockets[id].destroy();
      }
    }
    if (socket && typeof socket.destroy === 'function') {
      socket.destroy();
    }
  } else if (mode.action === 'throw' || mode.action === 'catch') {
    throw new Error('boom-' + name);
  }
}

if (mode.action === 'catch') {
  process.on('uncaughtException', function (err) {
    h.send('uncaught', err.message);
  });
}

var options = { key: fixture('server-key.pem'), cert: fixture('server-cert.pem') };
if (mode.ec) {
  options = { key: fixture('ec-key.pem'), cert: fixture('ec-cert.pem') + fixture('ca-int-cert.pem') };
}
if (mode.handshakeTimeout) {
  options.handshakeTimeout = mode.handshakeTimeout;
}

var server = tls.createServer(options, function (s) {
  var id = ++nextId;
  var closed = false;
  var floodTotal = -1;
  var written = 0;
  sockets[id] = s;
  h.send('secureConnection', String(s.remotePort));

  function flood() {
    while (written < floodTotal) {
      var n = Math.min(chunk.length, floodTotal - written);
      written += n;
      var ok = s.write(n === chunk.length ? chunk : chunk.slice(0, n));
      if (!ok) {
        h.send('full', JSON.stringify({ written: written, bufferSize: s.bufferSize }));
        return;
      }
    }
    h.send('flooded', String(written));
    s.end();
  }

  s.on('data', function (d) {
    if (closed) {
      h.send('bug', 'data after close');
    }
    at('data', s);
    if (s.destroyed) {
      return;
    }
    var text = d.toString();
    if (floodTotal < 0 && text.indexOf('flood:') === 0) {
      floodTotal = Number(text.slice(6));
      flood();
    } else if (text === 'idle') {
      s.setTimeout(100);
      h.send('idle', String(s.remotePort));
    } else if (floodTotal < 0) {
      s.write(d);
    }
  });
  s.on('drain', function () {
    h.send('drain', JSON.stringify({ written: written, bufferSize: s.bufferSize }));
    at('drain', s);
    if (!s.destroyed && floodTotal >= 0) {
      flood();
    }
  });
  s.on('end', function () {
    if (closed) {
      h.send('bug', 'end after close');
    }
    h.send('end', String(s.remotePort));
    at('end', s);
  });
  s.on('timeout', function () {
    h.send('timeout', String(s.remotePort));
    at('timeout', s);
  });
  s.on('error', function (err) {
    h.send('error', err.code || err.message);
    at('error', s);
  });
  s.on('close', function (hadError) {
    if (closed) {
      h.send('bug', 'close twice');
    }
    closed = true;
    delete sockets[id];
    h.send('close', String(hadError));
    at('close', s);
  });
  at('secureConnection', s);
});

server.on('clientError', function (err, socket) {
  h.send('clientError', err.message);
  at('clientError', socket);
});
server.on('close', function () {
  h.send('serverClose');
});

h.onCommand(function (cmd) {
  if (cmd === 'sync') {
    h.send('sync');
  } else if (cmd === 'close') {
    server.close();
    h.send('closing');
  } else if (cmd === 'stats') {
    h.send('stats', JSON.stringify({ connections: server.connections, open: Object.keys(sockets).length }));
  }
});

server.listen(0, '127.0.0.1', function () {
  h.send('listening', String(server.address().port));
});
`

// faultMode is the harness.mode of echoServerJS.
type faultMode struct {
	Action           string `json:"action,omitempty"`
	At               string `json:"at,omitempty"`
	HandshakeTimeout int    `json:"handshakeTimeout,omitempty"`
	EC               bool   `json:"ec,omitempty"` // a P-256 key: cheaper handshakes
}

// startEcho runs echoServerJS in mode and returns it with its port. The
// run is stopped when the test ends.
func startEcho(t testing.TB, mode faultMode) (*scriptRun, int) {
	t.Helper()
	m, err := json.Marshal(mode)
	if err != nil {
		t.Fatal(err)
	}
	r := startScript(t, "fault-server.js", string(m), echoServerJS)
	t.Cleanup(func() {
		r.cancel()
		<-r.done
	})
	return r, r.port()
}

// checkPattern checks that b is the flood pattern from offset off.
func checkPattern(b []byte, off int64) int {
	for i, c := range b {
		if c != byte((off+int64(i))%251) {
			return i
		}
	}
	return -1
}
