// assert.throws(block, error) with a constructor or a validation function,
// as 0.7.4's lib/assert.js (expectedException) decides: a RegExp tests the
// thrown value, else `thrown instanceof error`, else error.call({}, thrown)
// must return exactly true; when nothing matches, the thrown value itself
// is thrown again (today's Node throws an AssertionError instead).
var assert = require('assert');
var util = require('util');

function MyError(message) {
  Error.call(this);
  this.message = message;
}
util.inherits(MyError, Error);

// A constructor matches instances of it and of what inherits from it.
assert.throws(function () { throw new MyError('mine'); }, MyError);
assert.throws(function () { throw new MyError('mine'); }, Error);

// A validation function gets the thrown value, with a fresh object as this.
var calls = [];
var thrown = new MyError('checked');
assert.throws(function () { throw thrown; }, function (err) {
  calls.push([this, err]);
  return err.message === 'checked';
});
assert.strictEqual(calls.length, 1);
assert.strictEqual(calls[0][1], thrown);
assert.deepEqual(calls[0][0], {});
assert.notStrictEqual(calls[0][0], global);

function rethrown(block) {
  try {
    block();
  } catch (err) {
    return err;
  }
  throw new Error('nothing thrown');
}
// Only true counts: a truthy answer does not.
assert.strictEqual(rethrown(function () {
  assert.throws(function () { throw thrown; }, function () { return 'yes'; });
}), thrown);
// A constructor that does not match is also called as a function (0.7 did
// not tell the two apart); what it returns is not true, so the value is
// thrown again.
var typeError = new TypeError('t');
assert.strictEqual(rethrown(function () {
  assert.throws(function () { throw typeError; }, MyError);
}), typeError);
// A thrown primitive is checked the same way.
assert.throws(function () { throw 'a string'; }, function (v) { return v === 'a string'; });
assert.strictEqual(rethrown(function () {
  assert.throws(function () { throw 'a string'; }, Error);
}), 'a string');
