// Without --legacy-crypto, a server's 512-bit key is an error naming the
// flag (openssl s_server at security level 0 offers it).
var assert = require('assert');
var tls = require('tls');
var openssl = require('./_openssl');

var errors = [];
var skipped = false;
openssl.available(function (ok) {
  if (!ok) {
    skipped = true;
    console.log('SKIP: openssl is not installed (.ci/run installs it)');
    return;
  }
  var server = openssl.server(['-cert', 'legacy-512-cert.pem', '-key', 'legacy-512-key.pem', '-tls1_2'], true, function (port) {
    var c = tls.connect({ port: port, host: '127.0.0.1', rejectUnauthorized: false }, function () {
      assert.fail('connected to a 512-bit server without --legacy-crypto');
    });
    c.on('error', function (err) {
      errors.push(err.message);
    });
    c.on('close', function () { server.kill(); });
  });
});
process.on('exit', function () {
  if (!skipped) {
    assert.strictEqual(errors.length, 1, 'one error: ' + errors);
    assert.ok(/--legacy-crypto/.test(errors[0]), errors[0]);
  }
});
