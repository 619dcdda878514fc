// destroy(): no more events but 'close'; destroy(err): 'error' then
// 'close' with had_error true; writes on a destroyed socket.
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

var serverSockets = [];
var server = net.createServer(function (socket) {
  serverSockets.push(socket);
  socket.on('error', function () {});
  // Keep sending: the destroyed client must not see any of it.
  var timer = setInterval(function () {
    if (socket.writable) socket.write('more data');
  }, 5);
  socket.on('close', function () {
    clearInterval(timer);
  });
  socket.write('first');
});

server.listen(0, '127.0.0.1', mustCall(function () {
  var port = server.address().port;

  // destroy() in the first 'data': nothing after it but 'close'.
  var a = net.connect(port, '127.0.0.1');
  var events = [];
  a.on('data', function () {
    events.push('data');
    // An idle timeout set now must not fire after destroy().
    a.setTimeout(10);
    a.destroy();
    assert.strictEqual(a.destroyed, true);
    assert.strictEqual(a.readable, false);
    assert.strictEqual(a.writable, false);
    assert.strictEqual(a.readyState, 'closed');
    // destroy() twice is harmless.
    a.destroy();
  });
  a.on('end', function () { events.push('end'); });
  a.on('drain', function () { events.push('drain'); });
  a.on('timeout', function () { events.push('timeout'); });
  a.on('error', function () { events.push('error'); });
  a.on('close', mustCall(function (hadError) {
    events.push('close');
    assert.strictEqual(hadError, false);
    // Nothing else may come, once what could bring it has happened: the
    // server's end of the connection has closed (it stopped sending), and
    // a timer of the idle timeout's 10 ms, set after it, has fired.
    var waiting = 2;
    function settled() {
      if (--waiting === 0) {
        assert.deepEqual(events, ['data', 'close']);
        withError(port);
      }
    }
    setTimeout(settled, 10);
    var peer = serverSockets[0];
    if (peer.destroyed) {
      settled();
    } else {
      peer.on('close', settled);
    }
  }));
}));

// destroy(err): 'error' with err, then 'close' with had_error true.
function withError(port) {
  var b = net.connect(port, '127.0.0.1');
  var events = [];
  var boom = new Error('boom');
  b.once('data', function () {
    b.destroy(boom);
    // A second destroy(err) emits no second 'error'.
    b.destroy(new Error('again'));
  });
  b.on('error', mustCall(function (err) {
    assert.strictEqual(this, b);
    assert.strictEqual(err, boom);
    events.push('error');
  }));
  b.on('close', mustCall(function (hadError) {
    events.push('close');
    assert.strictEqual(hadError, true);
    assert.deepEqual(events, ['error', 'close']);
    writeAfterDestroy(port);
  }));
}

// A write on a destroyed socket fails. Node 0.7.4's Socket.write threw
// 'This socket is closed.' at once (its _write found no handle); today's
// node calls the callback with an error instead.
function writeAfterDestroy(port) {
  var c = net.connect(port, '127.0.0.1', mustCall(function () {
    c.destroy();
    c.on('close', mustCall(function () {
      server.close();
      serverSockets.forEach(function (s) { s.destroy(); });
    }));
    if (common.is07) {
      c.on('error', common.mustNotCall("'error' after a write on a destroyed socket"));
      assert.throws(function () {
        c.write('too late', common.mustNotCall('the callback of a write that threw'));
      }, /^Error: This socket is closed\.$/);
      return;
    }
    var ret = c.write('too late', mustCall(function (err) {
      assert.ok(err instanceof Error);
    }));
    assert.strictEqual(ret, false);
  }));
}
