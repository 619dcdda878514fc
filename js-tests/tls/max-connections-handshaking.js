// maxConnections counts every accepted connection, those still
// handshaking too (as Node 0.7's net.Server counted the sockets a
// tls.Server's pairs ran over), and closes the extra ones at once: five
// clients that never send a ClientHello to a server with maxConnections 2
// hold two connections; the other three are closed. Once the two go, a
// real client gets in.
var assert = require('assert');
var net = require('net');
var tls = require('tls');
var fixture = require('./_fixtures');

var clientErrors = 0;
var secure = 0;
var server = tls.createServer({ key: fixture('server-key.pem'), cert: fixture('server-cert.pem') }, function (s) {
  secure++;
  s.end('hi');
});
server.maxConnections = 2;
server.on('clientError', function (err) {
  clientErrors++;
  assert.strictEqual(err.code, 'ECONNRESET'); // "socket hang up"
  if (clientErrors === 2) {
    assert.strictEqual(server.connections, 0);
    realClient();
  }
});

var silent = [];
var closed = [];
server.listen(0, '127.0.0.1', function () {
  for (var i = 0; i < 5; i++) {
    (function (c) {
      silent.push(c);
      c.on('error', function () {});
      c.on('close', function () {
        closed.push(c);
        if (closed.length === 3) {
          threeRefused();
        }
      });
    })(net.connect(server.address().port, '127.0.0.1'));
  }
});

// Three were refused at once; the two others are held, and counted.
function threeRefused() {
  assert.strictEqual(server.connections, 2);
  var held = silent.filter(function (c) { return closed.indexOf(c) === -1; });
  assert.strictEqual(held.length, 2);
  held.forEach(function (c) { c.destroy(); });
}

function realClient() {
  var c = tls.connect(server.address().port, '127.0.0.1', { rejectUnauthorized: false });
  c.setEncoding('utf8');
  var got = '';
  c.on('data', function (d) { got += d; });
  c.on('end', function () {
    assert.strictEqual(got, 'hi');
    server.close();
  });
}

process.on('exit', function () {
  assert.strictEqual(closed.length, 5);
  assert.strictEqual(clientErrors, 2);
  assert.strictEqual(secure, 1);
});
