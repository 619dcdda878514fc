// crypto.createCredentials works wherever tls takes credentials; servername
// is sent as SNI (never an IP literal) and seen by the server.
var assert = require('assert');
var tls = require('tls');
var crypto = require('crypto');
var fixture = require('./_fixtures');

var creds = crypto.createCredentials({ key: fixture('server-key.pem'), cert: fixture('server-cert.pem') });
assert.strictEqual(typeof creds.context, 'object');
var names = [];
var server = tls.createServer({ credentials: creds }, function (s) {
  names.push(s.servername);
  s.end();
});
server.listen(0, '127.0.0.1', function () {
  var port = server.address().port;
  var clientCreds = crypto.createCredentials({ ca: [fixture('server-cert.pem')] });
  var a = tls.connect({ port: port, host: '127.0.0.1', credentials: clientCreds, servername: 'example.test' }, function () {
    assert.strictEqual(a.authorized, true);
    a.resume();
    a.on('close', function () {
      var b = tls.connect({ port: port, host: '127.0.0.1', rejectUnauthorized: false }, function () {
        b.resume();
        b.on('close', function () {
          var c = tls.connect({ port: port, host: 'localhost', rejectUnauthorized: false }, function () {
            c.resume();
            c.on('close', function () { server.close(); });
          });
        });
      });
    });
  });
});
process.on('exit', function () {
  assert.deepEqual(names, ['example.test', false, 'localhost']);
});
