// A non-function callback is a TypeError, thrown synchronously.
var assert = require('assert');
[undefined, null, 1, 'str', {}].forEach(function (bad) {
  assert.throws(function () { setTimeout(bad, 1); }, TypeError);
  assert.throws(function () { setInterval(bad, 1); }, TypeError);
});
assert.throws(function () { process.nextTick('x'); }, TypeError);
// A bad delay means 1 ms, as in Node.
var fired = 0;
setTimeout(function () { fired++; }, 'soon');
setTimeout(function () { fired++; }, -5);
setTimeout(function () { fired++; }, NaN);
process.on('exit', function () { assert.strictEqual(fired, 3); });
