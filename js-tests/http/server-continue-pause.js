// Expect: 100-continue without a 'checkContinue' listener gets an
// automatic 100 Continue before 'request'; a request paused in the middle
// of its body gets no 'data' until it is resumed, and its body comes
// whole and in order; a body far larger than the socket's buffers streams
// through with backpressure (the client's writes wait for 'drain').
var http = require('http');
var net = require('net');
var assert = require('assert');
var common = require('./_common');

var big = 8 * 1024 * 1024;
var server = http.createServer(function (req, res) {
  if (req.url === '/continue') {
    var body = '';
    req.on('data', function (d) { body += d; });
    req.on('end', function () { res.end('got ' + body); });
    return;
  }
  if (req.url === '/pause') {
    var got = 0, paused = false, pauses = 0;
    req.on('data', function (d) {
      assert(!paused, 'data while paused');
      got += d.length;
      if (got >= big / 4 * (pauses + 1) && pauses < 3) {
        pauses++;
        paused = true;
        req.pause();
        setTimeout(function () { paused = false; req.resume(); }, 20);
      }
    });
    req.on('end', function () {
      assert.strictEqual(got, big);
      assert.strictEqual(pauses, 3);
      res.end('' + got);
    });
  }
});

server.listen(0, '127.0.0.1', common.mustCall(function () {
  var port = server.address().port;
  // A raw client: the body goes only after the 100 Continue.
  var c = net.connect(port, '127.0.0.1', function () {
    c.write('POST /continue HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n');
  });
  var got = '', sentBody = false;
  c.setEncoding('utf8');
  c.on('data', function (d) {
    got += d;
    if (!sentBody && got === 'HTTP/1.1 100 Continue\r\n\r\n') {
      sentBody = true;
      c.write('body');
    }
    if (/got body(\r\n0\r\n\r\n)?$/.test(got)) {
      c.end();
    }
  });
  c.on('close', common.mustCall(function () {
    assert(sentBody, got);
    assert(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK\r\n/.test(got), got);
    if (common.is07) { // today's node sends a length instead
      assert(/\r\n\r\n8\r\ngot body\r\n0\r\n\r\n$/.test(got), got);
    }
    upload();
  }));

  function upload() {
    var req = http.request({ host: '127.0.0.1', port: port, method: 'POST', path: '/pause',
                             headers: { 'Content-Length': big } }, function (res) {
      var body = '';
      res.on('data', function (d) { body += d; });
      res.on('end', function () {
        assert.strictEqual(body, '' + big);
        assert(drains > 0, 'the upload never waited for drain');
        server.close();
      });
    });
    var chunk = new Buffer(64 * 1024), sent = 0, drains = 0;
    chunk.fill(120);
    (function write() {
      while (sent < big) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          drains++;
          req.once('drain', write);
          return;
        }
      }
      req.end();
    })();
  }
}));
