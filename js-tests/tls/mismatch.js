// A key that does not match its certificate loads, and every handshake
// then fails: 'clientError' on the server, 'error' on the client.
var assert = require('assert');
var tls = require('tls');
var fixture = require('./_fixtures');

var server = tls.createServer({ key: fixture('mismatch-key.pem'), cert: fixture('leaf-server-cert.pem') }, function () {
  assert.fail('secureConnection with a mismatched key');
});
var serverErrors = 0;
var clientErrors = 0;
server.on('clientError', function (err) {
  assert.ok(err instanceof Error);
  serverErrors++;
});
server.listen(0, '127.0.0.1', function () {
  var c = tls.connect(server.address().port, '127.0.0.1', function () {
    assert.fail('secureConnect with a mismatched key');
  });
  c.on('error', function (err) {
    assert.ok(err instanceof Error);
    clientErrors++;
  });
  c.on('close', function () {
    setTimeout(function () { server.close(); }, 50);
  });
});
process.on('exit', function () {
  assert.strictEqual(clientErrors, 1);
  assert.ok(serverErrors <= 1);
});
