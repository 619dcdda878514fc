// write() on a socket with no connection throws 'This socket is closed.',
// as Node 0.7.4's Socket.write did (its _write found no handle): a socket
// never connected, and one the peer's end has closed (0.7.4 destroyed a
// socket that was done both ways). Today's node calls back with an error
// instead; its checks are guarded by common.is07.
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

function mustThrowClosed(socket) {
  if (!common.is07) return;
  socket.on('error', common.mustNotCall("'error' for a write that threw"));
  assert.throws(function () {
    socket.write('too late', common.mustNotCall('the callback of a write that threw'));
  }, /^Error: This socket is closed\.$/);
}

// Never connected.
mustThrowClosed(new net.Socket());

// Closed by the peer's end: the server ends at once; the client, not
// half-open, ends its side too and is closed once both ends are done.
var server = net.createServer(function (s) { s.end(); });
server.listen(0, '127.0.0.1', mustCall(function () {
  var c = net.connect(server.address().port, '127.0.0.1');
  c.on('end', mustCall(function () {}));
  c.on('close', mustCall(function (hadError) {
    assert.strictEqual(hadError, false);
    assert.strictEqual(c.writable, false);
    mustThrowClosed(c);
    server.close();
  }));
}));
