// A refused connection: exactly one 'error' (ECONNREFUSED, syscall
// 'connect'), then 'close' with had_error true; never 'connect'.
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

// Find a port nobody listens on: listen, note the port, close.
var probe = net.createServer();
probe.listen(0, '127.0.0.1', mustCall(function () {
  var port = probe.address().port;
  probe.close(mustCall(function () {
    refused(port);
  }));
}));

function refused(port) {
  var events = [];
  var client = net.connect(port, '127.0.0.1');
  assert.strictEqual(client.readyState, 'opening');
  client.on('connect', common.mustNotCall('connect'));
  // The idle timeout runs while connecting, and stops with the socket.
  client.setTimeout(100);
  client.on('timeout', common.mustNotCall('timeout after close'));
  client.on('error', mustCall(function (err) {
    assert.strictEqual(this, client);
    events.push('error');
    assert.ok(err instanceof Error);
    assert.strictEqual(err.code, 'ECONNREFUSED');
    assert.strictEqual(err.syscall, 'connect');
    if (common.is07) {
      assert.strictEqual(err.message, 'connect ECONNREFUSED');
      assert.strictEqual(err.errno, 'ECONNREFUSED');
    }
  }));
  client.on('close', mustCall(function (hadError) {
    assert.strictEqual(this, client);
    events.push('close');
    assert.strictEqual(hadError, true);
    assert.deepEqual(events, ['error', 'close']);
    assert.strictEqual(client.destroyed, true);
    assert.strictEqual(client.readyState, 'closed');
    assert.strictEqual(client.bytesRead, 0);
    viaSocket(port);
  }));
  // Writes queued while connecting are lost with the connection, and end()
  // is fine.
  client.write('never sent');
  client.end();
}

// The same through new Socket().connect(), with the callback form.
function viaSocket(port) {
  var s = new net.Socket();
  s.connect(port, '127.0.0.1', common.mustNotCall('connect callback'));
  s.on('error', mustCall(function (err) {
    assert.strictEqual(err.code, 'ECONNREFUSED');
  }));
  s.on('close', mustCall(function (hadError) {
    assert.strictEqual(hadError, true);
  }));
}
