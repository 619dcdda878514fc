// Bad requests: each ends its own connection with 'clientError' (an Error
// 'Parse Error' with http_parser's code, as Node 0.7 gave it), and the
// server answers the next client. A request whose body is cut short is
// 'aborted' and closed.
var http = require('http');
var net = require('net');
var assert = require('assert');
var common = require('./_common');

var big = 'GET / HTTP/1.1\r\nHost: x\r\n';
while (big.length < 81 * 1024) {
  big += 'X-Filler-' + big.length + ': ' + new Array(100).join('f') + '\r\n';
}
var cases = [
  ['XYZ / HTTP/1.1\r\nHost: x\r\n\r\n', 'HPE_INVALID_METHOD'],
  ['GET / HTTP/x.1\r\nHost: x\r\n\r\n', 'HPE_INVALID_VERSION'],
  ['GET / HTTP/1.1\r\nBad Header\r\n\r\n', 'HPE_INVALID_HEADER_TOKEN'],
  ['GET / HTTP/1.1\r\nContent-Length: abc\r\n\r\n', 'HPE_INVALID_CONTENT_LENGTH'],
  ['POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n', 'HPE_INVALID_CHUNK_SIZE'],
  [big + '\r\n', 'HPE_HEADER_OVERFLOW'],
  ['GET / HTTP/1.1\r\nHost: x\r\n', 'HPE_INVALID_EOF_STATE'], // a head, then the client is gone
  ['POST /lie HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc', 'HPE_INVALID_EOF_STATE']
];

var errors = [];
var aborted = 0;
var server = http.createServer(function (req, res) {
  if (req.url === '/lie') {
    req.on('aborted', function () { aborted++; });
    return;
  }
  req.on('end', function () { res.end('fine'); }); // never, for a broken body
});
server.on('clientError', function (err, socket) {
  errors.push(err);
  if (socket) {
    socket.destroy(); // today's node leaves that to the listener
  }
});

server.listen(0, '127.0.0.1', common.mustCall(function () {
  var port = server.address().port;
  (function next(i) {
    if (i === cases.length) {
      assert.strictEqual(errors.length, cases.length);
      assert.strictEqual(aborted, 1);
      server.close();
      return;
    }
    var c = common.rawExchange(port, [cases[i][0]], function (got) {
      assert.strictEqual(errors.length, i + 1, 'no clientError for case ' + i);
      var err = errors[i];
      assert(err instanceof Error);
      assert(/^Parse Error/.test(err.message), err.message);
      if (common.is07) { // llhttp's codes differ in places
        assert.strictEqual(err.code, cases[i][1], 'case ' + i);
      }
      assert(!/fine/.test(got));
      // The server still serves.
      http.get({ host: '127.0.0.1', port: port, path: '/', agent: false }, function (res) {
        res.on('data', function (d) { assert.strictEqual(d.toString(), 'fine'); });
        res.on('end', function () { next(i + 1); });
      });
    });
    if (cases[i][1] === 'HPE_INVALID_EOF_STATE') {
      c.on('connect', function () { c.end(); });
    }
  })(0);
}));
