// maxConnections refuses connections beyond it; connections counts the live
// ones and goes down as they close.
var assert = require('assert');
var tls = require('tls');
var fixture = require('./_fixtures');

var accepted = 0;
var refused = 0;
var first;
var server = tls.createServer({ key: fixture('server-key.pem'), cert: fixture('server-cert.pem') }, function (s) {
  accepted++;
  assert.strictEqual(server.connections, 1);
  s.resume();
  if (accepted === 1) {
    s.on('close', afterFirst);
    second();
  } else {
    s.on('close', function () { server.close(); });
  }
});
server.maxConnections = 1;

function port() {
  return server.address().port;
}

// With one connection open, the next is closed at once.
function second() {
  var c = tls.connect(port(), '127.0.0.1', { rejectUnauthorized: false }, function () {
    assert.fail('a connection past maxConnections was accepted');
  });
  c.on('error', function (err) {
    refused++;
    assert.strictEqual(err.code, 'ECONNRESET');
    assert.strictEqual(server.connections, 1);
    first.end();
  });
}

// Once the first has closed, a new client gets in.
function afterFirst() {
  assert.strictEqual(server.connections, 0);
  var third = tls.connect(port(), '127.0.0.1', { rejectUnauthorized: false }, function () {
    third.end();
  });
  third.resume();
}

server.listen(0, '127.0.0.1', function () {
  first = tls.connect(port(), '127.0.0.1', { rejectUnauthorized: false });
  first.resume();
});
process.on('exit', function () {
  assert.strictEqual(refused, 1);
  assert.strictEqual(accepted, 2);
  assert.strictEqual(server.connections, 0);
});
