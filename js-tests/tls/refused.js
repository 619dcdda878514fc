// Connecting to a closed port: exactly one 'error' (ECONNREFUSED), then 'close'.
var assert = require('assert');
var tls = require('tls');
var net = require('net');

var errors = 0;
var closes = 0;
var probe = net.createServer();
probe.listen(0, '127.0.0.1', function () {
  var port = probe.address().port;
  probe.close(function () {
    var c = tls.connect(port, '127.0.0.1', function () { assert.fail('connected'); });
    c.on('error', function (err) {
      errors++;
      assert.strictEqual(err.code, 'ECONNREFUSED');
    });
    c.on('close', function (hadError) {
      closes++;
      assert.strictEqual(hadError, true);
      assert.strictEqual(errors, 1);
    });
  });
});

process.on('exit', function () {
  assert.strictEqual(errors, 1, 'one error');
  assert.strictEqual(closes, 1, 'one close');
});
