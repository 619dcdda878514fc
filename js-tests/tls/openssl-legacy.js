// gojatls: --legacy-crypto
// With --legacy-crypto our client talks to an openssl s_server (at security
// level 0) that uses a 512-bit key and TLS 1.0, and verifies a SHA-1 chain.
var assert = require('assert');
var tls = require('tls');
var openssl = require('./_openssl');
var fixture = require('./_fixtures');

var results = [];
var skipped = false;
openssl.available(function (ok) {
  if (!ok) {
    skipped = true;
    console.log('SKIP: openssl is not installed (.ci/run installs it)');
    return;
  }
  var small = openssl.server(['-cert', 'legacy-512-cert.pem', '-key', 'legacy-512-key.pem', '-tls1'], true, function (port) {
    var c = tls.connect({
      port: port, host: '127.0.0.1', ca: [fixture('legacy-512-cert.pem')], secureProtocol: 'TLSv1_method'
    }, function () {
      results.push(c.authorized + ' ' + c.getProtocol());
      c.destroy();
      small.kill();
      sha1();
    });
  });
  function sha1() {
    var s = openssl.server(['-cert', 'legacy-sha1-leaf-cert.pem', '-key', 'legacy-sha1-leaf-key.pem'], true, function (port) {
      var c = tls.connect({ port: port, host: '127.0.0.1', ca: [fixture('legacy-sha1-root-cert.pem')] }, function () {
        results.push('sha1 ' + c.authorized);
        c.destroy();
        s.kill();
      });
    });
  }
});
process.on('exit', function () {
  if (!skipped) {
    assert.deepEqual(results, ['true TLSv1', 'sha1 true']);
  }
});
