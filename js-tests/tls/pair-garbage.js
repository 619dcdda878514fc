// Garbage written to pair.encrypted: 'error' on the pair's cleartext
// stream, nothing else affected.
var assert = require('assert');
var tls = require('tls');
var crypto = require('crypto');
var fixture = require('./_fixtures');

var creds = crypto.createCredentials({ key: fixture('server-key.pem'), cert: fixture('server-cert.pem') });
var pair = tls.createSecurePair(creds, true);
var errors = [];
pair.cleartext.on('error', function (err) {
  assert.ok(err instanceof Error);
  errors.push(err.message);
});
pair.on('secure', function () { assert.fail('secure after garbage'); });
pair.encrypted.on('data', function () {});
pair.encrypted.write(new Buffer('this is not TLS at all, just some text\r\n'));

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
  assert.strictEqual(got, 'over two pairs');
});
