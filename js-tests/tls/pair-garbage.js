// Garbage written to pair.encrypted: 'error' on the pair (as 0.7.4's
// SecurePair.error() emits a failed handshake), with OpenSSL's reason; the
// cleartext stream only closes; nothing else is affected.
var assert = require('assert');
var tls = require('tls');
var crypto = require('crypto');
var fixture = require('./_fixtures');

var creds = crypto.createCredentials({ key: fixture('server-key.pem'), cert: fixture('server-cert.pem') });
var pair = tls.createSecurePair(creds, true);
var errors = [];
var cleartextClosed = false;
pair.on('error', function (err) {
  assert.ok(err instanceof Error);
  assert.strictEqual(this, pair);
  assert.strictEqual(err.code, 'ERR_SSL_UNKNOWN_PROTOCOL');
  errors.push(err.message);
});
pair.cleartext.on('error', function (err) {
  assert.fail('the handshake error went to pair.cleartext: ' + err.message);
});
pair.cleartext.on('close', function () { cleartextClosed = true; });
pair.on('secure', function () { assert.fail('secure after garbage'); });
pair.encrypted.on('data', function () {});
pair.encrypted.write(new Buffer('this is not TLS at all, just some text\r\n'));

// A handshake record that announces a ClientHello of 16 MiB: OpenSSL 1.0's
// ssl3_get_message refused it from its header ("excessive message size").
var huge = tls.createSecurePair(creds, true);
var hugeErrors = [];
huge.on('error', function (err) {
  assert.strictEqual(err.code, 'ERR_SSL_EXCESSIVE_MESSAGE_SIZE');
  hugeErrors.push(err.message);
});
huge.encrypted.on('data', function () {});
huge.encrypted.write(new Buffer('16030100100cffffff414141414141414141414141', 'hex'));

// A second, good pair in the same program still works: a client pair wired
// to a server pair.
var server = tls.createSecurePair(creds, true);
var client = tls.createSecurePair(crypto.createCredentials({ ca: [fixture('server-cert.pem')] }), false);
client.encrypted.pipe(server.encrypted);
server.encrypted.pipe(client.encrypted);
var got = '';
server.on('secure', function () {
  server.cleartext.setEncoding('utf8');
  server.cleartext.on('data', function (d) { got += d; });
});
client.on('secure', function () {
  assert.strictEqual(client.cleartext.authorized, true);
  client.cleartext.end('over two pairs');
});
process.on('exit', function () {
  assert.deepEqual(errors, ['unknown protocol']);
  assert.deepEqual(hugeErrors, ['excessive message size']);
  assert.ok(cleartextClosed, "pair.cleartext had no 'close'");
  assert.strictEqual(got, 'over two pairs');
});
