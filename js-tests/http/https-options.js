// https with tls's options on both sides: a server that asks for client
// certificates sees the client's in req.connection (a CleartextStream:
// authorized, getPeerCertificate()); an https.Agent carries the client's
// key, cert and ca, and with rejectUnauthorized a server it cannot verify
// is an 'error' before any request is sent; agent: false with the options
// works the same way. Keep-alive requests reuse one TLS connection.
var https = require('https');
var tls = require('tls');
var fs = require('fs');
var assert = require('assert');
var common = require('./_common');

function fixture(name) {
  return fs.readFileSync(__dirname + '/../fixtures/' + name);
}

var connections = 0;
var server = https.createServer({
  key: fixture('leaf-server-key.pem'),
  cert: fixture('leaf-server-chain.pem'),
  ca: [fixture('ca-root-cert.pem')],
  requestCert: true
}, function (req, res) {
  var conn = req.connection;
  assert(conn instanceof tls.CleartextStream);
  var peer = conn.getPeerCertificate();
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end(conn.authorized + ' ' + (peer && peer.subject ? peer.subject.CN : '-'));
});
server.on('secureConnection', function () { connections++; });

function fetch(options, cb) {
  https.get(options, function (res) {
    var body = '';
    res.setEncoding('utf8');
    res.on('data', function (d) { body += d; });
    res.on('end', function () { cb(res, body); });
  }).on('error', function (err) { cb(null, err); });
}

server.listen(0, '127.0.0.1', common.mustCall(function () {
  var port = server.address().port;
  var client = {
    host: '127.0.0.1', port: port, path: '/',
    key: fixture('leaf-client-key.pem'),
    cert: fixture('leaf-client-chain.pem'),
    ca: [fixture('ca-root-cert.pem')],
    rejectUnauthorized: true
  };
  var steps = [
    function (next) {
      var options = Object.create(client);
      options.agent = new https.Agent(client);
      options.agent.maxSockets = 1;
      var left = 3;
      for (var i = 0; i < 3; i++) {
        fetch(options, function (res, body) {
          assert(res, body);
          assert.strictEqual(res.statusCode, 200);
          assert.strictEqual(body, 'true gojatls test client');
          if (--left === 0) {
            assert.strictEqual(connections, 1); // one TLS connection, kept
            next();
          }
        });
      }
    },
    function (next) {
      // Without a client certificate: the server sees an unauthorized peer.
      fetch({ host: '127.0.0.1', port: port, path: '/', agent: false,
              ca: [fixture('ca-root-cert.pem')], rejectUnauthorized: true }, function (res, body) {
        assert(res, body);
        assert.strictEqual(body, 'false -');
        next();
      });
    },
    function (next) {
      // A CA that did not sign the server: refused before any request.
      fetch({ host: '127.0.0.1', port: port, path: '/', agent: false,
              ca: [fixture('other-root-cert.pem')], rejectUnauthorized: true }, function (res, err) {
        assert.strictEqual(res, null);
        assert(err instanceof Error);
        assert.strictEqual(err.message, 'CERT_UNTRUSTED');
        next();
      });
    }
  ];
  common.series(steps, function () {
    server.close();
  });
}));
