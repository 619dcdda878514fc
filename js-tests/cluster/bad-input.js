// Bad input to cluster: fork() with an env that is not an object or holds
// a null byte throws a TypeError and forks nothing (no Worker, no 'fork');
// Worker.send() of what cannot be sent (a function, undefined, a cyclic
// object, a handle that is not a listening net.Server's, a tls.Server, a
// closed server) throws and the worker still answers; send() after the
// worker's death throws 'channel closed'. The master (a process of its
// own, see _own-process.js) then has as many descriptors open as before
// the first fork.
var assert = require('assert');
var cluster = require('cluster');
var net = require('net');
var tls = require('tls');
var ownProcess = require('./_own-process');

if (cluster.isWorker) {
  process.on('message', function (msg) {
    process.send(msg);
  });
  return;
}
if (!ownProcess(__filename)) {
  return;
}

var common = require('../child_process/_common');
var mustCall = common.mustCall;
var fixture = require('../tls/_fixtures');
var watchdog = setTimeout(function () {
  throw new Error('bad-input stalled');
}, 60000);
watchdog.unref();

var forks = 0;
cluster.on('fork', function () {
  forks++;
});

// Listen first: the runtime's first sockets and timers open descriptors of
// their own (the poller) that stay.
var tlsServer = tls.createServer({ key: fixture('leaf-server-key.pem'), cert: fixture('leaf-server-chain.pem') });
var closedServer = net.createServer();
tlsServer.listen(0, '127.0.0.1', function () {
  closedServer.listen(0, '127.0.0.1', function () {
    closedServer.close(start);
  });
});

var fdsBefore;

function start() {
  fdsBefore = ownProcess.openFds();

  assert.throws(function () { cluster.fork('FOO=1'); }, function (err) {
    return err instanceof TypeError && /env must be an object/.test(err.message);
  });
  assert.throws(function () { cluster.fork(42); }, TypeError);
  assert.throws(function () { cluster.fork({ BAD: 'x\u0000y' }); }, function (err) {
    return err instanceof TypeError && err.code === 'ERR_INVALID_ARG_VALUE' &&
      err.message === "The property 'options.env['BAD']' must be a string without null bytes";
  });
  assert.deepEqual(cluster.workers, {});

  var worker = cluster.fork({ GOOD: 1 });
  worker.on('online', mustCall(function () {
    assert.strictEqual(forks, 1, "only the good fork emitted 'fork'");
    var cyclic = {};
    cyclic.self = cyclic;
    assert.throws(function () { worker.send(function () {}); }, TypeError);
    assert.throws(function () { worker.send(); }, TypeError);
    assert.throws(function () { worker.send(cyclic); }, TypeError);
    assert.throws(function () { worker.send('x', {}); }, TypeError);
    assert.throws(function () { worker.send('x', new net.Socket()); }, TypeError);
    assert.throws(function () { worker.send('x', tlsServer); }, /tls\.Server/);
    assert.throws(function () { worker.send('x', tlsServer._handle); }, /tls\.Server/);
    assert.throws(function () { worker.send('x', closedServer); }, /not listening/);
    worker.send('still here');
  }));
  worker.on('message', mustCall(function (msg) {
    assert.strictEqual(msg, 'still here', 'nothing of the bad sends arrived');
    worker.destroy();
  }));
  worker.on('death', mustCall(function () {
    assert.throws(function () { worker.send('late'); }, /channel closed/);
    // The worker's process, pipes and channel are all closed by now.
    assert.strictEqual(ownProcess.openFds(), fdsBefore, 'descriptors open after the worker died');
    tlsServer.close();
  }));
}
