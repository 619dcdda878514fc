// nextTick: runs after the current code, in order, before I/O and timers;
// arguments are passed on; an exception in one tick does not lose the rest.
var assert = require('assert');
var seen = [];
var errors = 0;
process.on('uncaughtException', function (err) {
  errors++;
  assert.strictEqual(err.message, 'tick failed');
});
process.nextTick(function () { seen.push(1); });
process.nextTick(function () { throw new Error('tick failed'); });
process.nextTick(function (a, b) { seen.push(a + b); }, 1, 2);
setTimeout(function () { seen.push('timer'); }, 0);
seen.push(0);
process.on('exit', function () {
  // Whether the ticks left after a throw run before the timer is not
  // specified (today's Node runs the timer first); both must run.
  assert.deepEqual(seen.slice(0, 2), [0, 1]);
  assert.deepEqual(seen.slice(2).sort(), [3, 'timer']);
  assert.strictEqual(errors, 1);
});
