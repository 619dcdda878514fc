// A socket's life: readyState, readable/writable, destroyed, bytesRead and
// bytesWritten, remoteAddress/remotePort, and 'end' before 'close'
// (had_error false) on both ends.
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

var serverEvents = [];
var server = net.createServer(mustCall(function (socket) {
  assert.strictEqual(socket.readyState, 'open');
  assert.strictEqual(socket.readable, true);
  assert.strictEqual(socket.writable, true);
  assert.strictEqual(socket.destroyed, false);
  socket.on('data', function (d) {
    serverEvents.push('data');
    socket.write(d.toString().toUpperCase());
  });
  socket.on('end', mustCall(function () {
    serverEvents.push('end');
    assert.strictEqual(socket.readable, false);
    assert.strictEqual(socket.bytesRead, 5);
    assert.strictEqual(socket.bytesWritten, 5);
  }));
  socket.on('close', mustCall(function (hadError) {
    serverEvents.push('close');
    assert.strictEqual(hadError, false);
    assert.deepEqual(serverEvents, ['data', 'end', 'close']);
    assert.strictEqual(socket.destroyed, true);
    assert.strictEqual(socket.readyState, 'closed');
    assert.strictEqual(socket.bytesRead, 5);
    assert.strictEqual(socket.bytesWritten, 5);
    server.close();
  }));
}));

server.listen(0, '127.0.0.1', mustCall(function () {
  var port = server.address().port;
  var events = [];
  var client = new net.Socket();
  // A socket that was never connected.
  if (common.is07) {
    assert.strictEqual(client.readyState, 'closed');
    assert.strictEqual(client.readable, false);
    assert.strictEqual(client.writable, false);
    assert.strictEqual(client.address(), null);
  }
  assert.strictEqual(client.bytesRead, 0);
  assert.strictEqual(client.bytesWritten, 0);
  assert.strictEqual(client.remoteAddress, undefined);
  assert.strictEqual(client.remotePort, undefined);

  client.connect(port, '127.0.0.1');
  assert.strictEqual(client.readyState, 'opening');
  client.on('connect', mustCall(function () {
    events.push('connect');
    assert.strictEqual(client.readyState, 'open');
    assert.strictEqual(client.remotePort, port);
    client.write('hello');
  }));
  client.on('data', mustCall(function (d) {
    events.push('data');
    assert.strictEqual(d.toString(), 'HELLO');
    assert.strictEqual(client.bytesRead, 5);
    client.end();
    assert.strictEqual(client.readyState, 'readOnly');
    assert.strictEqual(client.writable, false);
    assert.strictEqual(client.readable, true);
  }));
  client.on('end', mustCall(function () {
    events.push('end');
    assert.strictEqual(client.readable, false);
  }));
  client.on('close', mustCall(function (hadError) {
    events.push('close');
    assert.strictEqual(hadError, false);
    assert.deepEqual(events, ['connect', 'data', 'end', 'close']);
    assert.strictEqual(client.readyState, 'closed');
    assert.strictEqual(client.destroyed, true);
    assert.strictEqual(client.bytesRead, 5);
    assert.strictEqual(client.bytesWritten, 5);
    assert.strictEqual(client.remoteAddress, '127.0.0.1');
    assert.strictEqual(client.remotePort, port);
  }));
}));
