// gojatls: --legacy-crypto
// With --legacy-crypto, 2012-era material works: a 512-bit RSA key (TLS 1.2
// at most), a SHA-1-signed chain, an MD5-signed v1 CRL, RC4 and RSA key
// exchange when named, TLS 1.0.
// (gojatls only: today's node refuses most of this.)
var assert = require('assert');
var tls = require('tls');
var fixture = require('./_fixtures');

var results = {};
function check(name, serverOptions, clientOptions, verify, done) {
  var server = tls.createServer(serverOptions, function (s) { s.end('ok'); });
  server.listen(0, '127.0.0.1', function () {
    clientOptions.port = server.address().port;
    clientOptions.host = '127.0.0.1';
    var c = tls.connect(clientOptions, function () {
      verify(c);
      results[name] = true;
    });
    c.resume();
    c.on('close', function () {
      server.close();
      done();
    });
  });
}

var steps = [
  function (next) {
    check('512-bit key', { key: fixture('legacy-512-key.pem'), cert: fixture('legacy-512-cert.pem') },
      { ca: [fixture('legacy-512-cert.pem')] }, function (c) {
        assert.strictEqual(c.authorized, true, c.authorizationError);
        assert.strictEqual(c.getProtocol(), 'TLSv1.2');
      }, next);
  },
  function (next) {
    check('SHA-1 chain and MD5 CRL', { key: fixture('legacy-sha1-leaf-key.pem'), cert: fixture('legacy-sha1-leaf-cert.pem') },
      { ca: [fixture('legacy-sha1-root-cert.pem')], crl: fixture('legacy-md5-crl.pem') }, function (c) {
        assert.strictEqual(c.authorized, true, c.authorizationError);
      }, next);
  },
  function (next) {
    check('RC4 when named', { key: fixture('server-key.pem'), cert: fixture('server-cert.pem'), ciphers: 'RC4-SHA' },
      { rejectUnauthorized: false, ciphers: 'RC4:3DES' }, function (c) {
        assert.strictEqual(c.getCipher().name, 'RC4-SHA');
      }, next);
  },
  function (next) {
    check('RSA key exchange', { key: fixture('server-key.pem'), cert: fixture('server-cert.pem'), ciphers: 'kRSA+AES128+SHA1' },
      { rejectUnauthorized: false }, function (c) {
        assert.strictEqual(c.getCipher().name, 'AES128-SHA');
      }, next);
  },
  function (next) {
    check('TLS 1.0', { key: fixture('server-key.pem'), cert: fixture('server-cert.pem'), secureProtocol: 'TLSv1_method' },
      { rejectUnauthorized: false, secureProtocol: 'TLSv1_client_method' }, function (c) {
        assert.strictEqual(c.getProtocol(), 'TLSv1');
      }, next);
  }
];
(function next() {
  var step = steps.shift();
  if (step) {
    step(next);
  }
})();
process.on('exit', function () {
  assert.deepEqual(Object.keys(results), ['512-bit key', 'SHA-1 chain and MD5 CRL', 'RC4 when named', 'RSA key exchange', 'TLS 1.0']);
});
