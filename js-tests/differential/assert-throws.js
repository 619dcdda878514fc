// assert.throws and doesNotThrow where Node 0.7 and today's Node agree: a
// matching constructor, RegExp or validation function (which gets the
// thrown value) passes; nothing thrown is an AssertionError.
var assert = require('assert');
var util = require('util');

function MyError(message) {
  Error.call(this);
  this.message = message;
}
util.inherits(MyError, Error);

assert.throws(function () { throw new MyError('mine'); }, MyError);
assert.throws(function () { throw new MyError('mine'); }, Error);
assert.throws(function () { throw new TypeError('x'); }, TypeError);
assert.throws(function () { throw new Error('Wrong value'); }, /value/);
var seen = null;
assert.throws(function () { throw new MyError('checked'); }, function (err) {
  seen = err;
  return err instanceof MyError && err.message === 'checked';
});
console.log('validated ' + seen.message);
assert.doesNotThrow(function () {});
[
  function () { assert.throws(function () {}); },
  function () { assert.throws(function () {}, TypeError); },
  function () { assert.throws(function () {}, function () { return true; }); },
  function () { assert.doesNotThrow(function () { throw new TypeError('x'); }, TypeError); }
].forEach(function (block, i) {
  try {
    block();
    console.log(i + ' passed');
  } catch (e) {
    console.log(i + ' ' + e.name + ' ' + (e instanceof assert.AssertionError));
  }
});
