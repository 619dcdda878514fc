// cluster's API as cluster.markdown (0.7.4) documents it, master and worker
// in this one file (setupMaster's exec defaults to the master's script):
// isMaster/isWorker, settings, setupMaster and 'setup' (once), fork(env)
// and NODE_UNIQUE_ID, the order of 'fork', 'online', 'message', 'death' on
// the cluster and on the Worker, Worker.send in both directions (the
// documentation's echo example), destroy() from the master and from the
// worker (suicide true), a worker that exits by itself (suicide false),
// and the master-only functions throwing in a worker.
var assert = require('assert');
var cluster = require('cluster');
var childProcess = require('child_process');

if (cluster.isWorker) {
  assert.strictEqual(cluster.isMaster, false);
  assert.strictEqual(cluster.workers, null);
  assert.ok(cluster.worker instanceof cluster.Worker);
  assert.strictEqual(cluster.worker.process, process);
  assert.strictEqual(cluster.worker.state, 'online');
  assert.throws(function () { cluster.fork(); }, assert.AssertionError);
  assert.throws(function () { cluster.setupMaster(); }, assert.AssertionError);
  process.send({
    id: cluster.worker.uniqueID,
    env: process.env.NODE_UNIQUE_ID,
    extra: process.env.EXTRA,
    argv: process.argv.slice(2)
  });
  process.on('message', function (msg) {
    if (msg === 'destroy yourself') {
      cluster.worker.destroy();
    } else if (msg === 'exit 3') {
      process.exit(3);
    } else {
      // The documentation's Worker.send example: echo every message.
      process.send(msg);
    }
  });
  return;
}

var common = require('../child_process/_common');
var mustCall = common.mustCall;

var watchdog = setTimeout(function () {
  throw new Error('cluster api stalled');
}, 60000);
watchdog.unref();

assert.strictEqual(cluster.isMaster, true);
assert.strictEqual(cluster.isWorker, false);
assert.strictEqual(cluster.worker, null);
assert.deepEqual(cluster.workers, {});
assert.deepEqual(cluster.settings, {});
assert.strictEqual(cluster.settings.exec, undefined);

cluster.on('setup', mustCall(function () {
  assert.strictEqual(arguments.length, 0);
}));
cluster.setupMaster({ args: ['worker-arg'] });
assert.deepEqual(cluster.settings, { exec: process.argv[1], args: ['worker-arg'], silent: false });
// Only the first call counts, as in Node 0.7.4.
cluster.setupMaster({ exec: 'elsewhere.js' });
assert.strictEqual(cluster.settings.exec, process.argv[1]);

var events = [];
['fork', 'online', 'listening', 'death'].forEach(function (name) {
  cluster.on(name, function (worker) {
    assert.ok(worker instanceof cluster.Worker);
    events.push('cluster ' + name + ' ' + worker.uniqueID);
  });
});

function track(worker) {
  ['online', 'message', 'death'].forEach(function (name) {
    worker.on(name, function (arg) {
      if (name !== 'message') {
        assert.strictEqual(arg, worker);
      }
      events.push('worker ' + name + ' ' + worker.uniqueID);
    });
  });
}

// Worker 1: env, echo, destroyed by the master.
var w1 = cluster.fork({ EXTRA: 'yes', NODE_UNIQUE_ID: '99' });
assert.ok(w1 instanceof cluster.Worker);
assert.strictEqual(w1.uniqueID, 1);
assert.strictEqual(w1.state, 'none');
assert.strictEqual(w1.suicide, undefined);
assert.ok(w1.process instanceof childProcess.ChildProcess);
assert.strictEqual(cluster.workers[1], w1);
assert.deepEqual(events, [], "'fork' comes on the next tick");
track(w1);

var w1Messages = 0;
w1.on('message', function (msg) {
  w1Messages++;
  if (w1Messages === 1) {
    assert.deepEqual(msg, { id: 1, env: '1', extra: 'yes', argv: ['worker-arg'] });
    assert.strictEqual(w1.state, 'online');
    w1.send('hi there');
  } else {
    assert.strictEqual(msg, 'hi there');
    w1.destroy();
    assert.strictEqual(w1.suicide, true);
  }
});

w1.on('death', mustCall(function () {
  assert.strictEqual(w1.state, 'dead');
  assert.strictEqual(w1.suicide, true);
  assert.strictEqual(cluster.workers[1], undefined);
  assert.deepEqual(events, [
    'cluster fork 1', 'worker online 1', 'cluster online 1', 'worker message 1',
    'worker message 1', 'worker death 1'
  ]);
  events = [];
  second();
}));

// Worker 2 destroys itself: the master hears of it before the death.
function second() {
  var w2 = cluster.fork();
  assert.strictEqual(w2.uniqueID, 2);
  track(w2);
  w2.once('message', function () {
    w2.send('destroy yourself');
  });
  w2.on('death', mustCall(function () {
    assert.strictEqual(w2.suicide, true);
    assert.strictEqual(w2.process.exitCode, 0);
    third();
  }));
}

// Worker 3 exits on its own: not a suicide.
function third() {
  var w3 = cluster.fork();
  assert.strictEqual(w3.uniqueID, 3);
  w3.once('message', function () {
    w3.send('exit 3');
  });
  w3.on('death', mustCall(function () {
    assert.strictEqual(w3.suicide, false);
    assert.strictEqual(w3.state, 'dead');
    assert.strictEqual(w3.process.exitCode, 3);
    assert.deepEqual(cluster.workers, {});
  }));
}

process.on('exit', function () {
  assert.deepEqual(events.slice(0, 2), ['cluster death 1', 'cluster fork 2']);
});
