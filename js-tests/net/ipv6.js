// IPv6: listening on '::1' and '::', addresses with family 'IPv6', and a
// dual-stack '::' server reached over IPv4 too.
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

var probe = net.createServer();
probe.on('error', function (err) {
  // Only what a machine without IPv6 answers is a reason to skip.
  if (err.code !== 'EADDRNOTAVAIL' && err.code !== 'EAFNOSUPPORT') {
    throw err;
  }
  console.log('SKIP: no IPv6 here (' + err.code + ')');
  process.exit(0);
});
probe.listen(0, '::1', function () {
  probe.close();
  run();
});

function run() {
  var server = net.createServer(mustCall(function (socket) {
    assert.strictEqual(socket.remoteAddress, '::1');
    assert.strictEqual(socket.address().family, 'IPv6');
    socket.end('six');
  }));
  server.listen(0, '::1', mustCall(function () {
    var addr = server.address();
    assert.strictEqual(addr.address, '::1');
    assert.strictEqual(addr.family, 'IPv6');
    var c = net.connect({ port: addr.port, host: '::1' }, mustCall(function () {
      assert.strictEqual(c.remoteAddress, '::1');
      assert.strictEqual(c.remotePort, addr.port);
      assert.strictEqual(c.address().family, 'IPv6');
    }));
    var got = '';
    c.on('data', function (d) { got += d; });
    c.on('close', mustCall(function () {
      assert.strictEqual(got, 'six');
      server.close();
      dualStack();
    }));
  }));
}

function dualStack() {
  var server = net.createServer(function (socket) {
    socket.end('any');
  });
  server.listen(0, '::', mustCall(function () {
    var addr = server.address();
    assert.strictEqual(addr.address, '::');
    assert.strictEqual(addr.family, 'IPv6');
    var c = net.connect(addr.port, '127.0.0.1');
    var got = '';
    c.on('data', function (d) { got += d; });
    c.on('close', mustCall(function () {
      assert.strictEqual(got, 'any');
      server.close();
    }));
  }));
}
