// server.close() while handshakes run: they go on (their connections
// count in server.connections from the accept), and 'close' comes once,
// after the last connection ends: one that completes its handshake after
// close() and is served, one whose handshake fails.
var assert = require('assert');
var net = require('net');
var tls = require('tls');
var fixture = require('./_fixtures');

var events = [];
var server = tls.createServer({ key: fixture('server-key.pem'), cert: fixture('server-cert.pem') }, function (s) {
  events.push('secureConnection');
  s.on('close', function () { events.push('stream close'); });
  s.end('late but served');
});
server.on('clientError', function () { events.push('clientError'); });
server.on('close', function () { events.push('server close'); });

server.listen(0, '127.0.0.1', function () {
  var port = server.address().port;
  var a = net.connect(port, '127.0.0.1');
  var b = net.connect(port, '127.0.0.1');
  b.on('error', function () {});
  (function waitCounted() {
    // Both accepted: counted before any handshake byte came.
    if (server.connections < 2) {
      setTimeout(waitCounted, 1);
      return;
    }
    server.close();
    events.push('closed');
    var c = tls.connect({ socket: a, rejectUnauthorized: false });
    c.setEncoding('utf8');
    var got = '';
    c.on('data', function (d) { got += d; });
    c.on('end', function () {
      assert.strictEqual(got, 'late but served');
      b.destroy();
    });
  })();
});

process.on('exit', function () {
  // (The stream's close and the other's clientError may come in either
  // order: they are two connections.)
  assert.deepEqual(events.slice(0, 2), ['closed', 'secureConnection']);
  assert.deepEqual(events.slice(2, 4).sort(), ['clientError', 'stream close']);
  assert.deepEqual(events.slice(4), ['server close']);
});
