// Messages with handles keep their place among plain ones: 60 messages go
// to the child in one tick, every fifth with the server (its _handle or
// the server object), and the child's answers come back in order, each
// saying whether its handle came with it. The child then shows that the
// descriptors it received are all closed again (its count of open
// descriptors is back where it started), and the parent's server, which
// still listens, answers a connection itself.
var assert = require('assert');
var cp = require('child_process');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

var watchdog = setTimeout(function () {
  throw new Error('fork-send-order stalled');
}, 60000);
watchdog.unref();

var N = 60;
function withHandle(i) {
  return i % 5 === 2;
}

var child = cp.fork(__dirname + '/_fork-send-order.js');
var server = net.createServer(function (socket) {
  socket.end('parent\n');
});

var listening = false;
var ready = false;
server.listen(0, '127.0.0.1', mustCall(function () {
  listening = true;
  sendAll();
}));

function sendAll() {
  if (!listening || !ready) {
    return;
  }
  for (var i = 0; i < N; i++) {
    if (withHandle(i)) {
      child.send({ i: i }, i % 2 === 0 ? server._handle : server);
    } else {
      child.send({ i: i });
    }
  }
  child.send({ done: true });
}

var next = 0;
child.on('message', function (m) {
  if (m === 'ready') {
    ready = true;
    sendAll();
    return;
  }
  if (next < N) {
    assert.deepEqual(m, { i: next, handle: withHandle(next) });
    next++;
    return;
  }
  if (m.fds[0] !== null) {
    assert.strictEqual(m.fds[1], m.fds[0], JSON.stringify(m.fds) + ': the child closed every descriptor it received');
  }
  var c = net.connect(server.address().port, '127.0.0.1');
  var got = '';
  c.setEncoding('utf8');
  c.on('data', function (d) { got += d; });
  c.on('end', mustCall(function () {
    assert.strictEqual(got, 'parent\n');
    server.close();
    child.disconnect();
  }));
});

child.on('exit', mustCall(function (code) {
  assert.strictEqual(next, N, 'every message was answered');
  assert.strictEqual(code, 0);
}));
