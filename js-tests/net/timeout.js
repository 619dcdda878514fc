// setTimeout(ms, [callback]): 'timeout' after ms of inactivity, with the
// socket as this; the connection stays open; setTimeout(0) cancels.
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

var server = net.createServer(function (socket) {
  socket.on('data', function (d) {
    socket.write(d);
  });
  socket.on('end', function () {
    socket.end();
  });
});

server.listen(0, '127.0.0.1', mustCall(function () {
  var port = server.address().port;
  var pending = 3;
  function done() {
    if (--pending === 0) server.close();
  }

  // An idle client times out; it is still connected and can talk after.
  var a = net.connect(port, '127.0.0.1', mustCall(function () {
    var ret = a.setTimeout(30, mustCall(function () {
      assert.strictEqual(this, a);
      assert.strictEqual(a.destroyed, false);
      assert.strictEqual(a.readyState, 'open');
      a.setTimeout(0);
      a.write('still here');
    }));
    if (!common.is07) assert.strictEqual(ret, a);
  }));
  a.on('timeout', mustCall(function () {}));
  a.setEncoding('utf8');
  a.on('data', mustCall(function (d) {
    assert.strictEqual(d, 'still here');
    a.end();
  }));
  a.on('close', done);

  // setTimeout(0) cancels a timeout, and removes the callback given with it.
  var cancelled = function () {
    throw new Error('cancelled timeout fired');
  };
  var b = net.connect(port, '127.0.0.1', mustCall(function () {
    b.setTimeout(30, cancelled);
    assert.strictEqual(b.listeners('timeout').length, 1);
    b.setTimeout(0, cancelled);
    assert.strictEqual(b.listeners('timeout').length, 0);
    b.on('timeout', cancelled);
    // End once the cancelled timeout would have fired: a timer as long,
    // set after it, comes after it (Node keeps timers of one length in
    // the order they were set).
    setTimeout(function () {
      b.end();
    }, 30);
  }));
  b.on('close', done);

  // setTimeout before connecting applies once connected. (It runs while
  // connecting too: on a slow machine it may fire then as well.)
  var c = new net.Socket();
  var timedOutOpen = false;
  c.setTimeout(30);
  c.on('timeout', function () {
    if (c.readyState === 'open') {
      timedOutOpen = true;
      c.destroy();
    }
  });
  c.on('close', mustCall(function () {
    assert.ok(timedOutOpen);
    done();
  }));
  c.connect(port, '127.0.0.1');
}));

// The server side can time out too.
var s2 = net.createServer(mustCall(function (socket) {
  socket.setTimeout(20);
  socket.once('timeout', mustCall(function () {
    assert.strictEqual(this, socket);
    socket.end('bye');
  }));
}));
s2.listen(0, '127.0.0.1', mustCall(function () {
  var c = net.connect(s2.address().port, '127.0.0.1');
  c.setEncoding('utf8');
  var got = '';
  c.on('data', function (d) { got += d; });
  c.on('end', mustCall(function () {
    assert.strictEqual(got, 'bye');
    s2.close();
  }));
}));
