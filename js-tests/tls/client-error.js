// Plain HTTP to a TLS port is a 'clientError' ("http request", OpenSSL's
// reason for it, as node reports it too); the server keeps serving: a real
// client then completes an echo.
var assert = require('assert');
var tls = require('tls');
var net = require('net');
var fixture = require('./_fixtures');

var clientErrors = [];
var server = tls.createServer({ key: fixture('server-key.pem'), cert: fixture('server-cert.pem') }, function (s) {
  s.pipe(s);
});
server.on('clientError', function (err) {
  assert.ok(err instanceof Error);
  clientErrors.push(err.message);
  if (clientErrors.length === 1) {
    secureClient();
  }
});
server.listen(0, '127.0.0.1', function () {
  var plain = net.connect(server.address().port, '127.0.0.1', function () {
    plain.write('GET / HTTP/1.0\r\n\r\n');
  });
  plain.on('error', function () {});
  plain.resume();
});
function secureClient() {
  var c = tls.connect(server.address().port, '127.0.0.1', { rejectUnauthorized: false }, function () {
    c.end('ping');
  });
  c.setEncoding('utf8');
  var got = '';
  c.on('data', function (d) { got += d; });
  c.on('close', function () {
    assert.strictEqual(got, 'ping');
    server.close();
  });
}
process.on('exit', function () {
  assert.deepEqual(clientErrors, ['http request']);
});
