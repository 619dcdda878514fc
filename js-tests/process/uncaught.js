// With an 'uncaughtException' listener the program keeps running; the
// listener gets the thrown value itself, even a non-Error.
var assert = require('assert');
var caught = [];
process.on('uncaughtException', function (err) {
  caught.push(err);
});
setTimeout(function () { throw 'a string'; }, 1);
setTimeout(function () { throw new TypeError('typed'); }, 2);
setTimeout(function () { caught.push('still running'); }, 5);
process.on('exit', function (code) {
  assert.strictEqual(code, 0);
  assert.strictEqual(caught[0], 'a string');
  assert.ok(caught[1] instanceof TypeError);
  assert.strictEqual(caught[2], 'still running');
});
