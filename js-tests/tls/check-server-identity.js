// Host names: 0.7.4 never checks that the certificate names the host
// (authorized is the chain's verdict), and neither does gojatls unless the
// script asks with later Node's checkServerIdentity option, which is
// called once the chain verifies; an Error it returns makes the connection
// unauthorized like a bad chain: 'error' with that Error under
// rejectUnauthorized, else authorized false with its code. Also over
// tls.connect({socket}).
var assert = require('assert');
var net = require('net');
var tls = require('tls');
var fixture = require('./_fixtures');

var ca = [fixture('ca-root-cert.pem')];
// The leaf names DNS:localhost and IP Address:127.0.0.1.
var server = tls.createServer({ key: fixture('leaf-server-key.pem'), cert: fixture('leaf-server-chain.pem') }, function (s) {
  s.on('error', function () {}); // clients that refuse the server reset
  s.end('hi');
});
var results = {};

function run(name, options, done) {
  options.port = server.address().port;
  options.host = options.host || '127.0.0.1';
  var r = results[name] = { calls: [] };
  if (options.checkServerIdentity === 'record') {
    options.checkServerIdentity = function (host, cert) {
      r.calls.push(host + ' ' + cert.subject.CN);
      return tls.checkServerIdentity(host, cert);
    };
  }
  var c = tls.connect(options, function () {
    r.secure = [c.authorized, c.authorizationError];
    c.resume();
  });
  c.on('error', function (err) { r.error = [err.code, err instanceof Error]; });
  c.on('close', function () { done(); });
}

function overSocket(name, options, done) {
  var r = results[name] = { calls: [] };
  var socket = net.connect(server.address().port, '127.0.0.1', function () {
    options.socket = socket;
    var c = tls.connect(options, function () {
      r.secure = [c.authorized, c.authorizationError];
      c.end();
    });
    c.on('error', function (err) { r.error = [err.code, err instanceof Error]; socket.destroy(); });
    c.on('close', function () { done(); });
  });
}

var steps = [
  // The default: no host check (servername is a name the certificate lacks).
  function (next) { run('default', { ca: ca, servername: 'other.test', rejectUnauthorized: true }, next); },
  // Called with the host dialled, or servername, and the certificate.
  function (next) { run('matches', { ca: ca, checkServerIdentity: 'record', rejectUnauthorized: true }, next); },
  function (next) { run('rejects', { ca: ca, servername: 'other.test', checkServerIdentity: 'record', rejectUnauthorized: true }, next); },
  function (next) { run('unauthorized', { ca: ca, servername: 'other.test', checkServerIdentity: 'record', rejectUnauthorized: false }, next); },
  // Not called when the chain does not verify.
  function (next) { run('bad chain', { checkServerIdentity: 'record', rejectUnauthorized: false }, next); },
  // Only an Error fails the connection.
  function (next) {
    run('non-error', { ca: ca, rejectUnauthorized: true, checkServerIdentity: function () { return 'no'; } }, next);
  },
  function (next) {
    run('own error', { ca: ca, rejectUnauthorized: true, checkServerIdentity: function () { return new Error('pinned key differs'); } }, next);
  },
  function (next) { overSocket('socket rejects', { ca: ca, servername: 'other.test', checkServerIdentity: tls.checkServerIdentity, rejectUnauthorized: true }, next); },
  function (next) { overSocket('socket matches', { ca: ca, servername: 'localhost', checkServerIdentity: tls.checkServerIdentity, rejectUnauthorized: true }, next); }
];

server.listen(0, '127.0.0.1', function () {
  (function next() {
    var step = steps.shift();
    if (step) {
      step(next);
    } else {
      server.close();
    }
  })();
});

assert.throws(function () { tls.connect({ port: 1, checkServerIdentity: true }); }, TypeError);

process.on('exit', function () {
  assert.deepEqual(results, {
    'default': { calls: [], secure: [true, null] },
    'matches': { calls: ['127.0.0.1 localhost'], secure: [true, null] },
    'rejects': { calls: ['other.test localhost'], error: ['ERR_TLS_CERT_ALTNAME_INVALID', true] },
    'unauthorized': { calls: ['other.test localhost'], secure: [false, 'ERR_TLS_CERT_ALTNAME_INVALID'] },
    'bad chain': { calls: [], secure: [false, 'CERT_UNTRUSTED'] },
    'non-error': { calls: [], secure: [true, null] },
    'own error': { calls: [], error: [undefined, true] },
    'socket rejects': { calls: [], error: ['ERR_TLS_CERT_ALTNAME_INVALID', true] },
    'socket matches': { calls: [], secure: [true, null] }
  });
});
