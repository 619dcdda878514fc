// nextTick callbacks run before timers; timers fire in deadline order, and
// equal deadlines in the order they were set. A tick queued by a tick runs
// in the next pass of the queue, as in Node 0.7: after tick1, but whether
// before or after a timer that is due by then depends on time.
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
  assert.deepEqual(seen.slice(0, 2), ['main', 'tick1']);
  var timers = seen.filter(function (s) { return /^t\d/.test(s); });
  assert.deepEqual(timers, ['t1a', 't1b', 't0', 't20']);
  assert.ok(seen.indexOf('tick2') > 1);
});
