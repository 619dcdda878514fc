// Two workers' https servers share the master's plain listening socket;
// each worker does its own handshakes. The client verifies the server
// against the test CA, and the worker requires and verifies the client's
// certificate: see _shared.js.
var assert = require('assert');
var fixture = require('../tls/_fixtures');

// Until the https module is in this build, the test says so and skips.
try {
  require('https');
} catch (e) {
  console.log('SKIP: no https module in this build yet');
  return;
}

var https = require('https');
require('./_shared')({
  createServer: function (onRequest) {
    return https.createServer({
      key: fixture('leaf-server-key.pem'),
      cert: fixture('leaf-server-chain.pem'),
      ca: [fixture('ca-root-cert.pem')],
      requestCert: true,
      rejectUnauthorized: true
    }, function (req, res) {
      assert.strictEqual(req.connection.authorized, true);
      assert.strictEqual(req.connection.getPeerCertificate().subject.CN, 'gojatls test client');
      onRequest(function (text) {
        res.writeHead(200, { 'Content-Type': 'text/plain', 'Connection': 'close' });
        res.end(text);
      });
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
    https.get({
      host: '127.0.0.1',
      port: address.port,
      path: '/',
      headers: { 'Connection': 'close' },
      // The TLS options of one request: no Agent (https.markdown).
      agent: false,
      key: fixture('leaf-client-key.pem'),
      cert: fixture('leaf-client-chain.pem'),
      ca: [fixture('ca-root-cert.pem')]
    }, function (res) {
      assert.strictEqual(res.statusCode, 200);
      assert.strictEqual(res.connection.authorized, true, 'server verified: ' + res.connection.authorizationError);
      var body = '';
      res.setEncoding('utf8');
      res.on('data', function (d) { body += d; });
      res.on('end', function () { done(body); });
    });
  }
});
