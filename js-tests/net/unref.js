// unref() lets the program end while a server listens or a socket is
// open; ref() undoes it. (Node 0.9 added these; they are additive here.)
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

var client = null;
var accepted = false;
// Once both ends exist, let go of the client too: nothing holds the
// program any more, and it ends with everything open.
function letGo() {
  if (client && accepted) client.unref();
}

var server = net.createServer(mustCall(function (socket) {
  socket.unref();
  accepted = true;
  letGo();
}));
// unref() before listen() applies once listening; ref() and unref()
// return the server.
assert.strictEqual(server.unref(), server);
assert.strictEqual(server.ref(), server);
server.unref();
server.listen(0, '127.0.0.1', mustCall(function () {
  var c = net.connect(server.address().port, '127.0.0.1', mustCall(function () {
    client = c;
    letGo();
  }));
}));

process.on('exit', function () {
  // The server was still listening when the program ended.
  assert.notStrictEqual(server.address(), null);
});
