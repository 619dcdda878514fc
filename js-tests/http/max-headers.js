// maxHeadersCount: a server keeps the first n headers of a request (0:
// all); many headers keep their order and the rules for repeated names.
var http = require('http');
var assert = require('assert');
var common = require('./_common');

var lines = '';
for (var i = 0; i < 40; i++) {
  lines += 'X-H' + i + ': v' + i + '\r\n';
}
lines += 'X-H3: again\r\nSet-Cookie: a\r\nSet-Cookie: b\r\nAge: 1\r\nAge: 2\r\n';

var seen = [];
var server = http.createServer(function (req, res) {
  seen.push(req.headers);
  res.writeHead(200, { 'Content-Length': 2 });
  res.end('ok');
});

server.listen(0, '127.0.0.1', common.mustCall(function () {
  var port = server.address().port;
  var request = 'GET / HTTP/1.1\r\nHost: h\r\n' + lines + '\r\n';
  common.rawExchange(port, [request], common.mustCall(function () {
    var all = seen[0];
    var keys = Object.keys(all);
    assert.strictEqual(keys.length, 1 + 40 + 2);
    assert.strictEqual(keys[0], 'host');
    assert.strictEqual(keys[1], 'x-h0');
    assert.strictEqual(keys[40], 'x-h39');
    assert.strictEqual(all['x-h3'], 'v3, again');
    assert.deepEqual(all['set-cookie'], ['a', 'b']);
    assert.strictEqual(all.age, '1'); // a repeated name not joined keeps its first value
    server.maxHeadersCount = 3;
    common.rawExchange(port, [request], common.mustCall(function () {
      assert.deepEqual(seen[1], { host: 'h', 'x-h0': 'v0', 'x-h1': 'v1' });
      server.close();
    }), function (text) { return /ok$/.test(text); });
  }), function (text) { return /ok$/.test(text); });
}));
