// The child of fork-send-server.js and fork-send-unix.js (not a test
// itself): it listens on the server handle its parent sends and answers
// each connection with 'child\n'. It reports {listening: address} and, on
// 'close', closes its server; it ends when the parent disconnects.
var assert = require('assert');
var net = require('net');

var server = null;
process.on('message', function (m, handle) {
  if (m === 'close') {
    server.close(function () {
      process.send('closed');
    });
    return;
  }
  assert.deepEqual(m, { server: true });
  assert.ok(handle, 'the message came with a handle');
  server = net.createServer(function (socket) {
    socket.end('child\n');
  });
  server.listen(handle, function () {
    process.send({ listening: server.address() });
  });
});
