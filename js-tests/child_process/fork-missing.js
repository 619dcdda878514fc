// Forking a module file that does not exist: the child fails as node does,
// printing the error (Cannot find module) and exiting with 1; the channel
// closes with it ('disconnect' before 'exit').
var assert = require('assert');
var cp = require('child_process');
var common = require('./_common');
var mustCall = common.mustCall;

var watchdog = setTimeout(function () {
  throw new Error('fork-missing stalled');
}, 30000);
watchdog.unref();

var missing = __dirname + '/_no-such-module.js';
var c = cp.fork(missing, [], { silent: true });
var err = '';
var order = [];
c.stderr.setEncoding('utf8');
c.stderr.on('data', function (d) { err += d; });
c.on('message', function (m) {
  throw new Error('unexpected message ' + JSON.stringify(m));
});
c.on('disconnect', mustCall(function () {
  order.push('disconnect');
}));
c.on('exit', mustCall(function (code, signal) {
  order.push('exit');
  assert.strictEqual(code, 1);
  assert.strictEqual(signal, null);
  assert.ok(err.indexOf("Cannot find module '" + missing + "'") >= 0, err);
  assert.deepEqual(order, ['disconnect', 'exit']);
}));
