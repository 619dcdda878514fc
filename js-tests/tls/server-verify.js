// A server with requestCert and rejectUnauthorized: a client with a trusted
// certificate is authorized; one with an untrusted certificate never reaches
// 'secureConnection' and sees its connection closed; one with no certificate
// fails the handshake ('clientError').
var assert = require('assert');
var tls = require('tls');
var fixture = require('./_fixtures');

var secure = [];
var clientErrors = [];
var server = tls.createServer({
  key: fixture('leaf-server-key.pem'),
  cert: fixture('leaf-server-chain.pem'),
  ca: [fixture('ca-root-cert.pem')],
  requestCert: true,
  rejectUnauthorized: true
}, function (s) {
  secure.push(s.getPeerCertificate().subject.CN);
  assert.strictEqual(s.authorized, true);
  s.on('data', function (d) {
    s.end('got ' + d);
  });
});
server.on('clientError', function (err) {
  clientErrors.push(err.message);
  next();
});

var steps = [good, untrusted, none];
function next() {
  var step = steps.shift();
  if (step) {
    step(server.address().port);
  } else {
    server.close();
  }
}
server.listen(0, '127.0.0.1', next);

function good(port) {
  var c = tls.connect(port, '127.0.0.1', {
    key: fixture('leaf-client-key.pem'),
    cert: fixture('leaf-client-chain.pem'),
    ca: [fixture('ca-root-cert.pem')]
  }, function () {
    assert.strictEqual(c.authorized, true);
    c.write('hello');
  });
  var got = '';
  c.setEncoding('utf8');
  c.on('data', function (d) { got += d; });
  c.on('close', function () {
    assert.strictEqual(got, 'got hello');
    next();
  });
}

function untrusted(port) {
  var c = tls.connect(port, '127.0.0.1', {
    key: fixture('selfsigned-key.pem'),
    cert: fixture('selfsigned-cert.pem'),
    rejectUnauthorized: false
  });
  c.on('data', function () { assert.fail('the server sent data to an unauthorized client'); });
  c.on('error', function () {});
  c.on('close', next);
  c.write('let me in');
}

function none(port) {
  var c = tls.connect(port, '127.0.0.1', { rejectUnauthorized: false });
  c.on('error', function () {});
  c.write('let me in');
  c.resume();
}

process.on('exit', function () {
  assert.deepEqual(secure, ['gojatls test client']);
  assert.deepEqual(clientErrors, ['peer did not return a certificate']);
});
