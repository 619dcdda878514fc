// server.maxConnections: connections past it are closed at once, without a
// 'connection' event, and the count stays right; once one closes, a new one
// is accepted again.
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

function connections(s) {
  return common.is07 ? s.connections : s._connections;
}

var serverSockets = [];
var server = net.createServer(mustCall(function (socket) {
  serverSockets.push(socket);
  assert.ok(connections(server) <= 2);
  socket.on('data', function (d) {
    socket.write(d);
  });
  if (serverSockets.length === 2) ready();
}, 3));
server.maxConnections = 2;

var port;
var clients = [];
server.listen(0, '127.0.0.1', mustCall(function () {
  port = server.address().port;
  for (var i = 0; i < 2; i++) {
    clients.push(net.connect(port, '127.0.0.1', function () {
      connected++;
      ready();
    }));
  }
}));

// Go on once both clients are connected and the server has both.
var connected = 0;
var started = false;
function ready() {
  if (connected === 2 && serverSockets.length === 2 && !started) {
    started = true;
    both();
  }
}

// Two are in: a third is refused. Its TCP connect succeeds (the system
// accepted it), then the server closes it: 'end' and 'close', no data.
function both() {
  assert.strictEqual(connections(server), 2);
  var third = net.connect(port, '127.0.0.1');
  third.on('data', common.mustNotCall('data on a refused connection'));
  third.on('error', function () {}); // a reset is possible too
  third.on('close', mustCall(function () {
    assert.strictEqual(serverSockets.length, 2);
    assert.strictEqual(connections(server), 2);
    // Make room, then a fourth gets in and is echoed.
    var port0 = clients[0].address().port;
    var peer0 = serverSockets[0].remotePort === port0 ? serverSockets[0] : serverSockets[1];
    assert.strictEqual(peer0.remotePort, port0);
    clients[0].destroy();
    peer0.on('close', mustCall(function () {
      assert.strictEqual(connections(server), 1);
      fourth();
    }));
  }));
}

function fourth() {
  var c = net.connect(port, '127.0.0.1', mustCall(function () {
    c.write('ping');
  }));
  c.on('data', mustCall(function (d) {
    assert.strictEqual(d.toString(), 'ping');
    assert.strictEqual(serverSockets.length, 3);
    assert.strictEqual(connections(server), 2);
    c.destroy();
    clients[1].destroy();
    server.close();
  }));
}

server.on('close', mustCall(function () {
  assert.strictEqual(connections(server), 0);
}));
