// Our client against openssl s_server: verification, data both ways (s_server
// -rev answers each line reversed), SNI (s_server switches to its second
// certificate for the name), ALPN/NPN, and session resumption.
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
  var server = openssl.server([
    '-rev', '-cert', 'server-cert.pem', '-key', 'server-key.pem',
    '-servername', 'sni.test', '-cert2', 'leaf-server-chain.pem', '-key2', 'leaf-server-key.pem',
    '-alpn', 'spdy/2,http/1.1', '-tls1_2'
  ], false, function (port) {
    var first = tls.connect({
      port: port, host: '127.0.0.1', ca: [fixture('server-cert.pem')], NPNProtocols: ['http/1.1']
    }, function () {
      results.push('authorized ' + first.authorized);
      results.push('npn ' + first.npnProtocol);
      results.push('CN ' + first.getPeerCertificate().issuer.CN);
      first.write('hello\n');
    });
    first.setEncoding('utf8');
    first.on('data', function (d) {
      if (d.indexOf('olleh') !== -1) {
        results.push('echo');
        var session = first.getSession();
        first.end();
        first.destroy();
        second(port, session);
      }
    });
  });
  function second(port, session) {
    var c = tls.connect({ port: port, host: '127.0.0.1', session: session, rejectUnauthorized: false }, function () {
      results.push('reused ' + c.isSessionReused());
      c.destroy();
      sni(port);
    });
  }
  function sni(port) {
    // s_server sends only the leaf of -cert2: the client trusts root and intermediate.
    var c = tls.connect({
      port: port, host: '127.0.0.1', servername: 'sni.test', ca: [fixture('ca-root-cert.pem'), fixture('ca-int-cert.pem')]
    }, function () {
      results.push('sni authorized ' + c.authorized);
      results.push('sni issuer ' + c.getPeerCertificate().issuer.CN);
      c.destroy();
      server.kill();
    });
  }
});
process.on('exit', function () {
  if (skipped) {
    return;
  }
  assert.deepEqual(results, [
    'authorized true', 'npn http/1.1', 'CN localhost', 'echo', 'reused true',
    'sni authorized true', 'sni issuer gojatls Test Intermediate CA'
  ]);
});
