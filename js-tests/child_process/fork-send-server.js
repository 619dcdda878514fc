// child.send(message, server._handle), as the fork() documentation shows
// it: the parent listens on port 0 and sends its server's handle; the child
// listens on that handle with its own net.Server. Both then accept on the
// one socket: once the parent has closed its server, every connection to
// the port is answered by the child ('child\n'). Then the child closes its
// server too, and the port refuses connections: nothing else held it.
var assert = require('assert');
var cp = require('child_process');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

var watchdog = setTimeout(function () {
  throw new Error('fork-send-server stalled');
}, 60000);
watchdog.unref();

var child = cp.fork(__dirname + '/_fork-send-server.js');
var server = net.createServer(function (socket) {
  socket.end('parent\n');
});
var port;

server.listen(0, '127.0.0.1', mustCall(function () {
  port = server.address().port;
  assert.strictEqual(child.send({ server: true }, server._handle), true);
}));

function ask(n, done) {
  var c = net.connect(port, '127.0.0.1');
  var got = '';
  c.setEncoding('utf8');
  c.on('data', function (d) { got += d; });
  c.on('end', function () {
    assert.strictEqual(got, 'child\n', 'connection ' + n + ' is answered by the child');
    done();
  });
}

child.on('message', function (m) {
  if (m !== 'closed') {
    // The child listens on the very socket the parent made.
    assert.deepEqual(m, { listening: { address: '127.0.0.1', family: 'IPv4', port: port } });
    server.close(mustCall(function () {
      // Only the child accepts now: five connections in turn.
      var n = 0;
      (function next() {
        if (n === 5) {
          child.send('close');
          return;
        }
        ask(n++, next);
      })();
    }));
    return;
  }
  // The child's server was the last to hold the socket.
  var c = net.connect(port, '127.0.0.1');
  c.on('connect', function () {
    throw new Error('the port still accepts after both servers closed');
  });
  c.on('error', mustCall(function (err) {
    assert.strictEqual(err.code, 'ECONNREFUSED');
    child.disconnect();
  }));
});

child.on('exit', mustCall(function (code, signal) {
  assert.strictEqual(code, 0);
  assert.strictEqual(signal, null);
}));
