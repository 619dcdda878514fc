// A CleartextStream's 0.7.4 properties, as lib/tls.js's pipe(pair, socket)
// set them: socket (the net.Socket the records go over: its addresses, its
// own 'end' and 'close'), pair (a SecurePair with cleartext and encrypted)
// and encrypted (pair.encrypted). Streams of tls.createServer and
// tls.connect make them on first use; tls.connect({socket}) and
// createSecurePair have their own.
var assert = require('assert');
var net = require('net');
var tls = require('tls');
var crypto = require('crypto');
var fixture = require('./_fixtures');

var done = [];
var server = tls.createServer({ key: fixture('server-key.pem'), cert: fixture('server-cert.pem') }, function (s) {
  // Nothing is made for a stream that does not ask.
  assert.ok(!s.hasOwnProperty('socket') && s._socketView === null && s._connectionPair === null);
  var socket = s.socket;
  assert.ok(socket instanceof net.Socket);
  assert.strictEqual(s.socket, socket);
  assert.deepEqual(socket.address(), s.address());
  assert.strictEqual(socket.remoteAddress, '127.0.0.1');
  assert.strictEqual(socket.remotePort, s.remotePort);
  assert.strictEqual(socket.readable, true);
  assert.strictEqual(socket.writable, true);
  assert.throws(function () { socket.write('raw'); }, /carries the TLS records/);

  var pair = s.pair;
  assert.ok(pair instanceof tls.SecurePair);
  assert.strictEqual(pair.cleartext, s);
  assert.strictEqual(s.encrypted, pair.encrypted);
  assert.strictEqual(s.encrypted.pair, pair);
  assert.strictEqual(s.encrypted.readable, true);

  var events = [];
  socket.on('end', function () { events.push('socket end'); });
  s.on('end', function () { events.push('stream end'); });
  socket.on('close', function () { events.push('socket close'); });
  s.on('close', function () {
    events.push('stream close');
    assert.deepEqual(events, ['socket end', 'stream end', 'socket close', 'stream close']);
    assert.strictEqual(socket.destroyed, true);
    assert.strictEqual(s.encrypted.readable, false);
    // The socket counted the TLS records: more than the text they carried.
    assert.ok(socket.bytesRead > s.bytesRead && s.bytesRead === 'hello'.length, socket.bytesRead);
    assert.ok(socket.bytesWritten > s.bytesWritten, socket.bytesWritten);
    done.push('server');
  });
  s.resume();
});

server.listen(0, '127.0.0.1', function () {
  var port = server.address().port;
  var c = tls.connect(port, '127.0.0.1', { rejectUnauthorized: false }, function () {
    assert.strictEqual(c.socket, socket);
    assert.strictEqual(socket._connecting, false);
    assert.strictEqual(socket.remotePort, port);
    // Assigning makes an ordinary property.
    c.pair = 'mine';
    assert.strictEqual(c.pair, 'mine');
    c.end('hello');
  });
  // While connecting, the socket is connecting too.
  var socket = c.socket;
  assert.ok(socket instanceof net.Socket);
  assert.strictEqual(socket._connecting, true);
  assert.strictEqual(socket.address(), null);
  c.on('close', function () { overSocket(port); });
});

// tls.connect({socket}): the stream's socket is that socket, its pair the
// SecurePair that runs over it.
function overSocket(port) {
  var raw = net.connect(port, '127.0.0.1');
  var c = tls.connect({ socket: raw, rejectUnauthorized: false }, function () {
    assert.strictEqual(c.socket, raw);
    assert.ok(c.pair instanceof tls.SecurePair);
    assert.strictEqual(c.pair.cleartext, c);
    assert.strictEqual(c.encrypted, c.pair.encrypted);
    c.end('hello');
  });
  c.on('close', function () {
    done.push('over socket');
    server.close();
  });
}

// A pair made by createSecurePair: its streams know it; no socket.
var pair = tls.createSecurePair(crypto.createCredentials({}), false);
assert.strictEqual(pair.cleartext.pair, pair);
assert.strictEqual(pair.cleartext.encrypted, pair.encrypted);
assert.strictEqual(pair.encrypted.pair, pair);
assert.strictEqual(pair.cleartext.socket, undefined);
pair.destroy();

process.on('exit', function () {
  assert.deepEqual(done.sort(), ['over socket', 'server', 'server']); // two server streams
});
