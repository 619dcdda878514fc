// A worker that never comes online: its program cannot be run (here
// process.execPath names nothing). The master gets 'fork' and then
// 'death', with no 'online' and exit code 127 (what Node 0.7 gave for a
// program that could not be run), and no 'error' without a listener;
// the next fork, with a good execPath, works.
var assert = require('assert');
var cluster = require('cluster');

if (cluster.isWorker) {
  return;
}

var common = require('../child_process/_common');
var mustCall = common.mustCall;

var events = [];
['fork', 'online', 'death'].forEach(function (name) {
  cluster.on(name, function (worker) {
    events.push(name + ' ' + worker.uniqueID);
  });
});

var execPath = process.execPath;
process.execPath = '/nonexistent/gojatls';
var w1 = cluster.fork();
process.execPath = execPath;
w1.on('death', mustCall(function () {
  assert.strictEqual(w1.process.exitCode, 127);
  assert.strictEqual(w1.state, 'dead');
  assert.strictEqual(w1.suicide, false);
  // The Worker's 'death' comes before the cluster's, as in Node 0.7.4.
  assert.deepEqual(events, ['fork 1']);
  var w2 = cluster.fork();
  w2.on('online', mustCall(function () {
    w2.destroy();
  }));
}));

process.on('exit', function () {
  assert.deepEqual(events, ['fork 1', 'death 1', 'fork 2', 'online 2', 'death 2']);
});
