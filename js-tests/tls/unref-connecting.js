// unref() on a socket that is still connecting lets the program end: a
// tls.connect whose handshake never finishes (the server accepts and
// stays silent) and a net.connect to an address that does not answer.
// Neither connects nor fails before the program ends.
var assert = require('assert');
var net = require('net');
var tls = require('tls');

var silent = net.createServer(function (s) { s.unref(); });
silent.listen(0, '127.0.0.1', function () {
  silent.unref();
  var c = tls.connect(silent.address().port, '127.0.0.1', { rejectUnauthorized: false });
  c.on('secureConnect', function () { assert.fail('secureConnect with a silent server'); });
  c.on('error', function (err) { assert.fail('error: ' + err.message); });
  c.unref();
  // TEST-NET-1 (RFC 5737): nothing answers there. Where it is unreachable
  // the connect may fail before the program ends; that is not the point.
  var n = net.connect(9, '192.0.2.1');
  n.on('error', function () {});
  n.unref();
  assert.strictEqual(n._connecting, true);
});
