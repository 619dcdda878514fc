// net.connect / net.createConnection in their forms, socket.connect, the
// connect callback and its `this`, addresses and ports on both ends.
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

assert.strictEqual(net.connect, net.createConnection);
assert.strictEqual(net.Stream, net.Socket);

var serverSockets = [];
var server = net.createServer(function (socket) {
  serverSockets.push(socket);
  socket.on('data', function (d) {
    socket.end(d);
  });
});

var forms = [
  function (port, cb) { return net.connect(port, '127.0.0.1', cb); },
  function (port, cb) { return net.createConnection(port, '127.0.0.1', cb); },
  function (port, cb) { return net.connect({ port: port, host: '127.0.0.1' }, cb); },
  function (port, cb) { return net.createConnection({ port: port, host: '127.0.0.1' }, cb); },
  // The port as a string.
  function (port, cb) { return net.connect(String(port), '127.0.0.1', cb); },
  // A host name.
  function (port, cb) { return net.connect(port, 'localhost', cb); },
  // Without a host: this machine.
  function (port, cb) { return net.connect(port, cb); },
  function (port, cb) { return net.connect({ port: port }, cb); },
  // A Socket made first, then connected; connect returns the socket.
  function (port, cb) {
    var s = new net.Socket();
    assert.strictEqual(s.connect(port, '127.0.0.1', cb), s);
    return s;
  },
  function (port, cb) {
    var s = net.Socket();
    assert.strictEqual(s.connect({ port: port, host: '127.0.0.1' }, cb), s);
    return s;
  }
];

server.listen(0, '127.0.0.1', mustCall(function () {
  var port = server.address().port;
  next(0);

  function next(i) {
    if (i === forms.length) {
      server.close();
      return;
    }
    var client = forms[i](port, mustCall(function () {
      assert.strictEqual(this, client, 'form ' + i);
      assert.strictEqual(client.remoteAddress, '127.0.0.1');
      assert.strictEqual(client.remotePort, port);
      var local = client.address();
      assert.strictEqual(local.address, '127.0.0.1');
      assert.strictEqual(local.family, 'IPv4');
      assert.ok(local.port > 0);
      client.write('form ' + i);
    }));
    assert.ok(client instanceof net.Socket);
    var got = '';
    client.setEncoding('utf8');
    client.on('data', function (d) { got += d; });
    client.on('end', mustCall(function () {
      assert.strictEqual(got, 'form ' + i);
      // The server's socket sees the client's address as its remote one.
      var s = serverSockets[i];
      assert.strictEqual(s.remoteAddress, '127.0.0.1');
      assert.strictEqual(s.remotePort, client.address().port);
      assert.strictEqual(s.address().port, port);
    }));
    client.on('close', mustCall(function (hadError) {
      assert.strictEqual(hadError, false);
      // The addresses are remembered after the socket is closed.
      assert.strictEqual(client.remoteAddress, '127.0.0.1');
      assert.strictEqual(client.remotePort, port);
      next(i + 1);
    }));
  }
}));

// 'connect' listeners added later run too, after the callback.
var s2 = net.createServer(function (c) { c.end(); });
s2.listen(0, '127.0.0.1', mustCall(function () {
  var order = [];
  var c = net.connect(s2.address().port, '127.0.0.1', function () {
    order.push('callback');
  });
  c.on('connect', mustCall(function () {
    assert.strictEqual(this, c);
    order.push('listener');
    assert.deepEqual(order, ['callback', 'listener']);
  }));
  c.on('close', mustCall(function () {
    s2.close();
  }));
}));
