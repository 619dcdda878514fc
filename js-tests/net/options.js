// setNoDelay and setKeepAlive, before and after connecting, with and
// without arguments; data still flows as before.
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

var server = net.createServer(function (socket) {
  socket.setNoDelay();
  socket.setNoDelay(false);
  socket.setKeepAlive(true, 1500);
  socket.setKeepAlive(false);
  socket.pipe(socket);
});

server.listen(0, '127.0.0.1', mustCall(function () {
  var c = new net.Socket();
  // Before connecting: remembered (0.7 ignored them), no error.
  c.setNoDelay(true);
  c.setKeepAlive(true);
  c.connect(server.address().port, '127.0.0.1', mustCall(function () {
    c.setNoDelay();
    c.setNoDelay(true);
    c.setKeepAlive(true, 0);
    c.setKeepAlive(true, 10000);
    c.setKeepAlive();
    // Many small writes, each sent at once without Nagle.
    for (var i = 0; i < 100; i++) c.write('x');
    c.end();
  }));
  var got = 0;
  c.on('data', function (d) { got += d.length; });
  c.on('end', mustCall(function () {
    assert.strictEqual(got, 100);
    // After the socket is gone they do nothing.
    c.setNoDelay(true);
    c.setKeepAlive(true, 1000);
    server.close();
  }));
}));
