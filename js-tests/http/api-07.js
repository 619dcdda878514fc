// The documented members whose behaviour Node 0.7.4 (lib/http.js) and
// today's node do not share, as 0.7.4 had them: ServerRequest and
// ServerResponse emit 'close' only when the connection ends before
// response.end() (today's node emits it always); the request's 'aborted'
// comes first; headers cannot be set, removed or rendered once sent
// (0.7.4's messages); write() takes only a string or a Buffer; the agents'
// defaults (maxSockets 5, https.globalAgent an https.Agent); a socket that
// emits 'agentRemove' leaves its agent's pool; 'checkContinue', when
// listened for, replaces 'request'.
var http = require('http');
var https = require('https');
var net = require('net');
var assert = require('assert');
var common = require('./_common');

assert.strictEqual(http.globalAgent.maxSockets, 5);
assert.strictEqual(http.Agent.defaultMaxSockets, 5);
assert.strictEqual(new http.Agent().maxSockets, 5);
assert(http.globalAgent instanceof http.Agent);
assert(https.globalAgent instanceof https.Agent);
assert(https.globalAgent instanceof http.Agent);
assert.deepEqual(http.globalAgent.sockets, {});
assert.deepEqual(http.globalAgent.requests, {});

var events = [];
// onServerClose(cb): cb runs when the server's connection of the next
// request closes (after http's own 'close' listener).
var closeWaiter = null;
function onServerClose(cb) {
  closeWaiter = cb;
}
var server = http.createServer(function (req, res) {
  var url = req.url;
  req.on('aborted', function () { events.push(url + ' req aborted'); });
  req.on('close', function () { events.push(url + ' req close'); });
  res.on('close', function () { events.push(url + ' res close'); });
  if (url === '/hang') {
    res.write('partial'); // never ended: the client goes away
    return;
  }
  if (url === '/sent') {
    res.end('done');
    assert.throws(function () { res.setHeader('X-Late', '1'); }, /^Error: Can't set headers after they are sent\.$/);
    assert.throws(function () { res.removeHeader('X-Late'); }, /^Error: Can't remove headers after they are sent\.$/);
    assert.throws(function () { res._renderHeaders(); }, /Can't render headers after they are sent/);
    return;
  }
  assert.throws(function () { res.write(42); }, TypeError);
  assert.throws(function () { res.write([104, 105]); }, TypeError);
  assert.throws(function () { res.setHeader('X-Only-Name'); }, /`name` and `value` are required/);
  res.end('ok');
});
server.on('connection', function (socket) {
  var cb = closeWaiter;
  closeWaiter = null;
  if (cb) {
    socket.on('close', cb);
  }
});
server.on('checkContinue', common.mustCall(function (req, res) {
  events.push('checkContinue ' + req.url);
  res.writeHead(417);
  res.end();
}));

server.listen(0, '127.0.0.1', common.mustCall(function () {
  var port = server.address().port;
  var steps = [
    function (next) {
      // A complete exchange: no 'close' on either side.
      onServerClose(next);
      http.get({ host: '127.0.0.1', port: port, path: '/sent', agent: false }, function (res) {
        res.resume();
      });
    },
    function (next) {
      // The client goes away in the middle of the response.
      onServerClose(next);
      var req = http.get({ host: '127.0.0.1', port: port, path: '/hang', agent: false }, function (res) {
        res.once('data', function () { req.abort(); });
      });
    },
    function (next) {
      var req = http.request({ host: '127.0.0.1', port: port, path: '/types', agent: false });
      assert.throws(function () { req.write({}); }, TypeError);
      req.on('response', function (res) {
        res.resume();
        res.on('end', next);
      });
      req.end();
    },
    function (next) {
      // 'checkContinue' is emitted instead of 'request'.
      var req = http.request({ host: '127.0.0.1', port: port, path: '/expect', method: 'PUT', agent: false,
                               headers: { Expect: '100-continue', 'Content-Length': 4 } });
      req.on('continue', function () { assert.fail('continue after a final response'); });
      req.on('response', function (res) {
        assert.strictEqual(res.statusCode, 417);
        res.resume();
        res.on('end', next);
      });
    },
    function (next) {
      // 'agentRemove' takes a socket out of its agent's pool: the agent
      // no longer closes it, its owner does.
      var agent = new http.Agent();
      var name = '127.0.0.1:' + port;
      http.get({ host: '127.0.0.1', port: port, path: '/pooled', agent: agent }, function (res) {
        res.resume();
        res.on('end', function () {
          process.nextTick(function () { // after the agent's 'free' handling
            assert(res.socket.writable, 'the agent closed a socket it gave up');
            res.socket.destroy();
            next();
          });
        });
      }).on('socket', function (socket) {
        assert.strictEqual(agent.sockets[name].length, 1);
        socket.emit('agentRemove');
        assert.strictEqual(agent.sockets[name], undefined);
      });
    }
  ];
  common.series(steps, function () {
    assert.deepEqual(events, ['/hang req aborted', '/hang req close', '/hang res close', 'checkContinue /expect']);
    server.close();
  });
}));
