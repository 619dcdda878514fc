// A worker that dies (SIGKILL): the master gets 'death' with the worker
// (suicide false, its process's signalCode), cluster.workers forgets it,
// and the other worker goes on serving the shared port. A worker forked
// on 'death', as the documentation does it, listens on the same socket
// (the master kept it), and serves once the last of the first two dies;
// its destroy() is the third 'death', a suicide.
var assert = require('assert');
var cluster = require('cluster');
var net = require('net');

if (cluster.isWorker) {
  net.createServer(function (socket) {
    socket.end('worker ' + cluster.worker.uniqueID + '\n');
  }).listen(0, '127.0.0.1');
  return;
}

var common = require('../child_process/_common');
var mustCall = common.mustCall;
var watchdog = setTimeout(function () {
  throw new Error('death stalled');
}, 60000);
watchdog.unref();

var port = 0;

// ask(n, done) makes n connections one after another and passes done the
// answers.
function ask(n, done, answers) {
  answers = answers || [];
  if (answers.length === n) {
    done(answers);
    return;
  }
  var c = net.connect(port, '127.0.0.1');
  var got = '';
  c.setEncoding('utf8');
  c.on('data', function (d) { got += d; });
  c.on('end', function () {
    answers.push(got);
    ask(n, done, answers);
  });
}

var w1 = cluster.fork();
var w2 = cluster.fork();
var listening = 0;
cluster.on('listening', function (worker, address) {
  if (port === 0) {
    port = address.port;
  }
  assert.strictEqual(address.port, port, 'every worker listens on the one port');
  listening++;
  if (listening === 2) {
    w1.process.kill('SIGKILL');
  } else if (listening === 3) {
    w2.process.kill('SIGKILL');
  }
});

var deaths = 0;
cluster.on('death', mustCall(function (worker) {
  deaths++;
  assert.strictEqual(worker.state, 'dead');
  if (deaths === 3) {
    assert.strictEqual(worker.uniqueID, 3);
    assert.strictEqual(worker.suicide, true);
    assert.deepEqual(cluster.workers, {});
    return;
  }
  assert.strictEqual(worker.suicide, false);
  assert.strictEqual(worker.process.signalCode, 'SIGKILL');
  assert.strictEqual(cluster.workers[worker.uniqueID], undefined);
  if (deaths === 1) {
    assert.strictEqual(worker, w1);
    ask(5, function (answers) {
      assert.deepEqual(answers, ['worker 2\n', 'worker 2\n', 'worker 2\n', 'worker 2\n', 'worker 2\n']);
      // As the documentation's 'death' example: restart.
      var w3 = cluster.fork();
      assert.strictEqual(w3.uniqueID, 3);
    });
  } else {
    assert.strictEqual(worker, w2);
    assert.deepEqual(Object.keys(cluster.workers), ['3']);
    ask(3, function (answers) {
      assert.deepEqual(answers, ['worker 3\n', 'worker 3\n', 'worker 3\n']);
      cluster.workers[3].destroy();
    });
  }
}, 3));
