// stdio: 'inherit' (later Node) and customFds (Node 0.7): the child writes
// to this process's own stdout and stderr; the streams that are not pipes
// are null. Everything the child printed is out before its 'exit'.
var assert = require('assert');
var spawn = require('child_process').spawn;
var common = require('./_common');
var mustCall = common.mustCall;

console.log('before');
var child = spawn('sh', ['-c', 'echo from the child; echo to stderr >&2'], { stdio: 'inherit' });
assert.strictEqual(child.stdin, null);
assert.strictEqual(child.stdout, null);
assert.strictEqual(child.stderr, null);
child.on('exit', mustCall(function (code) {
  assert.strictEqual(code, 0);
  console.log('after');
  next();
}));

function next() {
  // A mix: stdin a pipe, stdout inherited, stderr a pipe.
  var c = spawn('cat', [], { stdio: ['pipe', 'inherit', 'pipe'] });
  assert.ok(c.stdin);
  assert.strictEqual(c.stdout, null);
  assert.ok(c.stderr);
  c.stdin.end('through cat to our stdout\n');
  c.on('exit', mustCall(function (code) {
    assert.strictEqual(code, 0);
    console.log('last');
  }));
}
