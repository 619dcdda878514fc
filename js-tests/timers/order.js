// nextTick callbacks run before timers; timers fire in deadline order, and
// equal deadlines in the order they were set.
var assert = require('assert');
var seen = [];
setTimeout(function () { seen.push('t20'); }, 20);
setTimeout(function () { seen.push('t1a'); }, 1);
setTimeout(function () { seen.push('t1b'); }, 1);
setTimeout(function () { seen.push('t0'); }, 0);
process.nextTick(function () {
  seen.push('tick1');
  process.nextTick(function () { seen.push('tick2'); });
});
seen.push('main');
process.on('exit', function () {
  assert.deepEqual(seen, ['main', 'tick1', 'tick2', 't1a', 't1b', 't0', 't20']);
});
