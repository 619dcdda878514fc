// How fork() starts the child: the module's arguments after its path in
// process.argv, options.cwd and options.env, process.execArgv passed on,
// NODE_CHANNEL_FD taken out of the child's process.env (and so not seen by
// the child's own children), process.connected true in the child. Also
// fork(modulePath, options) without args, as later Node allows.
var assert = require('assert');
var path = require('path');
var cp = require('child_process');
var common = require('./_common');
var mustCall = common.mustCall;

var watchdog = setTimeout(function () {
  throw new Error('fork-env stalled');
}, 30000);
watchdog.unref();

var env = {};
for (var k in process.env) {
  env[k] = process.env[k];
}
env.FOO = 'bar';
var parentDir = path.dirname(__dirname);

var a = cp.fork(__dirname + '/_fork-info.js', ['one', 'two words', '3'], { cwd: parentDir, env: env });
a.on('message', mustCall(function (info) {
  assert.deepEqual(info.argv, ['one', 'two words', '3']);
  assert.strictEqual(info.cwd, parentDir);
  assert.strictEqual(info.foo, 'bar');
  assert.strictEqual(info.channelFd, 'unset');
  assert.strictEqual(info.grandchildChannelFd, 'unset');
  assert.deepEqual(info.execArgv, process.execArgv);
  assert.strictEqual(info.connected, true);
}));
a.on('exit', mustCall(function (code) {
  assert.strictEqual(code, 0);
  second();
}));

function second() {
  var b = cp.fork(__dirname + '/_fork-info.js', { env: env });
  b.on('message', mustCall(function (info) {
    assert.deepEqual(info.argv, []);
    assert.strictEqual(info.cwd, process.cwd());
    assert.strictEqual(info.foo, 'bar');
  }));
  b.on('exit', mustCall(function (code) {
    assert.strictEqual(code, 0);
  }));
}
