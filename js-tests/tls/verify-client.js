// A client with rejectUnauthorized gets 'error' (the verification code) and
// never 'secureConnect' when the server's certificate is not trusted; without
// it, 'secureConnect' with authorized false and the code.
var assert = require('assert');
var tls = require('tls');
var fixture = require('./_fixtures');

var server = tls.createServer({ key: fixture('server-key.pem'), cert: fixture('server-cert.pem') }, function (s) {
  // The rejecting client hangs up at once: writing to it may fail.
  s.on('error', function () {});
  s.end('data the rejecting client must never see');
});
var done = 0;
server.listen(0, '127.0.0.1', function () {
  var port = server.address().port;
  var strict = tls.connect({ port: port, host: '127.0.0.1', ca: [], rejectUnauthorized: true }, function () {
    assert.fail('secureConnect despite rejectUnauthorized');
  });
  strict.on('data', function () { assert.fail('data despite rejectUnauthorized'); });
  strict.on('error', function (err) {
    assert.ok(err instanceof Error);
    assert.strictEqual(err.message, 'DEPTH_ZERO_SELF_SIGNED_CERT');
    assert.strictEqual(strict.authorized, false);
    assert.strictEqual(strict.authorizationError, 'DEPTH_ZERO_SELF_SIGNED_CERT');
    finish();
  });
  var lax = tls.connect({ port: port, host: '127.0.0.1', ca: [], rejectUnauthorized: false }, function () {
    assert.strictEqual(lax.authorized, false);
    assert.strictEqual(lax.authorizationError, 'DEPTH_ZERO_SELF_SIGNED_CERT');
    lax.on('end', finish);
  });
  lax.resume();
});
function finish() {
  if (++done === 2) {
    server.close();
  }
}
process.on('exit', function () { assert.strictEqual(done, 2); });
