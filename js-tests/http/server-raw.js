// The bytes an http server sends, as Node 0.7.4's lib/http.js writes them
// (no Date header, Connection: keep-alive, chunked without a length),
// pipelined requests answered in order, HTTP/1.0 and HEAD, and the headers
// object built with 0.7's rules for repeated names, in arrival order.
var http = require('http');
var assert = require('assert');
var common = require('./_common');

var seen = [];
var server = http.createServer(function (req, res) {
  seen.push(req.method + ' ' + req.url + ' ' + req.httpVersion);
  var body = '';
  req.setEncoding('utf8');
  req.on('data', function (d) { body += d; });
  req.on('end', function () {
    switch (req.url) {
      case '/slow':
        // Answered after the request behind it: responses stay in order.
        setTimeout(function () { res.end('slow'); }, 30);
        break;
      case '/fast':
        res.end('fast');
        break;
      case '/length':
        res.writeHead(201, 'Made', { 'Content-Length': 2, 'X-Body': body });
        res.end('ok');
        break;
      case '/chunked':
        res.setHeader('X-Trailers', JSON.stringify(req.trailers));
        res.write(body);
        res.write(new Buffer('!'));
        res.addTrailers({ 'X-Sum': 'yes' });
        res.end();
        break;
      case '/trailer-end':
        // end(data) with trailers: one write, the chunk's size in bytes.
        res.addTrailers({ 'X-Sum': 'yes' });
        res.end('d\u00e9j\u00e0');
        break;
      case '/unknown':
        res.writeHead(299);
        res.end('x');
        break;
      case '/headers':
        assert.deepEqual(Object.keys(req.headers),
                         ['host', 'x-a', 'set-cookie', 'cookie', 'foo', 'accept', 'content-type']);
        assert.deepEqual(req.headers, {
          host: 'h', 'x-a': '1, 2', 'set-cookie': ['a', 'b'], cookie: 'c1, c2',
          foo: 'first', accept: 'text/a, text/b', 'content-type': 'x/y'
        });
        res.writeHead(204);
        res.end();
        break;
      default:
        res.end(req.method === 'HEAD' ? 'ignored' : 'default');
    }
  });
});

server.listen(0, '127.0.0.1', common.mustCall(function () {
  var port = server.address().port;
  common.rawExchange(port, [
    'GET /slow HTTP/1.1\r\nHost: h\r\n\r\nGET /fast HTTP/1.1\r\nHost: h\r\n\r\n',
    'POST /length HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nab',
    'cde',
    'POST /chunked HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\nX-T: 1\r\n\r\n',
    'GET /trailer-end HTTP/1.1\r\nHost: h\r\n\r\nGET /unknown HTTP/1.1\r\nHost: h\r\n\r\n',
    'GET /headers HTTP/1.1\r\nHost: h\r\nX-A: 1\r\nSet-Cookie: a\r\nCookie: c1\r\nX-A: 2\r\n' +
      'Set-Cookie: b\r\nCookie: c2\r\nFoo: first\r\nFoo: second\r\nAccept: text/a\r\naccept: text/b\r\n' +
      'Content-Type: x/y\r\n\r\n',
    'HEAD /head HTTP/1.1\r\nHost: h\r\n\r\n',
    'GET /old HTTP/1.0\r\n\r\n'
  ], common.mustCall(function (got) {
    assert.strictEqual(got,
      'HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n' +
      '4\r\nslow\r\n0\r\n\r\n' +
      'HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n' +
      '4\r\nfast\r\n0\r\n\r\n' +
      'HTTP/1.1 201 Made\r\nContent-Length: 2\r\nX-Body: abcde\r\nConnection: keep-alive\r\n\r\nok' +
      'HTTP/1.1 200 OK\r\nX-Trailers: {"x-t":"1"}\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n' +
      '5\r\nabcde\r\n1\r\n!\r\n0\r\nX-Sum: yes\r\n\r\n' +
      'HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n' +
      '6\r\nd\u00c3\u00a9j\u00c3\u00a0\r\n0\r\nX-Sum: yes\r\n\r\n' +
      'HTTP/1.1 299 unknown\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n' +
      '1\r\nx\r\n0\r\n\r\n' +
      'HTTP/1.1 204 No Content\r\nConnection: keep-alive\r\n\r\n' +
      'HTTP/1.1 200 OK\r\nConnection: keep-alive\r\n\r\n' +
      'HTTP/1.1 200 OK\r\nConnection: close\r\n\r\ndefault');
    assert.deepEqual(seen, ['GET /slow 1.1', 'GET /fast 1.1', 'POST /length 1.1', 'POST /chunked 1.1',
                            'GET /trailer-end 1.1', 'GET /unknown 1.1', 'GET /headers 1.1', 'HEAD /head 1.1', 'GET /old 1.0']);
    server.close();
  }));
}));
