// setInterval repeats until cleared, `this` is the timer object, extra
// arguments are passed on, and clearInterval from inside the callback stops it.
var assert = require('assert');
var count = 0;
var timer = setInterval(function (a, b) {
  assert.strictEqual(this, timer);
  assert.strictEqual(a, 'x');
  assert.strictEqual(b, 2);
  count++;
  if (count === 3) {
    clearInterval(timer);
  }
}, 1, 'x', 2);
process.on('exit', function () {
  assert.strictEqual(count, 3);
});
