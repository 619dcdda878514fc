// context.setCiphers() on the context a running server uses: connections
// after the call get the new list, connections before it kept the old one.
// (A server keeps its configurations between handshakes; a new cipher list
// must replace them.)
var assert = require('assert');
var tls = require('tls');
var crypto = require('crypto');
var fixture = require('./_fixtures');

var creds = crypto.createCredentials({
  key: fixture('server-key.pem'),
  cert: fixture('server-cert.pem'),
  ciphers: 'ECDHE-RSA-AES128-GCM-SHA256'
});
var server = tls.createServer({ credentials: creds }, function (s) {
  s.end();
});

// cipherOf connects with a client that accepts either suite and reports
// the one negotiated.
function cipherOf(cb) {
  var c = tls.connect({
    port: server.address().port, host: '127.0.0.1', rejectUnauthorized: false,
    ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384'
  }, function () {
    cb(c.getCipher().name);
  });
  c.resume();
}

var seen = [];
server.listen(0, '127.0.0.1', function () {
  cipherOf(function (first) {
    seen.push(first);
    creds.context.setCiphers('ECDHE-RSA-AES256-GCM-SHA384');
    cipherOf(function (second) {
      seen.push(second);
      creds.context.setCiphers('ECDHE-RSA-AES128-GCM-SHA256');
      cipherOf(function (third) {
        seen.push(third);
        server.close();
      });
    });
  });
});

process.on('exit', function () {
  assert.deepEqual(seen, [
    'ECDHE-RSA-AES128-GCM-SHA256',
    'ECDHE-RSA-AES256-GCM-SHA384',
    'ECDHE-RSA-AES128-GCM-SHA256'
  ]);
});
