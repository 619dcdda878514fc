// Two workers' http servers listen on port 0 of 127.0.0.1 and share the
// master's one socket: see _shared.js.
var assert = require('assert');

// Until the http module is in this build, the test says so and skips.
try {
  require('http');
} catch (e) {
  console.log('SKIP: no http module in this build yet');
  return;
}

var http = require('http');
require('./_shared')({
  createServer: function (onRequest) {
    return http.createServer(function (req, res) {
      onRequest(function (text) {
        res.writeHead(200, { 'Content-Type': 'text/plain', 'Connection': 'close' });
        res.end(text);
      });
    });
  },
  listen: function (server, done) {
    server.listen(0, '127.0.0.1', done);
  },
  checkAddress: function (address) {
    assert.strictEqual(address.address, '127.0.0.1');
    assert.ok(address.port > 0);
  },
  connect: function (address, done) {
    http.get({ host: '127.0.0.1', port: address.port, path: '/', headers: { 'Connection': 'close' } }, function (res) {
      assert.strictEqual(res.statusCode, 200);
      var body = '';
      res.setEncoding('utf8');
      res.on('data', function (d) { body += d; });
      res.on('end', function () { done(body); });
    });
  }
});
