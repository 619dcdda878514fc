// A client that never finishes its handshake gets 'clientError' when the
// server's handshakeTimeout runs out; the server keeps serving.
var assert = require('assert');
var tls = require('tls');
var net = require('net');
var fixture = require('./_fixtures');

var errors = [];
var server = tls.createServer({
  key: fixture('server-key.pem'), cert: fixture('server-cert.pem'), handshakeTimeout: 100
}, function (s) {
  s.end('served');
});
server.on('clientError', function (err) {
  errors.push(err.message);
  var c = tls.connect(server.address().port, '127.0.0.1', { rejectUnauthorized: false });
  c.setEncoding('utf8');
  c.on('data', function (d) {
    assert.strictEqual(d, 'served');
    server.close();
    silent.destroy();
  });
});
var silent;
server.listen(0, '127.0.0.1', function () {
  silent = net.connect(server.address().port, '127.0.0.1');
  silent.on('error', function () {});
  silent.resume();
});
process.on('exit', function () {
  assert.deepEqual(errors, ['TLS handshake timeout']);
});
