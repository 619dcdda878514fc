// bufferSize and bytesWritten do not change under a callback: bytes a
// write() queued leave bufferSize in a later turn of the loop (as Node's
// afterWrite lowered writeQueueSize in a callback of its own), even when
// the socket's writer sent them meanwhile; then they do leave it, with
// nothing else happening on the socket.
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

var server = net.createServer(mustCall(function (socket) {
  socket.on('data', function () {});
  socket.on('end', mustCall(function () {
    socket.end();
    server.close();
  }));
}));

server.listen(0, '127.0.0.1', mustCall(function () {
  var client = net.connect(server.address().port, '127.0.0.1', mustCall(function () {
    assert.strictEqual(client.write('abc'), true);
    if (common.isGojatls) {
      // gojatls counts every byte its writer has not reported (node
      // writes small pieces at once: 0 from the start).
      assert.strictEqual(client.bufferSize, 3);
      // However long this callback runs, and the writer is done with
      // 'abc' well within it, what JS sees stays put, and the next write
      // adds to it.
      var until = Date.now() + 50;
      while (Date.now() < until) {
        assert.strictEqual(client.bufferSize, 3);
        assert.strictEqual(client.bytesWritten, 3);
      }
      assert.strictEqual(client.write('de'), true);
      assert.strictEqual(client.bufferSize, 5);
    } else {
      assert.strictEqual(client.write('de'), true);
    }
    assert.strictEqual(client.bytesWritten, 5);
    // In later turns the queue is seen empty, without a write callback,
    // a 'drain' or any read to bring the news.
    (function poll() {
      if (client.bufferSize !== 0) {
        setTimeout(poll, 1);
        return;
      }
      assert.strictEqual(client.bytesWritten, 5);
      client.end();
    })();
  }));
}));
