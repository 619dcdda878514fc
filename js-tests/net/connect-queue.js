// Writes and end() made while connecting are sent once connected, in
// order, with their callbacks; destroy() while connecting.
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

var results = {};
var server = net.createServer(function (socket) {
  var chunks = [];
  socket.on('data', function (d) { chunks.push(d); });
  socket.on('end', function () {
    var text = common.concat(chunks).toString();
    results[text.split(':')[0]] = text;
    socket.end();
  });
});

server.listen(0, '127.0.0.1', mustCall(function () {
  var port = server.address().port;
  var pending = 3;
  function done() {
    if (--pending === 0) {
      assert.deepEqual(results, {
        a: 'a:one,two,three,four,in-connect',
        b: 'b:end-data',
        c: 'c:'
      });
      destroyWhileConnecting(port);
    }
  }

  // a: several writes (string, Buffer, encodings, callbacks) before
  // connect, and one in the 'connect' listener, which comes after them.
  var order = [];
  var a = net.connect(port, '127.0.0.1');
  assert.strictEqual(a.readyState, 'opening');
  assert.strictEqual(a._connecting, true); // 0.7's own flag, which scripts read
  a.write('a:one,', mustCall(function () { order.push(1); }));
  a.write(new Buffer('two,'), mustCall(function () { order.push(2); }));
  a.write('74687265652c', 'hex'); // 'three,'
  a.write('Zm91cg==', 'base64', mustCall(function () { order.push(3); }));
  // Node 0.7 counts bytes here; today's node counts a string's characters.
  if (common.is07) {
    assert.strictEqual(a.bufferSize, 'a:one,two,three,four'.length);
    assert.strictEqual(a.bytesWritten, 'a:one,two,three,four'.length);
  } else {
    assert.ok(a.bufferSize > 0);
  }
  a.on('connect', mustCall(function () {
    assert.strictEqual(a._connecting, false);
    assert.strictEqual(a.readyState, 'open');
    a.end(',in-connect', 'utf8');
    assert.strictEqual(a.readyState, 'readOnly');
  }));
  a.on('close', mustCall(function (hadError) {
    assert.strictEqual(hadError, false);
    assert.deepEqual(order, [1, 2, 3]);
    assert.strictEqual(a.bytesWritten, 'a:one,two,three,four,in-connect'.length);
    done();
  }));

  // b: end(data) before connect.
  var b = net.connect(port, '127.0.0.1');
  b.end('b:end-data');
  assert.strictEqual(b.writable, false);
  assert.strictEqual(b.readyState, 'opening');
  b.on('connect', mustCall(function () {
    // connected, but the writing side is already ended
    assert.strictEqual(b.writable, false);
  }));
  b.on('close', mustCall(done));

  // c: end() with nothing written, before connect.
  var c = net.connect(port, '127.0.0.1', mustCall(function () {}));
  c.write('c:');
  c.end();
  c.on('close', mustCall(done));
}));

// destroy() while connecting: no 'connect', no 'error', 'close' with
// had_error false; the server may see the connection come and go.
function destroyWhileConnecting(port) {
  var d = net.connect(port, '127.0.0.1');
  d.on('connect', common.mustNotCall('connect after destroy'));
  d.on('error', common.mustNotCall('error after destroy'));
  d.write('lost');
  d.destroy();
  assert.strictEqual(d.destroyed, true);
  assert.strictEqual(d.readyState, 'closed');
  d.on('close', mustCall(function (hadError) {
    assert.strictEqual(hadError, false);
    server.close();
  }));
}
