// The fork() example of Node 0.7.4's documentation: parent and child
// exchange messages over the IPC channel. The parent then disconnects,
// which is what lets the child end (the channel keeps it alive until then);
// the child sees 'disconnect' and says so with its exit code 7.
var assert = require('assert');
var cp = require('child_process');
var common = require('./_common');
var mustCall = common.mustCall;

var watchdog = setTimeout(function () {
  throw new Error('fork-example stalled');
}, 30000);
watchdog.unref();

var n = cp.fork(__dirname + '/_fork-sub.js');
assert.strictEqual(n.connected, true);
assert.strictEqual(typeof n.pid, 'number');
// Not silent: the child's stdout and stderr are this process's own; its
// stdin is a pipe from here, as 0.7.4's fork() gave it (fork-stdin-0.7.js).
assert.ok(n.stdin && n.stdin.writable);
assert.strictEqual(n.stdout, null);
assert.strictEqual(n.stderr, null);

var got = [];
n.on('message', mustCall(function (m) {
  got.push(m);
  if (got.length === 2) {
    // The child's own message first (sent at start-up), then its reply.
    assert.deepEqual(got, [{ foo: 'bar' }, { got: { hello: 'world' } }]);
    n.disconnect();
  }
}, 2));

n.on('disconnect', mustCall(function () {
  assert.strictEqual(n.connected, false);
}));

n.on('exit', mustCall(function (code, signal) {
  assert.strictEqual(code, 7, 'the child saw the disconnect');
  assert.strictEqual(signal, null);
}));

n.send({ hello: 'world' });
