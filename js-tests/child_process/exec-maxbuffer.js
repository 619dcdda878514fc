// exec with maxBuffer: more output than that on stdout or stderr kills the
// child and the callback gets an error.
var assert = require('assert');
var cp = require('child_process');
var common = require('./_common');
var mustCall = common.mustCall;

function checkError(err, stream) {
  assert.ok(err instanceof Error);
  if (common.is07) {
    assert.strictEqual(err.message, 'maxBuffer exceeded.');
  } else {
    // Today's node: a RangeError naming the stream.
    assert.strictEqual(err.message, stream + ' maxBuffer length exceeded');
  }
}

// 'yes' writes forever: only maxBuffer stops it.
cp.exec('yes', { maxBuffer: 1000 }, mustCall(function (err, stdout) {
  checkError(err, 'stdout');
  assert.ok(stdout.length >= 1000);
}));

cp.exec('yes >&2', { maxBuffer: 100 }, mustCall(function (err, stdout, stderr) {
  checkError(err, 'stderr');
  assert.strictEqual(stdout, '');
}));

// Exactly maxBuffer is fine.
cp.exec('printf 0123456789', { maxBuffer: 10 }, mustCall(function (err, stdout) {
  assert.strictEqual(err, null);
  assert.strictEqual(stdout, '0123456789');
}));

// The default is 200 KiB: 100 KiB fits.
cp.exec('head -c 102400 /dev/zero', mustCall(function (err, stdout) {
  assert.strictEqual(err, null);
  assert.strictEqual(stdout.length, 102400);
}));
