// allowHalfOpen: after the peer's FIN the socket stays writable until it
// ends itself. Without it, the socket ends its side when the peer does.
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

// The half-open server keeps writing after the client has ended.
var server = net.createServer({ allowHalfOpen: true }, mustCall(function (socket) {
  assert.strictEqual(socket.allowHalfOpen, true);
  var got = '';
  socket.setEncoding('utf8');
  socket.on('data', function (d) { got += d; });
  socket.on('end', mustCall(function () {
    assert.strictEqual(got, 'request');
    assert.strictEqual(socket.readable, false);
    assert.strictEqual(socket.writable, true);
    if (common.is07) assert.strictEqual(socket.readyState, 'writeOnly');
    // Answer later, in several writes, then end.
    setTimeout(function () {
      assert.strictEqual(socket.destroyed, false);
      socket.write('response ');
      setTimeout(function () {
        socket.write('in ');
        socket.end('parts');
      }, 10);
    }, 10);
  }));
  socket.on('close', mustCall(function (hadError) {
    assert.strictEqual(hadError, false);
    server.close();
  }));
}));

server.listen(0, '127.0.0.1', mustCall(function () {
  var events = [];
  var client = net.connect(server.address().port, '127.0.0.1', mustCall(function () {
    client.end('request');
    assert.strictEqual(client.writable, false);
    assert.strictEqual(client.readable, true);
    assert.strictEqual(client.readyState, 'readOnly');
  }));
  var got = '';
  client.setEncoding('utf8');
  client.on('data', function (d) { got += d; });
  client.on('end', mustCall(function () {
    events.push('end');
    assert.strictEqual(got, 'response in parts');
  }));
  client.on('close', mustCall(function (hadError) {
    events.push('close');
    assert.strictEqual(hadError, false);
    assert.deepEqual(events, ['end', 'close']);
    notHalfOpen();
  }));
}));

// Without allowHalfOpen the server's socket ends as soon as the client
// does; what it writes in its 'end' listener still goes out first.
function notHalfOpen() {
  var s = net.createServer(mustCall(function (socket) {
    assert.strictEqual(socket.allowHalfOpen, false);
    socket.on('end', mustCall(function () {
      socket.end('last words');
    }));
    socket.on('close', mustCall(function () {
      s.close();
    }));
  }));
  s.listen(0, '127.0.0.1', mustCall(function () {
    // A half-open client: it can still read after its own end().
    var c = net.connect({ port: s.address().port, host: '127.0.0.1', allowHalfOpen: true });
    assert.strictEqual(c.allowHalfOpen, true);
    c.on('connect', function () {
      c.end();
    });
    var got = '';
    c.setEncoding('utf8');
    c.on('data', function (d) { got += d; });
    c.on('end', mustCall(function () {
      assert.strictEqual(got, 'last words');
    }));
    c.on('close', mustCall(function (hadError) {
      assert.strictEqual(hadError, false);
      clientHalfOpen();
    }));
  }));
}

// A half-open client keeps writing after the server has ended; the server
// (not half-open) reads all of it.
function clientHalfOpen() {
  var got = '';
  var s = net.createServer({ allowHalfOpen: true }, mustCall(function (socket) {
    socket.setEncoding('utf8');
    socket.on('data', function (d) { got += d; });
    socket.end('go ahead');
    socket.on('end', mustCall(function () {
      assert.strictEqual(got, 'after the server ended');
      s.close();
    }));
  }));
  s.listen(0, '127.0.0.1', mustCall(function () {
    var c = net.connect({ port: s.address().port, host: '127.0.0.1', allowHalfOpen: true });
    c.on('end', mustCall(function () {
      assert.strictEqual(c.writable, true);
      if (common.is07) assert.strictEqual(c.readyState, 'writeOnly');
      c.write('after the server ');
      setTimeout(function () {
        c.end('ended');
      }, 10);
    }));
    c.on('data', function () {});
  }));
}
