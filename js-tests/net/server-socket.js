// A server's socket: in Node 0.7 it emits 'connect' right after the
// server's 'connection' (today's node does not); it is readable and
// writable at once; pause() in the 'connection' listener holds its data
// back (nothing is read: the socket goes idle) until resume().
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

var order = [];
var server = net.createServer(mustCall(function (socket) {
  order.push('connection');
  assert.strictEqual(socket.readable, true);
  assert.strictEqual(socket.writable, true);
  socket.on('connect', mustCall(function () {
    assert.strictEqual(this, socket);
    order.push('connect');
  }, common.is07 ? 1 : 0));
  socket.pause();
  var got = '';
  var resumed = false;
  socket.setEncoding('utf8');
  socket.on('data', function (d) {
    assert.ok(resumed, "'data' while paused");
    got += d;
  });
  socket.on('end', mustCall(function () {
    assert.strictEqual(got, 'held back');
    socket.end();
  }));
  process.nextTick(function () {
    if (common.is07) assert.deepEqual(order, ['connection', 'connect']);
  });
  // Resume once the socket says it has been idle (nothing read) for 50 ms
  // with the data waiting: the client says when its data is written to
  // the kernel (on loopback it is then in this socket's receive queue).
  socket.on('timeout', mustCall(function () {
    socket.setTimeout(0);
    resumed = true;
    socket.resume();
  }));
  server.dataSent = function () {
    socket.setTimeout(50);
  };
  server.emit('ready');
}));

server.listen(0, '127.0.0.1', mustCall(function () {
  var c = net.connect(server.address().port, '127.0.0.1', function () {
    c.write('held back', mustCall(function () {
      c.end();
      if (server.dataSent) {
        server.dataSent();
      } else {
        server.once('ready', function () { server.dataSent(); });
      }
    }));
  });
  c.on('close', mustCall(function () {
    server.close();
  }));
}));
