// Server errors: EADDRINUSE as an 'error' event, close() when not running,
// bad ports.
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

// close() before listen(): Node 0.7 throws 'Not running'; today's node
// ignores it (or passes an error to close's callback).
if (common.is07) {
  assert.throws(function () {
    net.createServer().close();
  }, function (err) {
    return err instanceof Error && err.message === 'Not running';
  });
}

// Listening twice on one port: the second server gets 'error' with
// EADDRINUSE, and no 'listening'.
var first = net.createServer();
first.listen(0, '127.0.0.1', mustCall(function () {
  var port = first.address().port;
  var second = net.createServer();
  second.on('listening', common.mustNotCall('listening on a used port'));
  second.on('error', mustCall(function (err) {
    assert.strictEqual(this, second);
    assert.ok(err instanceof Error);
    assert.strictEqual(err.code, 'EADDRINUSE');
    assert.strictEqual(err.syscall, 'listen');
    if (common.is07) {
      assert.strictEqual(err.message, 'listen EADDRINUSE');
      assert.strictEqual(err.errno, 'EADDRINUSE');
      // The failed server is not running.
      assert.throws(function () { second.close(); }, /Not running/);
    }
    assert.strictEqual(second.address(), null);
    first.close(mustCall(function () {
      // close() after close(): 'Not running' again (0.7).
      if (common.is07) {
        assert.throws(function () { first.close(); }, /Not running/);
      }
      // The port is free again: the same server object listens anew.
      first.listen(port, '127.0.0.1', mustCall(function () {
        assert.strictEqual(first.address().port, port);
        first.close();
      }));
    }));
  }));
  second.listen(port, '127.0.0.1');
}));

// Ports out of range are refused at once with a RangeError.
[-1, 65536, 1.5, 1e10].forEach(function (port) {
  assert.throws(function () {
    net.createServer().listen(port);
  }, RangeError, 'port ' + port);
});
