// setImmediate exists but is not an enumerable global (Node 0.7 had none;
// today's Node makes it enumerable, so that check is for gojatls only); it
// runs after the current callback and its nextTicks, with arguments.
var assert = require('assert');
assert.strictEqual(typeof setImmediate, 'function');
if (process.version === 'v0.7.4') {
  assert.strictEqual(Object.keys(global).indexOf('setImmediate'), -1);
}
var seen = [];
setImmediate(function (a) { seen.push('immediate ' + a); }, 1);
var cancelled = setImmediate(function () { seen.push('cancelled'); });
clearImmediate(cancelled);
process.nextTick(function () { seen.push('tick'); });
var timers = require('timers');
assert.strictEqual(timers.setTimeout, setTimeout);
process.on('exit', function () {
  assert.deepEqual(seen, ['tick', 'immediate 1']);
});
