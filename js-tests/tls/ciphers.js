// The ciphers option (OpenSSL's cipher-list grammar) on servers and
// clients; getCipher() with OpenSSL names; a list naming no TLS 1.3 suite
// caps the connection at TLS 1.2, as OpenSSL 1.0 did. (RSA key exchange,
// RC4 and 3DES need --legacy-crypto: see legacy.js.)
var assert = require('assert');
var tls = require('tls');
var crypto = require('crypto');
var fixture = require('./_fixtures');

function pair(serverCiphers, clientCiphers, check, next) {
  var server = tls.createServer({ key: fixture('server-key.pem'), cert: fixture('server-cert.pem'), ciphers: serverCiphers }, function (s) {
    s.end();
  });
  server.listen(0, '127.0.0.1', function () {
    var c = tls.connect({ port: server.address().port, host: '127.0.0.1', rejectUnauthorized: false, ciphers: clientCiphers }, function () {
      check(c.getCipher(), c.getProtocol());
    });
    c.resume();
    c.on('error', function (err) { check(null, err.message); });
    c.on('close', function () { server.close(); next(); });
  });
}

var seen = [];
var steps = [
  function (next) {
    pair('ECDHE-RSA-AES128-GCM-SHA256', undefined, function (cipher, protocol) {
      seen.push(cipher.name + ' ' + protocol + ' ' + cipher.version);
    }, next);
  },
  function (next) {
    // Go chooses among the allowed suites by its own preference (README:
    // Compatibility):
    // the list here leaves one that an RSA server can use.
    pair('HIGH:!aNULL:!AESGCM:!CHACHA20:!AES128:!SHA256:!SHA384:@STRENGTH', undefined, function (cipher, protocol) {
      seen.push(cipher.name + ' ' + protocol);
    }, next);
  },
  function (next) {
    pair(undefined, 'kECDHE+AES256+SHA1', function (cipher, protocol) {
      seen.push(cipher.name + ' ' + protocol);
    }, next);
  },
  function (next) {
    pair('ECDHE-RSA-AES256-GCM-SHA384:TLS_AES_128_GCM_SHA256', undefined, function (cipher, protocol) {
      seen.push(protocol);
    }, next);
  }
];
(function next() {
  var step = steps.shift();
  if (step) {
    step(next);
  }
})();

// context.setCiphers() as 0.7's SecureContext had it.
var creds = crypto.createCredentials({});
creds.context.setCiphers('ECDHE-RSA-AES128-SHA');
assert.throws(function () { creds.context.setCiphers(42); }, TypeError);

process.on('exit', function () {
  assert.deepEqual(seen, [
    'ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 TLSv1.2',
    'ECDHE-RSA-AES256-SHA TLSv1.2',
    'ECDHE-RSA-AES256-SHA TLSv1.2',
    'TLSv1.3'
  ]);
});
