// An HTTP/1.0 client that asks for keep-alive gets it (Connection:
// keep-alive, with a length the body must have, as 0.7 answered); one
// that does not gets the connection closed after its response.
var http = require('http');
var assert = require('assert');
var common = require('./_common');

var server = http.createServer(function (req, res) {
  res.writeHead(200, { 'Content-Length': 2 });
  res.end('ok');
});
server.listen(0, '127.0.0.1', common.mustCall(function () {
  var port = server.address().port;
  var got = '';
  common.rawExchange(port, ['GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n'], common.mustCall(function (all) {
    assert.strictEqual(all, 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok');
    common.rawExchange(port, ['GET /b HTTP/1.0\r\n\r\n'], common.mustCall(function (all) {
      assert.strictEqual(all, 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok');
      server.close();
    }));
  }), function (text) { return /ok$/.test(text); });
}));
