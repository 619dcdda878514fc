// https.createServer takes every tls.createServer option (tls.markdown):
// passphrase for an encrypted key, ciphers, NPNProtocols (http/1.1 and
// http/1.0 when not given, as 0.7.4's https.js set them), SNICallback,
// sessionIdContext, requestCert with rejectUnauthorized (a client without
// a certificate is refused); an https.Server is a tls.Server. The client
// side takes tls.connect's passphrase, servername and NPNProtocols, and,
// with rejectUnauthorized left out, accepts a certificate it cannot
// verify (0.7's default); the global agent ignores them.
var https = require('https');
var tls = require('tls');
var crypto = require('crypto');
var fs = require('fs');
var assert = require('assert');
var common = require('./_common');

function fixture(name) {
  return fs.readFileSync(__dirname + '/../fixtures/' + name);
}

var rootCA = [fixture('ca-root-cert.pem')];
var leaf = crypto.createCredentials({ key: fixture('leaf-server-key.pem'), cert: fixture('leaf-server-chain.pem') });
var sniNames = [];

function handler(req, res) {
  var c = req.connection;
  // http.markdown: "use request.connection.verifyPeer() and
  // request.connection.getPeerCertificate()".
  assert.strictEqual(c.verifyPeer(), c.authorized);
  assert.strictEqual(typeof c.getPeerCertificate(), 'object');
  res.end([c.getCipher().name, c.npnProtocol, c.servername, c.authorized].join(' '));
}

var servers = {
  // An encrypted key with its passphrase, one cipher, and SNI.
  a: https.createServer({
    key: fixture('encrypted-legacy-key.pem'),
    passphrase: 'secret',
    cert: fixture('leaf-server-chain.pem'),
    ciphers: 'ECDHE-RSA-AES256-GCM-SHA384',
    sessionIdContext: 'https-server-options',
    SNICallback: function (name) {
      sniNames.push(name);
      return name === 'leaf.test' ? leaf.context : undefined;
    }
  }, handler),
  // Clients must present a certificate the CA signed.
  b: https.createServer({
    key: fixture('server-key.pem'),
    cert: fixture('server-cert.pem'),
    ca: rootCA,
    requestCert: true,
    rejectUnauthorized: true,
    NPNProtocols: ['spdy/2', 'http/1.0']
  }, handler)
};
assert(servers.a instanceof https.Server);
assert(servers.a instanceof tls.Server);

function fetch(options, cb) {
  options.host = '127.0.0.1';
  options.agent = false;
  var req = https.get(options, function (res) {
    var body = '';
    res.on('data', function (d) { body += d; });
    res.on('end', function () { cb(null, body, res); });
  });
  req.on('error', function (err) { cb(err); });
}

var clientErrors = 0;
servers.b.on('clientError', function () { clientErrors++; });

var pending = 2;
Object.keys(servers).forEach(function (k) {
  servers[k].listen(0, '127.0.0.1', common.mustCall(function () {
    if (--pending === 0) {
      run();
    }
  }));
});

function run() {
  var a = servers.a.address().port;
  var b = servers.b.address().port;
  var steps = [
    function (next) {
      // The default context (the encrypted key) without SNI; the client
      // does not verify by default and offers NPN.
      fetch({ port: a, NPNProtocols: ['http/1.1'] }, common.mustCall(function (err, body, res) {
        assert.ifError(err);
        assert.strictEqual(body, 'ECDHE-RSA-AES256-GCM-SHA384 http/1.1 false false');
        assert.strictEqual(res.connection.authorized, false);
        assert.strictEqual(res.connection.npnProtocol, 'http/1.1');
        next();
      }));
    },
    function (next) {
      // servername reaches SNICallback, whose context serves.
      fetch({ port: a, servername: 'leaf.test', ca: rootCA }, common.mustCall(function (err, body, res) {
        assert.ifError(err);
        assert(/ leaf\.test false$/.test(body), body);
        assert.strictEqual(res.connection.getPeerCertificate().issuer.CN, 'gojatls Test Intermediate CA');
        assert.deepEqual(sniNames, ['leaf.test']);
        next();
      }));
    },
    function (next) {
      // No client certificate: refused by the server, an error here.
      fetch({ port: b }, common.mustCall(function (err) {
        assert(err instanceof Error, 'no error');
        next();
      }));
    },
    function (next) {
      // A client certificate the CA signed is accepted; the server's NPN
      // list is its own.
      fetch({ port: b, key: fixture('leaf-client-key.pem'), cert: fixture('leaf-client-chain.pem'),
              NPNProtocols: ['http/1.0'] }, common.mustCall(function (err, body) {
        assert.ifError(err);
        assert(/ http\/1\.0 false true$/.test(body), body);
        next();
      }));
    },
    function (next) {
      // The global agent ignores a request's tls options (https.markdown):
      // a CA that would refuse the server is not used.
      https.get({ host: '127.0.0.1', port: a, path: '/', ca: [fixture('other-root-cert.pem')],
                  rejectUnauthorized: true }, common.mustCall(function (res) {
        assert.strictEqual(res.connection.authorized, false);
        res.resume();
        res.on('end', next);
      })).on('error', function (err) { assert.fail('the request\'s ca was used: ' + err.message); });
    },
    function (next) {
      // The client's passphrase: right, the key loads; wrong, it throws.
      assert.throws(function () {
        https.get({ host: '127.0.0.1', port: a, agent: false, key: fixture('encrypted-legacy-key.pem'),
                    passphrase: 'wrong', cert: fixture('leaf-server-chain.pem') });
      }, /key/);
      fetch({ port: a, key: fixture('encrypted-legacy-key.pem'), passphrase: 'secret',
              cert: fixture('leaf-server-chain.pem') }, common.mustCall(function (err, body) {
        assert.ifError(err);
        next();
      }));
    }
  ];
  (function step() {
    var s = steps.shift();
    if (s) {
      s(step);
    } else {
      assert(clientErrors >= 1, 'no clientError for the refused client');
      servers.a.close();
      servers.b.close();
    }
  })();
}
