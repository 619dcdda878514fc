// Node 0.7's deprecated customFds: [stdin, stdout, stderr], -1 for a new
// pipe, or one of this process's descriptors. (Today's node ignores
// customFds; the stdio option replaced it.)
var assert = require('assert');
var spawn = require('child_process').spawn;
var common = require('./_common');
var mustCall = common.mustCall;

if (!common.is07) {
  console.log('SKIP: customFds is Node 0.7 only');
  process.exit(0);
}

console.log('first');
var child = spawn('echo', ['from the child'], { customFds: [-1, 1, 2] });
assert.ok(child.stdin);
assert.strictEqual(child.stdout, null);
assert.strictEqual(child.stderr, null);
child.on('exit', mustCall(function (code) {
  assert.strictEqual(code, 0);
  console.log('second');
  var c2 = spawn('cat', [], { customFds: [-1, -1] });
  assert.ok(c2.stdout);
  assert.ok(c2.stderr);
  c2.stdout.pipe(process.stdout);
  c2.stdin.end('piped\n');
  c2.on('exit', mustCall(function () {
    console.log('third');
  }));
}));

// Descriptors other than 0, 1, 2 are not supported, as in Node 0.7.
assert.throws(function () {
  spawn('echo', [], { customFds: [-1, 5, -1] });
}, function (err) {
  return err instanceof Error && err.message === 'customFds not yet supported';
});
