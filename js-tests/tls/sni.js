// SNI: the client's servername picks the server's context, by SNICallback
// (0.7's synchronous form and the later callback form) or by addContext
// with '*' wildcards; servername is false when none was sent; an
// SNICallback that throws or returns junk fails only that handshake.
var assert = require('assert');
var tls = require('tls');
var crypto = require('crypto');
var fixture = require('./_fixtures');

var leaf = crypto.createCredentials({ key: fixture('leaf-server-key.pem'), cert: fixture('leaf-server-chain.pem') });
var ec = crypto.createCredentials({ key: fixture('ec-key.pem'), cert: fixture('ec-cert.pem') + fixture('ca-int-cert.pem') });
var rootCA = [fixture('ca-root-cert.pem')];

function subjectOf(port, servername, cb) {
  var c = tls.connect({ port: port, host: '127.0.0.1', servername: servername, ca: rootCA, rejectUnauthorized: false }, function () {
    var cert = c.getPeerCertificate();
    c.end();
    // Which certificate: the documentation's self-signed one, the RSA leaf
    // under the test CA, or the EC leaf.
    cb(null, cert.issuer.CN === 'localhost' ? 'doc' : (cert.modulus ? 'leaf' : 'ec'));
  });
  c.on('error', function (err) { cb(err); });
}

var results = [];
var clientErrors = [];
function series(port, cases, done) {
  var one = cases.shift();
  if (!one) {
    return done();
  }
  subjectOf(port, one, function (err, subject) {
    results.push(err ? 'error' : one + '=' + subject);
    series(port, cases, done);
  });
}

var aNames = [];
var a = tls.createServer({
  key: fixture('server-key.pem'), cert: fixture('server-cert.pem'),
  SNICallback: function (name) {
    if (name === 'leaf.test') { return leaf.context; }
    if (name === 'throws.test') { throw new Error('no such name'); }
    if (name === 'junk.test') { return 42; }
    return undefined;
  }
}, function (s) {
  aNames.push(s.servername);
  s.resume();
  s.end();
});
a.on('clientError', function (err) { clientErrors.push(err.message); });

var servernames = [];
var b = tls.createServer({ key: fixture('server-key.pem'), cert: fixture('server-cert.pem') }, function (s) {
  servernames.push(s.servername);
  s.resume();
  s.end();
});
b.addContext('*.example.test', leaf);
b.addContext('ec.test', { key: fixture('ec-key.pem'), cert: fixture('ec-cert.pem') });

var c = tls.createServer({
  key: fixture('server-key.pem'), cert: fixture('server-cert.pem'),
  SNICallback: function (name, cb) {
    setTimeout(function () { cb(null, name === 'later.test' ? ec.context : null); }, 1);
  }
}, function (s) { s.resume(); s.end(); });

a.listen(0, '127.0.0.1', function () {
  series(a.address().port, ['leaf.test', 'other.test', 'throws.test', 'junk.test', 'leaf.test'], function () {
    b.listen(0, '127.0.0.1', function () {
      series(b.address().port, ['www.example.test', 'ec.test', 'none.test'], function () {
        c.listen(0, '127.0.0.1', function () {
          series(c.address().port, ['later.test', 'now.test'], function () {
            subjectOf(a.address().port, undefined, function () {
              a.close(); b.close(); c.close();
            });
          });
        });
      });
    });
  });
});

process.on('exit', function () {
  assert.deepEqual(results, [
    'leaf.test=leaf', 'other.test=doc', 'error', 'error', 'leaf.test=leaf',
    'www.example.test=leaf', 'ec.test=ec', 'none.test=doc',
    'later.test=ec', 'now.test=doc'
  ]);
  assert.deepEqual(servernames.sort(), ['ec.test', 'none.test', 'www.example.test']);
  // An IP address is never sent as SNI: the last client sent none.
  assert.deepEqual(aNames.map(String).sort(), ['false', 'leaf.test', 'leaf.test', 'other.test']);
  assert.strictEqual(clientErrors.length, 2);
  assert.ok(/threw/.test(clientErrors[0]), clientErrors[0]);
  assert.ok(/SecureContext/.test(clientErrors[1]), clientErrors[1]);
});
