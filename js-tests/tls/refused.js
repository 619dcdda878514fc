// Connecting to a closed port: exactly one 'error' (ECONNREFUSED), then 'close'.
var assert = require('assert');
var tls = require('tls');
var net = require('net');

var probe = net.createServer();
probe.listen(0, '127.0.0.1', function () {
  var port = probe.address().port;
  probe.close(function () {
    var errors = 0;
    var c = tls.connect(port, '127.0.0.1', function () { assert.fail('connected'); });
    c.on('error', function (err) {
      errors++;
      assert.strictEqual(err.code, 'ECONNREFUSED');
    });
    c.on('close', function (hadError) {
      assert.strictEqual(hadError, true);
      assert.strictEqual(errors, 1);
    });
  });
});
