// Making Buffers where Node 0.7.4 differs from today's node, which refuses
// these arguments (or rounds sizes down).
var assert = require('assert');

// 0.7 rounded a size up and turned a negative or NaN one into 0
// (lib/buffer.js coerce()); today's node throws a RangeError instead.
assert.strictEqual(new Buffer(1.5).length, 2);
assert.strictEqual(new Buffer(-1).length, 0);
assert.strictEqual(new Buffer(NaN).length, 0);

// An object without a length made an empty Buffer; today it is a TypeError.
assert.strictEqual(new Buffer({}).length, 0);

// Anything else: 0.7's message. (0.7 threw Error; TypeError is an Error,
// and is what today's node throws.)
function firstArgError(err) {
  return err instanceof TypeError &&
      err.message === 'First argument needs to be a number, array or string.';
}
assert.throws(function() { new Buffer(true); }, firstArgError);
assert.throws(function() { new Buffer(undefined); }, firstArgError);
assert.throws(function() { new Buffer(null); }, firstArgError);
assert.throws(function() { Buffer(); }, firstArgError);

// 0.7's SlowBuffer (the C++ store behind pooled Buffers) is the same
// constructor here.
var SlowBuffer = require('buffer').SlowBuffer;
var s = new SlowBuffer(4);
assert.strictEqual(s.length, 4);
assert.ok(Buffer.isBuffer(s));

// 0.7 refused sizes over kMaxLength (1 GiB - 1) with this RangeError.
assert.throws(function() { new Buffer(0x40000000); }, function(err) {
  return err instanceof RangeError && err.message === 'length > kMaxLength';
});

// The legacy get()/set() accessors of 0.7.
var b = new Buffer([1, 2, 3]);
assert.strictEqual(b.get(1), 2);
b.set(1, 9);
assert.strictEqual(b[1], 9);
assert.throws(function() { b.get(3); }, /oob/);
assert.throws(function() { b.set(-1, 0); }, /oob/);
// set(array, offset) is still the typed array's.
b.set([7, 8], 1);
assert.deepEqual([b[0], b[1], b[2]], [1, 7, 8]);

// Buffer.concat, as Node 0.8 introduced it, returns a single Buffer as is
// (today's node copies it).
var only = new Buffer('x');
assert.strictEqual(Buffer.concat([only]), only);
