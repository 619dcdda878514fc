// res.end(data, encoding) and res.write(data, encoding) send data decoded
// from its encoding, the head as it is, chunked or with a length.
var http = require('http');
var assert = require('assert');
var common = require('./_common');

var cases = {
  '/base64': ['aGVsbG8gd29ybGQK', 'base64', 'hello world\n'],
  '/hex': ['68656c6c6f0a', 'hex', 'hello\n'],
  '/ucs2': ['hi\n', 'ucs2', 'h\u0000i\u0000\n\u0000'],
  '/utf8': ['h\u00e9\n', 'utf8', 'h\u00c3\u00a9\n'],
  '/default': ['h\u00e9\ud83d\ude00\n', undefined, 'h\u00c3\u00a9\u00f0\u009f\u0098\u0080\n'],
  '/binary': ['h\u00e9\n', 'binary', 'h\u00e9\n']
};

var server = http.createServer(function (req, res) {
  var path = req.url.replace(/\?.*/, '');
  var c = cases[path];
  if (/length/.test(req.url)) {
    res.writeHead(200, { 'Content-Length': new Buffer(c[0], c[1]).length });
  } else {
    res.writeHead(200);
  }
  if (/write/.test(req.url)) {
    res.write(c[0], c[1]);
    res.end();
  } else {
    res.end(c[0], c[1]);
  }
});

var urls = [];
Object.keys(cases).forEach(function (path) {
  ['', '?length', '?write', '?write-length'].forEach(function (q) {
    urls.push(path + q);
  });
});

server.listen(0, '127.0.0.1', common.mustCall(function () {
  var port = server.address().port;
  var left = urls.length;
  urls.forEach(function (url) {
    http.get({ port: port, host: '127.0.0.1', path: url }, common.mustCall(function (res) {
      assert.strictEqual(res.statusCode, 200);
      var body = '';
      res.setEncoding('binary');
      res.on('data', function (d) { body += d; });
      res.on('end', common.mustCall(function () {
        assert.strictEqual(body, cases[url.replace(/\?.*/, '')][2], url);
        if (--left === 0) {
          server.close();
        }
      }));
    }));
  });
}));
