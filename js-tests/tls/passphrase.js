// Encrypted keys (legacy PEM encryption and PKCS#8) load with the right
// passphrase; a wrong or missing one throws at once.
var assert = require('assert');
var tls = require('tls');
var fixture = require('./_fixtures');

var cert = fixture('leaf-server-chain.pem');
['encrypted-legacy-key.pem', 'encrypted-pkcs8-key.pem'].forEach(function (name) {
  var key = fixture(name);
  assert.throws(function () {
    tls.createServer({ key: key, cert: cert });
  }, function (err) { return err instanceof Error && /key/.test(err.message); }, name + ' without passphrase');
  assert.throws(function () {
    tls.createServer({ key: key, cert: cert, passphrase: 'wrong' });
  }, function (err) { return err instanceof Error && /key/.test(err.message); }, name + ' with a wrong passphrase');
  assert.throws(function () {
    tls.connect({ port: 1, key: key, cert: cert, passphrase: 'wrong' });
  }, Error);
});

var pending = 2;
['encrypted-legacy-key.pem', 'encrypted-pkcs8-key.pem'].forEach(function (name) {
  var server = tls.createServer({ key: fixture(name), cert: cert, passphrase: 'secret' }, function (s) {
    s.end('ok');
  });
  server.listen(0, '127.0.0.1', function () {
    var c = tls.connect(server.address().port, '127.0.0.1', { ca: [fixture('ca-root-cert.pem')] }, function () {
      assert.strictEqual(c.authorized, true, name);
    });
    c.on('data', function () {});
    c.on('close', function () {
      server.close();
      pending--;
    });
  });
});
process.on('exit', function () { assert.strictEqual(pending, 0); });
