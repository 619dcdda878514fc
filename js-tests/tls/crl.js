// CRLs (the crl option, a string or an array of PEM CRLs, v1 and v2) feed
// the verifier: a revoked leaf is CERT_REVOKED; with CRLs on, every
// certificate needs its issuer's CRL (UNABLE_TO_GET_CRL); a malformed CRL
// throws naming crl. On servers too (client certificates).
var assert = require('assert');
var tls = require('tls');
var fixture = require('./_fixtures');

var crls = [fixture('crl-int.pem'), fixture('crl-root.pem')];
var codes = [];

function check(cert, key, clientOptions, next) {
  var server = tls.createServer({ key: fixture(key), cert: fixture(cert).toString() + fixture('ca-int-cert.pem') }, function (s) {
    s.end();
  });
  server.listen(0, '127.0.0.1', function () {
    clientOptions.port = server.address().port;
    clientOptions.host = '127.0.0.1';
    clientOptions.ca = [fixture('ca-root-cert.pem')];
    clientOptions.rejectUnauthorized = false;
    var c = tls.connect(clientOptions, function () {
      codes.push(c.authorizationError);
    });
    c.resume();
    c.on('close', function () { server.close(); next(); });
  });
}

assert.throws(function () {
  tls.connect({ port: 1, crl: '-----BEGIN X509 CRL-----\nbm90IGEgQ1JM\n-----END X509 CRL-----\n' });
}, /crl/);

check('leaf-revoked-cert.pem', 'leaf-revoked-key.pem', { crl: crls }, function () {
  check('leaf-server-cert.pem', 'leaf-server-key.pem', { crl: crls }, function () {
    check('leaf-server-cert.pem', 'leaf-server-key.pem', { crl: fixture('crl-int.pem') }, function () {
      check('leaf-server-cert.pem', 'leaf-server-key.pem', { crl: [fixture('crl-int-expired.pem'), fixture('crl-root.pem')] }, serverSide);
    });
  });
});

// A server with requestCert and crl judges client certificates the same way.
function serverSide() {
  var server = tls.createServer({
    key: fixture('server-key.pem'), cert: fixture('server-cert.pem'),
    requestCert: true, ca: [fixture('ca-root-cert.pem')], crl: crls
  }, function (s) {
    codes.push('server: ' + s.authorized);
    s.end();
  });
  server.listen(0, '127.0.0.1', function () {
    var c = tls.connect({
      port: server.address().port, host: '127.0.0.1', rejectUnauthorized: false,
      key: fixture('leaf-client-key.pem'), cert: fixture('leaf-client-chain.pem')
    });
    c.resume();
    c.on('close', function () { server.close(); });
  });
}

process.on('exit', function () {
  assert.deepEqual(codes, ['CERT_REVOKED', null, 'UNABLE_TO_GET_CRL', 'CRL_HAS_EXPIRED', 'server: true']);
});
