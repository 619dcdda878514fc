// exec with a timeout: the child is killed with killSignal and the callback
// gets an Error with killed true, code null and the signal.
var assert = require('assert');
var cp = require('child_process');
var common = require('./_common');
var mustCall = common.mustCall;

cp.exec('echo started; exec sleep 60', { timeout: 50 }, mustCall(function (err, stdout, stderr) {
  assert.ok(err instanceof Error);
  assert.strictEqual(err.killed, true);
  assert.strictEqual(err.code, null);
  assert.strictEqual(err.signal, 'SIGTERM');
  if (common.is07) {
    assert.strictEqual(err.message, 'Command failed: ');
  }
  assert.strictEqual(typeof stdout, 'string');
  assert.strictEqual(stderr, '');
}));

cp.exec('exec sleep 60', { timeout: 50, killSignal: 'SIGKILL' }, mustCall(function (err) {
  assert.strictEqual(err.killed, true);
  assert.strictEqual(err.code, null);
  assert.strictEqual(err.signal, 'SIGKILL');
}));

// A command that ends in time is not affected.
cp.exec('echo quick', { timeout: 60000 }, mustCall(function (err, stdout) {
  assert.strictEqual(err, null);
  assert.strictEqual(stdout, 'quick\n');
}));

// execFile takes the same option.
cp.execFile('sleep', ['60'], { timeout: 50 }, mustCall(function (err) {
  assert.strictEqual(err.killed, true);
  assert.strictEqual(err.signal, 'SIGTERM');
}));
