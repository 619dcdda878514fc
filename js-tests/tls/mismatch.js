// A key that does not match its certificate throws at once, as today's
// Node does (OpenSSL's "key values mismatch" from SSL_CTX_use_PrivateKey):
// createServer, createCredentials and connect. Node 0.7 set the key before
// the certificate, OpenSSL 1.0 dropped it, and every handshake failed.
var assert = require('assert');
var tls = require('tls');
var crypto = require('crypto');
var fixture = require('./_fixtures');

var mismatched = { key: fixture('mismatch-key.pem'), cert: fixture('leaf-server-cert.pem') };

function isMismatch(err) {
  return err instanceof Error && /key values mismatch/.test(err.message) &&
    err.code === 'ERR_OSSL_X509_KEY_VALUES_MISMATCH';
}

assert.throws(function () { tls.createServer(mismatched); }, isMismatch, 'createServer');
assert.throws(function () { crypto.createCredentials(mismatched); }, isMismatch, 'createCredentials');
var connected = false;
assert.throws(function () {
  mismatched.port = 1;
  connected = tls.connect(mismatched);
}, isMismatch, 'connect');
assert.strictEqual(connected, false);

// An EC key with an RSA certificate, and a key with a chain whose leaf is
// another's: the leaf is what the key must match.
assert.throws(function () {
  tls.createServer({ key: fixture('ec-key.pem'), cert: fixture('leaf-server-cert.pem') });
}, isMismatch, 'EC key');
assert.throws(function () {
  tls.createServer({ key: fixture('ca-int-key.pem'), cert: fixture('leaf-server-chain.pem') });
}, isMismatch, 'issuer key with the leaf chain');

// The matching key still serves.
var server = tls.createServer({ key: fixture('leaf-server-key.pem'), cert: fixture('leaf-server-chain.pem') }, function (s) {
  s.end('ok');
});
var got = '';
server.listen(0, '127.0.0.1', function () {
  var c = tls.connect(server.address().port, '127.0.0.1', { ca: [fixture('ca-root-cert.pem')] });
  c.setEncoding('utf8');
  c.on('data', function (d) { got += d; });
  c.on('close', function () { server.close(); });
});
process.on('exit', function () {
  assert.strictEqual(got, 'ok');
});
