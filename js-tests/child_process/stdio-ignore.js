// stdio: 'ignore' (later Node) gives the child /dev/null; the streams are
// null. An array mixes 'pipe', 'ignore' and this process's descriptors.
var assert = require('assert');
var spawn = require('child_process').spawn;
var common = require('./_common');
var mustCall = common.mustCall;

var a = spawn('sh', ['-c', 'cat; echo out; echo err >&2'], { stdio: 'ignore' });
assert.strictEqual(a.stdin, null);
assert.strictEqual(a.stdout, null);
assert.strictEqual(a.stderr, null);
a.on('exit', mustCall(function (code) {
  // cat read the end of /dev/null at once.
  assert.strictEqual(code, 0);
}));

var b = spawn('sh', ['-c', 'echo out; echo err >&2'], { stdio: ['ignore', 'pipe', 'ignore'] });
assert.strictEqual(b.stdin, null);
assert.ok(b.stdout);
assert.strictEqual(b.stderr, null);
common.collect(b.stdout, mustCall(function (out) {
  assert.strictEqual(out.toString(), 'out\n');
}));

// stdio[3]: a fourth pipe, both ways.
var c = spawn('sh', ['-c', 'echo via fd 3 >&3'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
assert.strictEqual(c.stdio.length, 4);
common.collect(c.stdio[3], mustCall(function (out) {
  assert.strictEqual(out.toString(), 'via fd 3\n');
}));

// The stdio array (later Node) holds the same streams.
var d = spawn('true');
assert.strictEqual(d.stdio[0], d.stdin);
assert.strictEqual(d.stdio[1], d.stdout);
assert.strictEqual(d.stdio[2], d.stderr);

// stdout sent to this process's stderr (descriptor 2).
var e = spawn('sh', ['-c', 'echo to our stderr'], { stdio: ['pipe', 2, 'pipe'] });
assert.strictEqual(e.stdout, null);
e.on('exit', mustCall(function (code) {
  assert.strictEqual(code, 0);
}));
