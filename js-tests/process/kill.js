// process.kill sends a signal; a listener for it gets the event; unknown
// signals and bad pids throw.
var assert = require('assert');
var got = [];
process.on('SIGUSR2', function () {
  got.push('SIGUSR2');
  process.removeAllListeners('SIGUSR2');
});
assert.strictEqual(process.kill(process.pid, 'SIGUSR2'), true);
assert.throws(function () { process.kill(process.pid, 'SIGNOPE'); }, /Unknown signal/);
assert.throws(function () { process.kill('not a pid'); }, TypeError);
assert.throws(function () { process.kill(2147483000, 0); }, function (err) {
  return err.code === 'ESRCH';
});
// The signal arrives asynchronously; keep the loop alive until it does.
var wait = setInterval(function () {
  if (got.length) {
    clearInterval(wait);
  }
}, 1);
process.on('exit', function () {
  assert.deepEqual(got, ['SIGUSR2']);
});
