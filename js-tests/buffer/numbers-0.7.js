// read/write argument checks where Node 0.7.4 differs from today's node.
// 0.7 checked with assert.ok unless noAssert was true; these keep 0.7's
// messages with today's classes (RangeError, TypeError: still Errors).
var assert = require('assert');

function thrown(type, message) {
  return function(err) {
    return err instanceof type && err.message === message;
  };
}

var b = new Buffer(4);
b.fill(0);

// Messages for offsets out of range.
assert.throws(function() { b.readUInt8(4); },
              thrown(RangeError, 'Trying to read beyond buffer length'));
assert.throws(function() { b.readDoubleLE(0); },
              thrown(RangeError, 'Trying to read beyond buffer length'));
assert.throws(function() { b.writeUInt16LE(1, 3); },
              thrown(RangeError, 'trying to write beyond buffer length'));
assert.throws(function() { b.writeInt16LE(1, 3); },
              thrown(RangeError, 'Trying to write beyond buffer length'));

// A missing offset or value was an error (today offset defaults to 0).
assert.throws(function() { b.readUInt8(); }, thrown(TypeError, 'missing offset'));
assert.throws(function() { b.readInt32BE(null); },
              thrown(TypeError, 'missing offset'));
assert.throws(function() { b.writeUInt8(1); }, thrown(TypeError, 'missing offset'));
assert.throws(function() { b.writeUInt8(); }, thrown(TypeError, 'missing value'));

// Values: only numbers, whole ones for integers (today they are coerced
// and truncated).
assert.throws(function() { b.writeUInt8('1', 0); },
              thrown(TypeError, 'cannot write a non-number as a number'));
assert.throws(function() { b.writeUInt8(1.5, 0); },
              thrown(RangeError, 'value has a fractional component'));
assert.throws(function() { b.writeInt16BE(-1.5, 0); },
              thrown(RangeError, 'value has a fractional component'));
assert.throws(function() { b.writeUInt8(-1, 0); }, thrown(RangeError,
    'specified a negative value for writing an unsigned value'));
assert.throws(function() { b.writeUInt16BE(0x10000, 0); },
              thrown(RangeError, 'value is larger than maximum value for type'));
assert.throws(function() { b.writeInt8(128, 0); },
              thrown(RangeError, 'value larger than maximum allowed value'));
assert.throws(function() { b.writeInt32LE(-0x80000001, 0); },
              thrown(RangeError, 'value smaller than minimum allowed value'));
// Beyond the float range (today: written as Infinity).
assert.throws(function() { b.writeFloatLE(3.5e38, 0); },
              thrown(RangeError, 'value larger than maximum allowed value'));
// NaN and Infinity failed 0.7's range check for floats (today they are
// written).
assert.throws(function() { b.writeFloatLE(NaN, 0); },
              thrown(RangeError, 'value larger than maximum allowed value'));
assert.throws(function() { b.writeFloatBE(-Infinity, 0); },
              thrown(RangeError, 'value smaller than minimum allowed value'));
assert.throws(function() { new Buffer(8).writeDoubleLE(Infinity, 0); },
              thrown(RangeError, 'value larger than maximum allowed value'));
assert.deepEqual(Array.prototype.slice.call(b), [0, 0, 0, 0]);

// noAssert = true skipped every check (today's node ignores noAssert):
// values are cut to size and writes past the end are dropped ...
b.writeUInt8(300, 0, true);
assert.strictEqual(b[0], 44);
b.writeUInt16BE(0x12345, 2, true);
assert.strictEqual(b.readUInt16BE(2), 0x2345);
b.writeUInt32LE(0x01020304, 2, true);
assert.deepEqual(Array.prototype.slice.call(b), [44, 0, 4, 3]);
b.writeInt8(-1, 10, true);
assert.strictEqual(b.length, 4);
new Buffer(8).writeDoubleBE(NaN, 0, true);
// ... and reads past the end see undefined (one byte) or zeros.
assert.strictEqual(b.readUInt8(4, true), undefined);
assert.strictEqual(b.readUInt16LE(3, true), 3);
assert.strictEqual(b.readUInt32BE(2, true), 0x04030000);
