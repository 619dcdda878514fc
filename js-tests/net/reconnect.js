// A closed socket can connect again (to the same or another server): its
// state starts afresh.
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

function makeServer(name, cb) {
  var s = net.createServer(function (socket) {
    socket.end(name);
  });
  s.listen(0, '127.0.0.1', function () { cb(s); });
}

makeServer('first', function (one) {
  makeServer('second', function (two) {
    var socket = new net.Socket();
    var round = 0;
    var got = '';
    var ports = [];
    socket.setEncoding('utf8');
    socket.on('data', function (d) { got += d; });
    socket.on('connect', mustCall(function () {
      assert.strictEqual(socket.readyState, 'open');
      assert.strictEqual(socket.destroyed, false);
      assert.strictEqual(socket.bytesRead, 0);
      ports.push(socket.remotePort);
    }, 2));
    socket.on('end', mustCall(function () {}, 2));
    socket.on('close', mustCall(function (hadError) {
      assert.strictEqual(hadError, false);
      round++;
      if (round === 1) {
        assert.strictEqual(got, 'first');
        got = '';
        // Connect again, to the other server.
        socket.connect(two.address().port, '127.0.0.1');
        assert.strictEqual(socket.readyState, 'opening');
      } else {
        assert.strictEqual(got, 'second');
        assert.deepEqual(ports, [one.address().port, two.address().port]);
        one.close();
        two.close();
      }
    }, 2));
    socket.connect(one.address().port, '127.0.0.1');
  });
});

// An encoding set while connected holds for the next connection too.
makeServer('third', function (server) {
  var socket = new net.Socket();
  var got = [];
  socket.on('data', function (d) { got.push(d); });
  socket.once('connect', mustCall(function () {
    socket.setEncoding('hex');
  }));
  socket.on('close', mustCall(function () {
    if (got.length === 1) {
      socket.connect(server.address().port, '127.0.0.1');
      return;
    }
    assert.deepEqual(got, ['7468697264', '7468697264']);
    server.close();
  }, 2));
  socket.connect(server.address().port, '127.0.0.1');
});
