// 'upgrade' and 'connect' on both sides: the server gets the request, the
// socket and the bytes that came after the head ('head'), then the raw
// stream; the client gets the response, the socket and what followed the
// response head. An upgrade nobody listens for closes the connection, on
// either side, and the server goes on serving.
var http = require('http');
var net = require('net');
var assert = require('assert');
var common = require('./_common');

var server = http.createServer(function (req, res) {
  res.end('plain');
});
var heads = [];
server.on('upgrade', common.mustCall(function (req, socket, head) {
  assert.strictEqual(req.headers.upgrade, 'echo');
  assert(Buffer.isBuffer(head));
  heads.push(head.toString());
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\nafter-head');
  socket.write(head);
  socket.on('data', function (d) { socket.write(d); });
  socket.on('end', function () { socket.end(); });
}, 3));
server.on('connect', common.mustCall(function (req, socket, head) {
  assert.strictEqual(req.method, 'CONNECT');
  assert.strictEqual(req.url, 'example.com:443');
  assert.strictEqual(head.length, 0);
  socket.end('HTTP/1.1 200 Connection Established\r\n\r\ntunnel');
}));

server.listen(0, '127.0.0.1', common.mustCall(function () {
  var port = server.address().port;
  var steps = [
    function (next) {
      // The raw bytes right after the head reach 'upgrade' as head.
      var c = net.connect(port, '127.0.0.1', function () {
        c.write('GET /ws HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: echo\r\n\r\nearly');
      });
      var got = '';
      c.on('data', function (d) {
        got += d;
        if (/after-headearly$/.test(got)) {
          c.end('ping');
        }
      });
      c.on('close', function () {
        assert(/^HTTP\/1\.1 101 Switching Protocols\r\n/.test(got), got);
        assert(/after-headearlyping$/.test(got), got);
        assert.deepEqual(heads, ['early']); // sent with the head: it came with it
        next();
      });
    },
    function (next) {
      var req = http.request({ host: '127.0.0.1', port: port, path: '/ws',
                               headers: { Connection: 'Upgrade', Upgrade: 'echo' } });
      req.on('upgrade', common.mustCall(function (res, socket, head) {
        assert.strictEqual(res.statusCode, 101);
        assert.strictEqual(res.headers.upgrade, 'echo');
        var got = head.toString();
        socket.on('data', function (d) {
          got += d;
          if (got === 'after-headhello') {
            socket.end();
          }
        });
        socket.on('close', function () { next(); });
        socket.write('hello');
      }));
      req.on('response', function () { assert.fail('response to an upgrade'); });
      req.end();
    },
    function (next) {
      // A client that does not listen for 'upgrade' closes the connection
      // when the server switches: no 'response', no 'error', 'close' (as
      // 0.7.4's client did).
      var req = http.request({ host: '127.0.0.1', port: port, path: '/ws',
                               headers: { Connection: 'Upgrade', Upgrade: 'echo' } });
      req.on('response', function () { assert.fail('response to an upgrade'); });
      req.on('error', function (err) { assert.fail('error ' + err.message); });
      req.on('socket', function (socket) {
        socket.on('close', common.mustCall(function () {
          assert(socket.destroyed, 'the connection was not destroyed');
        }));
      });
      req.on('close', common.mustCall(next));
      req.end();
    },
    function (next) {
      var req = http.request({ host: '127.0.0.1', port: port, method: 'CONNECT', path: 'example.com:443' });
      req.on('connect', common.mustCall(function (res, socket, head) {
        assert.strictEqual(res.statusCode, 200);
        var got = head.toString();
        socket.on('data', function (d) { got += d; });
        socket.on('end', function () {
          assert.strictEqual(got, 'tunnel');
          next();
        });
      }));
      req.end();
    },
    function (next) {
      // Nobody listens for 'upgrade' on this server: it closes the
      // connection, and still serves the next.
      var bare = http.createServer(function (req, res) { res.end('still here'); });
      bare.listen(0, '127.0.0.1', function () {
        var p = bare.address().port;
        common.rawExchange(p, ['GET / HTTP/1.1\r\nHost: x\r\nUpgrade: x\r\nConnection: upgrade\r\n\r\n'], function (got) {
          if (common.is07) {
            assert.strictEqual(got, ''); // today's node answers it as a request
          }
          http.get({ host: '127.0.0.1', port: p, path: '/' }, function (res) {
            res.on('data', function (d) { assert.strictEqual(d.toString(), 'still here'); });
            res.on('end', function () { bare.close(); next(); });
          });
        });
      });
    }
  ];
  common.series(steps, function () {
    server.close();
  });
}));
