// server.pause(msecs) stops accepting for a while; connections made
// meanwhile are accepted afterwards. (Today's node has no server.pause.)
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

if (!common.is07) {
  console.log('SKIP: server.pause() is Node 0.7 only');
  process.exit(0);
}

var pausedAt;
var server = net.createServer(mustCall(function (socket) {
  // Not before the pause is over (allowing for timer granularity).
  assert.ok(Date.now() - pausedAt >= 90, 'accepted during the pause: after ' + (Date.now() - pausedAt) + ' ms');
  socket.end('hi');
}, 2));

server.listen(0, '127.0.0.1', mustCall(function () {
  pausedAt = Date.now();
  server.pause(100);
  var closed = 0;
  for (var i = 0; i < 2; i++) {
    var c = net.connect(server.address().port, '127.0.0.1');
    c.on('data', function () {});
    c.on('close', mustCall(function (hadError) {
      assert.strictEqual(hadError, false);
      if (++closed === 2) server.close();
    }));
  }
}));
