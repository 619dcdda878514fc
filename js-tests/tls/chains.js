// Verification results a client sees for the fixture chains (see
// js-tests/fixtures/README.md), as authorizationError codes.
var assert = require('assert');
var tls = require('tls');
var fixture = require('./_fixtures');

var cases = [
  { cert: 'leaf-server-chain.pem', key: 'leaf-server-key.pem', ca: ['ca-root-cert.pem'], want: null },
  { cert: 'leaf-server-cert.pem', key: 'leaf-server-key.pem', ca: ['ca-root-cert.pem'], want: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
  { cert: 'server-cert.pem', key: 'server-key.pem', ca: ['ca-root-cert.pem'], want: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
  { cert: 'leaf-expired-cert.pem', chain: 'ca-int-cert.pem', key: 'leaf-expired-key.pem', ca: ['ca-root-cert.pem'], want: 'CERT_HAS_EXPIRED' },
  { cert: 'leaf-clientonly-cert.pem', chain: 'ca-int-cert.pem', key: 'leaf-clientonly-key.pem', ca: ['ca-root-cert.pem'], want: 'INVALID_PURPOSE' },
  { cert: 'ec-cert.pem', chain: 'ca-int-cert.pem', key: 'ec-key.pem', ca: ['ca-root-cert.pem'], want: null }
];

var total = cases.length;
var checked = 0;

function run() {
  var c = cases.shift();
  if (!c) {
    return;
  }
  var cert = fixture(c.cert).toString();
  if (c.chain) {
    cert += fixture(c.chain).toString();
  }
  var server = tls.createServer({ key: fixture(c.key), cert: cert }, function (s) {
    s.end();
  });
  server.listen(0, '127.0.0.1', function () {
    var client = tls.connect(server.address().port, '127.0.0.1', {
      ca: c.ca.map(fixture), rejectUnauthorized: false
    }, function () {
      assert.strictEqual(client.authorized, c.want === null, c.cert);
      assert.strictEqual(client.authorizationError, c.want, c.cert + ': ' + client.authorizationError);
      checked++;
      client.on('close', function () {
        server.close();
        run();
      });
      client.resume();
    });
  });
}
run();
process.on('exit', function () {
  assert.strictEqual(checked, total, 'cases checked');
});
