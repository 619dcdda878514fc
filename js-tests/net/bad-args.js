// Bad arguments throw at once, with the error types Node uses.
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

function throwsType(fn, Type, what) {
  assert.throws(fn, function (err) {
    return err instanceof Type;
  }, what);
}

// Ports out of range.
[-1, 65536, 1.5, 1e10, NaN].forEach(function (port) {
  throwsType(function () { net.connect(port, '127.0.0.1'); }, RangeError, 'connect ' + port);
  throwsType(function () { net.connect({ port: port }); }, RangeError, 'connect {port: ' + port + '}');
});

// No port, no path.
throwsType(function () { net.connect({}); }, TypeError, 'connect({})');
throwsType(function () { net.connect({ host: '127.0.0.1' }); }, TypeError, 'connect without port');
throwsType(function () { new net.Socket().connect({}); }, TypeError, 'socket.connect({})');

// write() takes a string or a Buffer.
var server = net.createServer(function (socket) {
  socket.on('data', function () {});
  socket.on('end', function () {
    socket.end();
  });
});
server.listen(0, '127.0.0.1', mustCall(function () {
  var c = net.connect(server.address().port, '127.0.0.1', mustCall(function () {
    [123, {}, [], null, undefined, true].forEach(function (v) {
      throwsType(function () { c.write(v); }, TypeError, 'write(' + v + ')');
    });
    if (common.is07) {
      assert.throws(function () { c.write(123); }, /First argument must be a buffer or a string/);
    }
    // An unknown encoding.
    assert.throws(function () { c.write('x', 'no-such-encoding'); }, /Unknown encoding/);
    // The socket is still usable.
    assert.strictEqual(c.write('ok'), true);
    c.end();
    c.on('close', mustCall(function (hadError) {
      assert.strictEqual(hadError, false);
      server.close();
    }));
  }));
}));

// listen() with something that is neither a port nor a path.
if (common.is07) {
  throwsType(function () { net.createServer().listen({}); }, TypeError, 'listen({})');
  throwsType(function () { net.createServer().listen(true); }, TypeError, 'listen(true)');
}

// Listening twice on one server.
var twice = net.createServer();
twice.listen(0, '127.0.0.1', mustCall(function () {
  assert.throws(function () { twice.listen(0, '127.0.0.1'); }, Error);
  twice.close();
}));
