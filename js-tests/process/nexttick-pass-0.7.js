// A nextTick callback that keeps queueing itself does not starve timers or
// I/O: Node 0.7 ran the nextTick queue in passes, each pass only the ticks
// queued before it began (0.7.4's src/node.js, processNextTick), once per
// turn of the loop. (Today's Node empties the queue first and would spin
// here for ever.) Without passes the ticks below never let the timer or the
// fs callback run; the cap turns that into a failure instead of a hang.
var assert = require('assert');
var fs = require('fs');

var ticks = 0;
var timerRan = false;
var statRan = false;

function again() {
  ticks++;
  if (ticks > 1000000) {
    console.log('the ticks starved the timer and the fs callback');
    process.exit(1);
  }
  if (!timerRan || !statRan) {
    process.nextTick(again);
  }
}
process.nextTick(again);

setTimeout(function () { timerRan = true; }, 5);
fs.stat(__filename, function (err) {
  assert.ifError(err);
  statRan = true;
});

// Within one pass the order is FIFO, and a tick queued by a tick runs after
// those that were already queued.
var order = [];
process.nextTick(function () {
  order.push('a');
  process.nextTick(function () { order.push('c'); });
});
process.nextTick(function () { order.push('b'); });

process.on('exit', function () {
  assert.ok(timerRan && statRan);
  assert.ok(ticks > 0);
  assert.deepEqual(order, ['a', 'b', 'c']);
});
