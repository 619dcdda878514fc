// write() returns false when data waits to be sent (in gojatls: once its
// high-water mark, at least 16 KiB, is queued), and 'drain' follows when
// the queue is empty again; bufferSize counts the queued bytes.
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

var KiB = 1024;
var received = 0;
var sent = 0;
var serverSocket = null;
var clientDone = false;
// Resume the receiver once the client has written and the server has its
// socket (the server may see the connection after the client's 'connect').
function resumeReceiver() {
  if (serverSocket && clientDone) serverSocket.resume();
}
var server = net.createServer(mustCall(function (socket) {
  serverSocket = socket;
  // The receiver does not read at first, so the sender's data piles up.
  socket.pause();
  socket.on('data', function (d) { received += d.length; });
  socket.on('end', mustCall(function () {
    assert.strictEqual(received, sent);
    socket.end();
    server.close();
  }));
  resumeReceiver();
}));

server.listen(0, '127.0.0.1', mustCall(function () {
  var client = net.connect(server.address().port, '127.0.0.1', mustCall(function () {
    assert.strictEqual(client.bufferSize, 0);
    // A small write is taken at once.
    assert.strictEqual(client.write(new Buffer(1)), true);
    sent += 1;
    // Write until write() says to stop; the system's buffers are finite
    // and the receiver is paused, so that comes.
    var chunk = new Buffer(64 * KiB);
    var ok = true;
    while (ok && sent < 512 * 1024 * KiB) {
      ok = client.write(chunk);
      sent += chunk.length;
    }
    assert.strictEqual(ok, false);
    assert.ok(client.bufferSize >= 16 * KiB);
    client.once('drain', mustCall(function () {
      assert.strictEqual(this, client);
      assert.strictEqual(client.bufferSize, 0);
      if (common.isGojatls) {
        accumulate();
      } else {
        client.end();
      }
    }));
    clientDone = true;
    resumeReceiver();
  }));

  // gojatls counts every byte not yet written by the socket's writer, so
  // within one tick write() says false exactly when the queued bytes reach
  // its mark, whether they came in one write or many. (Node 0.7 returned
  // false whenever the kernel did not take a write at once, and so does
  // today's node in effect.)
  function accumulate() {
    var piece = new Buffer(KiB);
    var n = 0;
    while (client.write(piece)) {
      n++;
      assert.strictEqual(client.bufferSize, n * KiB);
      assert.ok(n < 1024, 'write() never said false');
    }
    var mark = client.bufferSize; // reached with the last piece
    assert.ok(mark >= 16 * KiB);
    sent += mark;
    client.once('drain', mustCall(function () {
      assert.strictEqual(client.bufferSize, 0);
      // Just under the mark in one write: true; the last piece: false.
      assert.strictEqual(client.write(new Buffer(mark - KiB)), true);
      assert.strictEqual(client.write(new Buffer(KiB)), false);
      sent += mark;
      client.once('drain', mustCall(function () {
        client.end();
      }));
    }));
  }
}));
