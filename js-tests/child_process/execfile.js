// execFile(file, [args], [options], callback): like exec without a shell.
var assert = require('assert');
var cp = require('child_process');
var common = require('./_common');
var mustCall = common.mustCall;

cp.execFile('echo', ['a b', '$HOME', '*'], mustCall(function (err, stdout, stderr) {
  assert.strictEqual(err, null);
  assert.strictEqual(stdout, 'a b $HOME *\n');
  assert.strictEqual(stderr, '');
}));

// Without args; with options but without args.
cp.execFile('pwd', mustCall(function (err, stdout) {
  assert.strictEqual(err, null);
  assert.strictEqual(stdout.trim().length > 0, true);
}));
cp.execFile('pwd', { cwd: '/' }, mustCall(function (err, stdout) {
  assert.strictEqual(err, null);
  assert.strictEqual(stdout, '/\n');
}));

// args, options and callback.
cp.execFile('sh', ['-c', 'echo "$V"; echo warn >&2; exit 2'], { env: { V: 'v' } },
            mustCall(function (err, stdout, stderr) {
  assert.ok(err instanceof Error);
  assert.strictEqual(err.code, 2);
  assert.strictEqual(err.signal, null);
  assert.strictEqual(err.killed, false);
  assert.strictEqual(stdout, 'v\n');
  assert.strictEqual(stderr, 'warn\n');
  if (common.is07) assert.strictEqual(err.message, 'Command failed: warn\n');
}));

// The ChildProcess is returned: its stdin can be written.
var child = cp.execFile('cat', [], mustCall(function (err, stdout) {
  assert.strictEqual(err, null);
  assert.strictEqual(stdout, 'through cat');
}));
child.stdin.end('through cat');

// No callback.
cp.execFile('true', []);
