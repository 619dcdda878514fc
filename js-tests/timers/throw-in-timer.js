// An exception thrown in a timer goes to 'uncaughtException'; later timers
// still run.
var assert = require('assert');
var caught = null;
var after = false;
process.on('uncaughtException', function (err) {
  caught = err;
});
setTimeout(function () { throw new Error('from timer'); }, 1);
setTimeout(function () { after = true; }, 5);
process.on('exit', function () {
  assert.ok(caught instanceof Error);
  assert.strictEqual(caught.message, 'from timer');
  assert.ok(after);
});
