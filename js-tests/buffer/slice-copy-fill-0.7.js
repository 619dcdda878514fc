// slice(), copy() and fill() where Node 0.7.4 differs from today's node:
// 0.7 threw where today's node clamps. 0.7 threw plain Errors; these are
// RangeErrors (still Errors, and today's class for range problems) with
// 0.7's messages.
var assert = require('assert');

function rangeError(message) {
  return function(err) {
    return err instanceof RangeError && err.message === message;
  };
}

function bytes(buf) {
  return Array.prototype.slice.call(buf);
}

// slice: an end past the buffer or a start past the end was 'oob'; a
// negative start was out of bounds (today they count from the end).
var s = new Buffer('abcd');
assert.throws(function() { s.slice(0, 5); }, rangeError('oob'));
assert.throws(function() { s.slice(3, 1); }, rangeError('oob'));
assert.throws(function() { s.slice(-1); }, rangeError('start out of bounds'));

// copy: `end || (end = this.length)`, so a sourceEnd of 0 meant the whole
// buffer; today it copies nothing.
var dst = new Buffer(4);
dst.fill(0);
assert.strictEqual(new Buffer('abcd').copy(dst, 0, 0, 0), 4);
assert.strictEqual(dst.toString(), 'abcd');
// targetStart at or past the end of the target; today: returns 0.
assert.throws(function() { s.copy(new Buffer(4), 4); },
              rangeError('targetStart out of bounds'));
// sourceEnd past the source; today it is clamped.
assert.throws(function() { s.copy(new Buffer(4), 0, 0, 5); },
              rangeError('sourceEnd out of bounds'));
// sourceEnd before sourceStart; today: returns 0.
assert.throws(function() { s.copy(new Buffer(4), 0, 3, 1); },
              rangeError('sourceEnd < sourceStart'));
// sourceStart at the end: nothing to copy, checked before the bounds.
assert.strictEqual(s.copy(new Buffer(4), 0, 4), 0);
assert.throws(function() { s.copy('x'); }, function(err) {
  return err instanceof TypeError && err.message === 'First arg should be a Buffer';
});

// fill: a string fills with its first character's code (today the whole
// string repeats).
var f = new Buffer(4);
f.fill('ab');
assert.strictEqual(f.toString(), 'aaaa');
f.fill('');
assert.deepEqual(bytes(f), [0, 0, 0, 0]);
// Positions out of range throw (today some are ignored).
assert.throws(function() { f.fill(1, 4, 6); }, rangeError('start out of bounds'));
assert.throws(function() { f.fill(1, -1); }, rangeError('start out of bounds'));
assert.throws(function() { f.fill(1, 3, 2); }, rangeError('end < start'));
assert.throws(function() { f.fill(1, 0, 5); }, rangeError('end out of bounds'));
// Anything but a number or a string is refused (today it is coerced).
assert.throws(function() { f.fill(true); }, function(err) {
  return err instanceof TypeError && err.message === 'value is not a number';
});
assert.throws(function() { f.fill({}); }, TypeError);
// An empty range is checked first, and is no error.
f.fill(1, 4);
assert.deepEqual(bytes(f), [0, 0, 0, 0]);
// An empty Buffer accepts any range.
new Buffer(0).fill(1, 5, 10);
