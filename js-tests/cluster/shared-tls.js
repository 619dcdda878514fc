// Two workers' tls servers share the master's plain listening socket; each
// worker does its own handshakes with its own configuration. The client
// verifies the server against the test CA and the worker requires and
// verifies the client's certificate: see _shared.js.
var assert = require('assert');
var tls = require('tls');
var fixture = require('../tls/_fixtures');

require('./_shared')({
  createServer: function (onRequest) {
    return tls.createServer({
      key: fixture('leaf-server-key.pem'),
      cert: fixture('leaf-server-chain.pem'),
      ca: [fixture('ca-root-cert.pem')],
      requestCert: true,
      rejectUnauthorized: true
    }, function (cleartext) {
      assert.strictEqual(cleartext.authorized, true);
      assert.strictEqual(cleartext.getPeerCertificate().subject.CN, 'gojatls test client');
      onRequest(function (text) { cleartext.end(text); });
    });
  },
  listen: function (server, done) {
    server.listen(0, '127.0.0.1', done);
  },
  checkAddress: function (address) {
    assert.strictEqual(address.address, '127.0.0.1');
    assert.ok(address.port > 0);
  },
  connect: function (address, done) {
    var c = tls.connect(address.port, '127.0.0.1', {
      key: fixture('leaf-client-key.pem'),
      cert: fixture('leaf-client-chain.pem'),
      ca: [fixture('ca-root-cert.pem')]
    }, function () {
      assert.strictEqual(c.authorized, true, 'server verified: ' + c.authorizationError);
    });
    var got = '';
    c.setEncoding('utf8');
    c.on('data', function (d) { got += d; });
    c.on('end', function () { done(got); });
  }
});
