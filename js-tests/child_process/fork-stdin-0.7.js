// A forked child's stdin is a pipe from its parent, child.stdin, also when
// the child is not silent: Node 0.7.4's fork() made the child's stdin a
// pipe to the parent (the IPC channel) and child.stdin a stream on it. The
// child never reads the parent's own stdin (empty here: a child reading it
// would get nothing). gojatls keeps the channel on its own descriptor, so
// what the parent writes reaches the child's process.stdin.
var assert = require('assert');
var cp = require('child_process');
var common = require('./_common');
var mustCall = common.mustCall;

var watchdog = setTimeout(function () {
  throw new Error('fork-stdin stalled');
}, 30000);
watchdog.unref();

var child = cp.fork(__dirname + '/_fork-stdin.js');
assert.ok(child.stdin, 'child.stdin exists');
assert.strictEqual(child.stdin.writable, true);
assert.strictEqual(child.stdout, null);
assert.strictEqual(child.stderr, null);

child.on('message', mustCall(function (m) {
  assert.deepEqual(m, { stdin: 'hello\nchild\n' });
}));
child.on('exit', mustCall(function (code) {
  assert.strictEqual(code, 0);
}));
child.stdin.write('hello\n');
child.stdin.end('child\n');
