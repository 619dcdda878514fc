// http.request and http.get against a gojatls server: statuses, headers,
// bodies (length, chunked with trailers, none for HEAD and 204), the
// agent's pool (at most maxSockets connections, reused), agent: false,
// 'socket', 100 Continue with 'continue', and a body read to the end of
// the connection from a server that gives no length.
var http = require('http');
var net = require('net');
var assert = require('assert');
var common = require('./_common');

var connections = 0;
var server = http.createServer(function (req, res) {
  var body = '';
  req.setEncoding('utf8');
  req.on('data', function (d) { body += d; });
  req.on('end', function () {
    if (req.url === '/chunked') {
      res.writeHead(200, { 'Content-Type': 'text/plain', Trailer: 'X-T' });
      res.write('a');
      res.write('bc');
      res.addTrailers({ 'X-T': 'done' });
      res.end();
    } else if (req.url === '/none') {
      res.writeHead(204);
      res.end();
    } else if (req.url === '/head') {
      res.writeHead(200, { 'Content-Length': 10 });
      res.end();
    } else {
      res.writeHead(200, { 'Content-Length': Buffer.byteLength(body) + 3, 'X-Method': req.method,
                           'X-Connection': req.headers.connection });
      res.end('re:' + body);
    }
  });
});
server.on('connection', function () { connections++; });
server.on('checkContinue', common.mustCall(function (req, res) {
  res.writeContinue();
  server.emit('request', req, res);
}));

function get(options, cb) {
  var req = http.request(options, function (res) {
    var body = '';
    res.setEncoding('utf8');
    res.on('data', function (d) { body += d; });
    res.on('end', function () { cb(res, body); });
  });
  return req;
}

server.listen(0, '127.0.0.1', common.mustCall(function () {
  var port = server.address().port;
  var steps = [
    function (next) {
      // Twelve requests through the global agent: five connections at most.
      var left = 12;
      for (var i = 0; i < 12; i++) {
        var req = get({ host: '127.0.0.1', port: port, path: '/' + i, method: 'POST' }, function (res, body) {
          assert.strictEqual(res.statusCode, 200);
          assert.strictEqual(res.httpVersion, '1.1');
          assert.strictEqual(res.headers['x-connection'], 'keep-alive');
          assert(/^re:body\d+$/.test(body), body);
          if (--left === 0) {
            if (common.is07) assert(connections <= 5, connections + ' connections'); // today's node: no limit
            next();
          }
        });
        req.end('body' + i);
      }
      if (common.is07) { // today's node names the pools differently
        assert.strictEqual(http.globalAgent.sockets['127.0.0.1:' + port].length, 5);
        assert.strictEqual(http.globalAgent.requests['127.0.0.1:' + port].length, 7);
      }
    },
    function (next) {
      var req = get({ host: '127.0.0.1', port: port, path: '/chunked' }, function (res, body) {
        assert.strictEqual(body, 'abc');
        assert.strictEqual(res.headers['transfer-encoding'], 'chunked');
        assert.deepEqual(res.trailers, { 'x-t': 'done' });
        next();
      });
      req.on('socket', common.mustCall(function (s) { assert(s instanceof net.Socket); }));
      req.end();
    },
    function (next) {
      get({ host: '127.0.0.1', port: port, path: '/head', method: 'HEAD' }, function (res, body) {
        assert.strictEqual(res.headers['content-length'], '10');
        assert.strictEqual(body, '');
        next();
      }).end();
    },
    function (next) {
      get({ host: '127.0.0.1', port: port, path: '/none' }, function (res, body) {
        assert.strictEqual(res.statusCode, 204);
        assert.strictEqual(body, '');
        next();
      }).end();
    },
    function (next) {
      get({ host: '127.0.0.1', port: port, path: '/x', agent: false }, function (res, body) {
        assert.strictEqual(res.headers['x-connection'], 'close');
        assert.strictEqual(body, 're:');
        next();
      }).end();
    },
    function (next) {
      var req = get({ host: '127.0.0.1', port: port, path: '/cont', method: 'PUT',
                      headers: { Expect: '100-continue' } }, function (res, body) {
        assert.strictEqual(body, 're:after 100');
        next();
      });
      req.on('continue', common.mustCall(function () { req.end('after 100'); }));
    },
    function (next) {
      // A server of HTTP/1.0 manners: no length, the body ends with the
      // connection.
      var old = net.createServer(function (c) {
        c.once('data', function () {
          c.end('HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nto the end');
        });
      });
      old.listen(0, '127.0.0.1', function () {
        http.get({ host: '127.0.0.1', port: old.address().port, path: '/' }, function (res) {
          var body = '';
          res.on('data', function (d) { body += d; });
          res.on('end', function () {
            assert.strictEqual(body, 'to the end');
            assert.strictEqual(res.httpVersion, '1.0');
            old.close();
            next();
          });
        });
      });
    }
  ];
  common.series(steps, function () {
    server.close();
  });
}));
