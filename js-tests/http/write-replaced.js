// A response goes through its socket's write, as 0.7.4's end() wrote
// with connection.write: a script that replaced it (a spy, a wrapper) sees
// every response's bytes, the head included.
var http = require('http');
var assert = require('assert');
var common = require('./_common');

var seen = '';
var server = http.createServer(function (req, res) {
  var socket = req.socket;
  if (!socket.hasOwnProperty('write')) {
    var write = socket.write;
    socket.write = function (data, encoding) {
      seen += typeof data === 'string' ? data : data.toString('binary');
      return write.apply(this, arguments);
    };
  }
  res.end('hello world\n');
});

server.listen(0, '127.0.0.1', common.mustCall(function () {
  var port = server.address().port;
  common.rawExchange(port, [
    'GET /a HTTP/1.1\r\nHost: h\r\n\r\n',
    'GET /b HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n'
  ], common.mustCall(function (got) {
    assert.ok(/^HTTP\/1\.1 200 OK\r\n/.test(seen), JSON.stringify(seen));
    assert.strictEqual(seen.split('hello world\n').length, 3, JSON.stringify(seen));
    assert.strictEqual(got.split('hello world\n').length, 3, JSON.stringify(got));
    server.close();
  }));
}));
