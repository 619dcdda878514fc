// Unix sockets: listen(path), the three ways to connect to a path,
// address(), EADDRINUSE for a path that exists, and the socket file going
// away with the server.
var assert = require('assert');
var net = require('net');
var fs = require('fs');
var common = require('./_common');
var mustCall = common.mustCall;

var path = common.tmpPath('unix');
var received = [];

var server = net.createServer(mustCall(function (socket) {
  // A Unix socket has no remote address or port.
  assert.strictEqual(socket.remoteAddress, undefined);
  assert.strictEqual(socket.remotePort, undefined);
  var chunks = [];
  socket.on('data', function (d) { chunks.push(d); });
  socket.on('end', function () {
    received.push(common.concat(chunks).toString());
    socket.end('bye');
  });
}, 3));

server.listen(path, mustCall(function () {
  assert.strictEqual(this, server);
  assert.strictEqual(server.address(), path);
  assert.ok(fs.statSync(path).isSocket());
  tryInUse();
}));

// Listening on a path that exists fails with EADDRINUSE.
function tryInUse() {
  var other = net.createServer();
  other.on('listening', common.mustNotCall('listening on a used path'));
  other.on('error', mustCall(function (err) {
    assert.strictEqual(err.code, 'EADDRINUSE');
    assert.strictEqual(err.syscall, 'listen');
    connectAll();
  }));
  other.listen(path);
}

function connectAll() {
  var done = 0;
  function check(client) {
    var text = '';
    client.setEncoding('utf8');
    client.on('data', function (d) { text += d; });
    client.on('close', mustCall(function (hadError) {
      assert.strictEqual(hadError, false);
      assert.strictEqual(text, 'bye');
      if (++done === 3) finish();
    }));
  }
  // net.connect(path, cb)
  var a = net.connect(path, mustCall(function () {
    assert.strictEqual(this, a);
    a.end('one');
  }));
  check(a);
  // net.createConnection({path: path}, cb)
  var b = net.createConnection({ path: path }, mustCall(function () {
    b.end('two');
  }));
  check(b);
  // new net.Socket().connect(path, cb)
  var c = new net.Socket();
  c.connect(path, mustCall(function () {
    c.end('three');
  }));
  check(c);
}

function finish() {
  assert.deepEqual(received.sort(), ['one', 'three', 'two']);
  server.close(mustCall(function () {
    // The socket file goes with the server.
    assert.strictEqual(common.exists(path), false);
    // Connecting now fails: the path is gone.
    var late = net.connect(path);
    late.on('connect', common.mustNotCall('connect to a removed path'));
    late.on('error', mustCall(function (err) {
      assert.strictEqual(err.code, 'ENOENT');
      assert.strictEqual(err.syscall, 'connect');
    }));
    late.on('close', mustCall(function (hadError) {
      assert.strictEqual(hadError, true);
    }));
  }));
}
