// setupMaster({exec, args, silent: true}): the worker runs exec with args,
// and what it prints does not reach the master's stdout or stderr (the
// .out file holds the master's line alone).
var assert = require('assert');
var cluster = require('cluster');
var path = require('path');

cluster.setupMaster({
  exec: path.join(__dirname, '_silent-worker.js'),
  args: ['one', 'two'],
  silent: true
});
var worker = cluster.fork();
assert.ok(worker.process.stdout, 'a silent worker has its stdout piped');
worker.on('message', function (msg) {
  assert.deepEqual(msg, { argv: ['one', 'two'], id: 1 });
  // The worker has printed before sending: its output is in the pipe.
  worker.destroy();
});
worker.on('death', function () {
  console.log('master: the worker said nothing here');
});
