// Without --legacy-crypto, 2012-era material fails with an error naming the
// flag, or, for a peer's SHA-1 chain, authorized false and CA_MD_TOO_WEAK.
var assert = require('assert');
var tls = require('tls');
var fixture = require('./_fixtures');

assert.throws(function () {
  tls.createServer({ key: fixture('legacy-512-key.pem'), cert: fixture('legacy-512-cert.pem') });
}, /--legacy-crypto/);
assert.throws(function () {
  tls.createServer({ key: fixture('server-key.pem'), cert: fixture('server-cert.pem'), secureProtocol: 'TLSv1_method' });
}, /--legacy-crypto/);
assert.throws(function () {
  tls.connect({ port: 1, secureProtocol: 'SSLv3_method' });
}, /SSLv3 methods disabled/);
assert.throws(function () {
  tls.connect({ port: 1, secureProtocol: 'SSLv2_method' });
}, /SSLv2 methods disabled/);
assert.throws(function () {
  tls.connect({ port: 1, secureProtocol: 'Bogus_method' });
}, /Unknown method/);

var codes = [];
var server = tls.createServer({ key: fixture('legacy-sha1-leaf-key.pem'), cert: fixture('legacy-sha1-leaf-cert.pem') }, function (s) {
  s.end();
});
server.listen(0, '127.0.0.1', function () {
  var c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: [fixture('legacy-sha1-root-cert.pem')], rejectUnauthorized: false }, function () {
    codes.push(c.authorizationError);
    assert.strictEqual(c.authorized, false);
  });
  c.resume();
  c.on('close', function () { server.close(); });
});
process.on('exit', function () {
  assert.deepEqual(codes, ['CA_MD_TOO_WEAK']);
});
