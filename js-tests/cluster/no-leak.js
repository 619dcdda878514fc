// Workers come and go without leaving descriptors in the master: three
// rounds of two workers that listen on the shared port, serve a
// connection, then die (one killed, one destroyed). After each round the
// master (a process of its own, see _own-process.js) has as many
// descriptors open as after the first, which made the one shared
// listening socket; every round's workers answer on the same port.
var assert = require('assert');
var cluster = require('cluster');
var net = require('net');
var ownProcess = require('./_own-process');

if (cluster.isWorker) {
  net.createServer(function (socket) {
    socket.end('worker ' + cluster.worker.uniqueID + '\n');
  }).listen(0, '127.0.0.1');
  return;
}
if (!ownProcess(__filename)) {
  return;
}

var watchdog = setTimeout(function () {
  throw new Error('no-leak stalled');
}, 60000);
watchdog.unref();

var port = 0;
var fdsAfterFirst = -1;
var round = 0;

function startRound() {
  round++;
  var workers = [cluster.fork(), cluster.fork()];
  var listening = 0;
  // The round ends once both workers are dead and the master's own client
  // socket is closed: its close (after its end, on a goroutine's report)
  // may come before or after the deaths, and its descriptor must not be
  // counted in one round and not in another.
  var left = 3;
  function roundDone() {
    if (--left > 0) {
      return;
    }
    var fds = ownProcess.openFds();
    if (round === 1) {
      fdsAfterFirst = fds;
    } else {
      assert.strictEqual(fds, fdsAfterFirst, 'descriptors open after round ' + round + ': ' + fds +
                         ', after the first: ' + fdsAfterFirst);
    }
    if (round < 3) {
      startRound();
    }
  }
  workers.forEach(function (worker) {
    worker.on('listening', function (w, address) {
      if (port === 0) {
        port = address.port;
      }
      assert.strictEqual(address.port, port);
      if (++listening === 2) {
        var c = net.connect(port, '127.0.0.1');
        c.on('data', function () {});
        c.on('close', roundDone);
        c.on('end', function () {
          workers[0].process.kill('SIGKILL');
          workers[1].destroy();
        });
      }
    });
    worker.on('death', roundDone);
  });
}

startRound();

process.on('exit', function () {
  assert.strictEqual(round, 3);
});
