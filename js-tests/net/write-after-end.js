// A write after end() is not lost silently: its callback gets an error,
// the socket emits 'error' once, then 'close' with had_error true.
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

var server = net.createServer(function (socket) {
  var got = '';
  socket.setEncoding('utf8');
  socket.on('data', function (d) { got += d; });
  socket.on('end', mustCall(function () {
    // What was written before end() arrives, nothing after it.
    assert.strictEqual(got.indexOf('after'), -1);
    server.close();
  }));
  socket.on('error', function () {});
});

server.listen(0, '127.0.0.1', mustCall(function () {
  var client = net.connect(server.address().port, '127.0.0.1', mustCall(function () {
    client.end('before');
    var order = [];
    var ret = client.write('after', mustCall(function (err) {
      assert.ok(err instanceof Error);
      order.push('callback');
    }));
    assert.strictEqual(ret, false);
    client.on('error', mustCall(function (err) {
      order.push('error');
      if (common.is07) {
        // As Node 0.7 reported a write on a shut-down socket.
        assert.strictEqual(err.code, 'EPIPE');
        assert.strictEqual(err.syscall, 'write');
        assert.strictEqual(err.message, 'write EPIPE');
      } else {
        assert.strictEqual(err.code, 'ERR_STREAM_WRITE_AFTER_END');
      }
    }));
    client.on('close', mustCall(function (hadError) {
      order.push('close');
      assert.strictEqual(hadError, true);
      assert.deepEqual(order, ['callback', 'error', 'close']);
    }));
  }));
}));

// end(data) after end() fails the same way.
var s2 = net.createServer(function (socket) {
  socket.on('data', function () {});
  socket.on('error', function () {});
  socket.on('end', function () { s2.close(); });
});
s2.listen(0, '127.0.0.1', mustCall(function () {
  var c = net.connect(s2.address().port, '127.0.0.1', mustCall(function () {
    c.end();
    c.end(); // a second end() without data is harmless
    c.end('more');
  }));
  c.on('error', mustCall(function (err) {
    assert.ok(err instanceof Error);
  }));
}));
