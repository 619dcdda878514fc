// net.createServer in all its forms, listen(port, [host], [backlog], [cb]),
// 'listening', address(), 'connection', the connections count, and 'close'
// coming only after every connection has ended.
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

// The forms of createServer, and the constructor with and without new.
function listener() {}
var forms = [
  net.createServer(),
  net.createServer(listener),
  net.createServer({ allowHalfOpen: true }),
  net.createServer({ allowHalfOpen: true }, listener),
  new net.Server(listener),
  net.Server(listener)
];
// Today's node hides the count (connections(server) is deprecated).
function connections(s) {
  return common.is07 ? s.connections : s._connections;
}

forms.forEach(function (s) {
  assert.ok(s instanceof net.Server);
  assert.ok(s instanceof require('events').EventEmitter);
  assert.strictEqual(connections(s), 0);
  assert.strictEqual(s.address(), null);
});
assert.deepEqual(forms.map(function (s) { return s.listeners('connection').length; }),
                 [0, 1, 0, 1, 1, 1]);
assert.strictEqual(forms[1].listeners('connection')[0], listener);
assert.deepEqual(forms.map(function (s) { return s.allowHalfOpen; }),
                 [false, false, true, true, false, false]);

// listen(0, host, cb): a port is chosen; 'listening' has the server as this.
var server = net.createServer();
var serverSockets = [];
server.on('connection', mustCall(function (socket) {
  assert.strictEqual(this, server);
  assert.ok(socket instanceof net.Socket);
  assert.strictEqual(socket.server, server);
  assert.strictEqual(connections(server), serverSockets.length + 1);
  serverSockets.push(socket);
  socket.on('data', function () {});
}, 2));

var returned = server.listen(0, '127.0.0.1', mustCall(function () {
  assert.strictEqual(this, server);
  var addr = server.address();
  assert.strictEqual(addr.address, '127.0.0.1');
  assert.strictEqual(addr.family, 'IPv4');
  assert.strictEqual(typeof addr.port, 'number');
  assert.ok(addr.port > 0 && addr.port < 65536);
  connectTwo(addr.port);
}));
assert.strictEqual(returned, server);

function connectTwo(port) {
  var clients = [];
  var connected = 0;
  for (var i = 0; i < 2; i++) {
    var c = net.connect(port, '127.0.0.1', mustCall(function () {
      connected++;
      if (connected === 2) closeWhileConnected(clients);
    }));
    c.on('data', function () {});
    clients.push(c);
  }
}

// close() stops listening at once, but 'close' waits for the connections.
function closeWhileConnected(clients) {
  var order = [];
  waitForConnections(function () {
    assert.strictEqual(connections(server), 2);
    // Pair each server-side socket with its client (accept order may
    // differ from connect order).
    if (serverSockets[0].remotePort !== clients[0].address().port) {
      serverSockets.reverse();
    }
    assert.strictEqual(serverSockets[0].remotePort, clients[0].address().port);
    assert.strictEqual(serverSockets[1].remotePort, clients[1].address().port);
    server.close();
    assert.strictEqual(server.address(), null);
    server.on('close', mustCall(function () {
      assert.strictEqual(this, server);
      // Both server-side sockets are gone (their own 'close' events are
      // queued on the same tick; today's node emits the server's first).
      assert.deepEqual(order, ['socket 0 closed']);
      assert.ok(serverSockets[0].destroyed && serverSockets[1].destroyed);
      assert.strictEqual(connections(server), 0);
    }));
    serverSockets[0].on('close', mustCall(function () {
      order.push('socket 0 closed');
      assert.strictEqual(connections(server), 1);
      clients[1].end();
    }));
    serverSockets[1].on('close', mustCall(function () {
      assert.strictEqual(connections(server), 0);
    }));
    clients[0].end();
  });
}

// The server may see a connection after the client's 'connect': wait for
// both 'connection' events.
function waitForConnections(fn) {
  if (serverSockets.length === 2) return fn();
  server.once('connection', function () {
    process.nextTick(function () { waitForConnections(fn); });
  });
}

// listen(port, host, backlog, cb) and listen(port, cb) on a second server.
var s2 = net.createServer();
s2.listen(0, '127.0.0.1', 5, mustCall(function () {
  assert.strictEqual(s2.address().address, '127.0.0.1');
  s2.close(mustCall(function () {
    var s3 = net.createServer();
    s3.listen(0, mustCall(function () {
      var addr = s3.address();
      // Without a host Node 0.7 listens on every IPv4 address; today's
      // node listens on '::' where it can.
      if (common.is07) {
        assert.deepEqual(addr, { address: '0.0.0.0', family: 'IPv4', port: addr.port });
      }
      assert.ok(addr.port > 0);
      // A connection without a host goes to this machine.
      var c = net.connect(addr.port, mustCall(function () {
        c.destroy();
        s3.close();
      }));
    }));
  }));
}));

// listen(cb) alone and listen(undefined) pick a port too.
var s4 = net.createServer();
s4.listen(mustCall(function () {
  assert.ok(s4.address().port > 0);
  s4.close();
}));
var s5 = net.createServer();
s5.listen(undefined, '127.0.0.1');
s5.on('listening', mustCall(function () {
  assert.ok(s5.address().port > 0);
  s5.close();
}));

// A port given as a numeric string.
var s6 = net.createServer();
s6.listen('0', '127.0.0.1', mustCall(function () {
  assert.ok(s6.address().port > 0);
  s6.close();
}));
