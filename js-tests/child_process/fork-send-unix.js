// child.send(message, server) with a Unix socket server, and the server
// object itself rather than its _handle (as later Node allows): the child
// listens on the handle it gets and answers 'child\n'. The parent keeps
// its server but stops accepting with server.pause() (closing it would
// remove the socket's file, as libuv does), so that connections to the
// path are answered by the child.
var assert = require('assert');
var cp = require('child_process');
var net = require('net');
var common = require('./_common');
var netCommon = require('../net/_common');
var mustCall = common.mustCall;

var watchdog = setTimeout(function () {
  throw new Error('fork-send-unix stalled');
}, 60000);
watchdog.unref();

var path = netCommon.tmpPath('fork-send');
var child = cp.fork(__dirname + '/_fork-send-server.js');
var server = net.createServer(function (socket) {
  socket.end('parent\n');
});

server.listen(path, mustCall(function () {
  assert.strictEqual(child.send({ server: true }, server), true);
}));

function ask(n, done) {
  var c = net.connect(path);
  var got = '';
  c.setEncoding('utf8');
  c.on('data', function (d) { got += d; });
  c.on('end', function () {
    assert.strictEqual(got, 'child\n', 'connection ' + n + ' is answered by the child');
    done();
  });
}

child.on('message', function (m) {
  if (m === 'closed') {
    child.disconnect();
    return;
  }
  assert.deepEqual(m, { listening: path });
  server.pause(1e9);
  var n = 0;
  (function next() {
    if (n === 3) {
      server.close();
      child.send('close');
      return;
    }
    ask(n++, next);
  })();
});

child.on('exit', mustCall(function (code, signal) {
  assert.strictEqual(code, 0);
  assert.strictEqual(signal, null);
}));
