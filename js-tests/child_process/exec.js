// exec(command, [options], callback) runs command with /bin/sh and gives
// callback(error, stdout, stderr): error null after an exit with 0, else an
// Error with code (the exit code) and signal.
var assert = require('assert');
var cp = require('child_process');
var common = require('./_common');
var mustCall = common.mustCall;

var child = cp.exec('echo hello; echo world', mustCall(function (err, stdout, stderr) {
  assert.strictEqual(err, null);
  assert.strictEqual(stdout, 'hello\nworld\n');
  assert.strictEqual(stderr, '');
}));
assert.strictEqual(typeof child.pid, 'number');
assert.ok(child instanceof cp.ChildProcess || !common.is07);

// The shell: pipes, redirections, variables.
cp.exec('printf "a\\nb\\nc\\n" | wc -l; echo oops >&2', mustCall(function (err, stdout, stderr) {
  assert.strictEqual(err, null);
  assert.strictEqual(stdout.trim(), '3');
  assert.strictEqual(stderr, 'oops\n');
}));

// A failing command: code, signal, killed, and the message.
cp.exec('echo partial; echo bad thing >&2; exit 3', mustCall(function (err, stdout, stderr) {
  assert.ok(err instanceof Error);
  assert.strictEqual(err.code, 3);
  assert.strictEqual(err.signal, null);
  assert.strictEqual(err.killed, false);
  assert.strictEqual(stdout, 'partial\n');
  assert.strictEqual(stderr, 'bad thing\n');
  if (common.is07) {
    // Today's node puts the command in the message too.
    assert.strictEqual(err.message, 'Command failed: bad thing\n');
  } else {
    assert.ok(/^Command failed: /.test(err.message));
  }
}));

// A child killed by a signal.
cp.exec('kill -9 $$', mustCall(function (err) {
  assert.ok(err instanceof Error);
  assert.strictEqual(err.code, null);
  assert.strictEqual(err.signal, 'SIGKILL');
}));

// Options: cwd, env.
cp.exec('pwd; echo "$X"', { cwd: '/', env: { X: 'from env', PATH: process.env.PATH } },
        mustCall(function (err, stdout) {
  assert.strictEqual(err, null);
  assert.strictEqual(stdout, '/\nfrom env\n');
}));

// encoding: the output is decoded whole, even split inside a character.
cp.exec('printf "\\342"; sleep 0; printf "\\202\\254"', mustCall(function (err, stdout) {
  assert.strictEqual(err, null);
  assert.strictEqual(stdout, '\u20ac');
}));
cp.exec('printf "\\342\\202\\254"', { encoding: 'hex' }, mustCall(function (err, stdout) {
  assert.strictEqual(stdout, 'e282ac');
}));
// 'buffer' (from later Node) gives Buffers.
cp.exec('printf "\\000\\377"', { encoding: 'buffer' }, mustCall(function (err, stdout, stderr) {
  assert.ok(Buffer.isBuffer(stdout));
  assert.ok(Buffer.isBuffer(stderr));
  assert.strictEqual(stdout.length, 2);
  assert.strictEqual(stdout[0], 0);
  assert.strictEqual(stdout[1], 255);
  assert.strictEqual(stderr.length, 0);
}));

// A command reading stdin: the child's stdin is open until end().
var c = cp.exec('cat', mustCall(function (err, stdout) {
  assert.strictEqual(err, null);
  assert.strictEqual(stdout, 'fed through stdin');
}));
c.stdin.end('fed through stdin');

// No callback at all is allowed.
cp.exec('true');
