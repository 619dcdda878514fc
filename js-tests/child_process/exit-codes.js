// 'exit' gets the child's exit code, and null as the signal.
var assert = require('assert');
var spawn = require('child_process').spawn;
var common = require('./_common');
var mustCall = common.mustCall;

[0, 1, 3, 127, 255].forEach(function (n) {
  var child = spawn('sh', ['-c', 'exit ' + n]);
  child.on('exit', mustCall(function (code, signal) {
    assert.strictEqual(code, n);
    assert.strictEqual(signal, null);
    assert.strictEqual(child.exitCode, n);
    assert.strictEqual(child.signalCode, null);
  }));
});

// Output written just before the exit is not lost.
var child = spawn('sh', ['-c', 'echo out; echo err >&2; exit 3']);
var out = '';
var err = '';
child.stdout.on('data', function (d) { out += d; });
child.stderr.on('data', function (d) { err += d; });
child.on('exit', mustCall(function (code) {
  assert.strictEqual(code, 3);
  // Node 0.7.4 emitted 'exit' after stdout and stderr closed.
  if (common.is07) {
    assert.strictEqual(out, 'out\n');
    assert.strictEqual(err, 'err\n');
  }
}));
child.on('close', mustCall(function (code) {
  assert.strictEqual(code, 3);
  assert.strictEqual(out, 'out\n');
  assert.strictEqual(err, 'err\n');
}));
