// read/write of UInt8/16/32, Int8/16/32, Float and Double, little and big
// endian. Node 0.7.4 and today's node agree on everything here, including
// that an offset out of range is a RangeError.
var assert = require('assert');

function bytes(buf) {
  return Array.prototype.slice.call(buf);
}

// The examples from buffers.markdown.
var buf = new Buffer(4);
buf[0] = 0x3;
buf[1] = 0x4;
buf[2] = 0x23;
buf[3] = 0x42;
assert.deepEqual([buf.readUInt8(0), buf.readUInt8(1), buf.readUInt8(2),
                  buf.readUInt8(3)], [0x3, 0x4, 0x23, 0x42]);
assert.strictEqual(buf.readUInt16BE(0), 0x0304);
assert.strictEqual(buf.readUInt16LE(0), 0x0403);
assert.strictEqual(buf.readUInt16BE(1), 0x0423);
assert.strictEqual(buf.readUInt16LE(1), 0x2304);
assert.strictEqual(buf.readUInt16BE(2), 0x2342);
assert.strictEqual(buf.readUInt16LE(2), 0x4223);
assert.strictEqual(buf.readUInt32BE(0), 0x03042342);
assert.strictEqual(buf.readUInt32LE(0), 0x42230403);

var f = new Buffer([0x00, 0x00, 0x80, 0x3f]);
assert.strictEqual(f.readFloatLE(0), 1);
var d = new Buffer([0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0xd5, 0x3f]);
assert.strictEqual(d.readDoubleLE(0), 0.3333333333333333);

var w = new Buffer(4);
w.writeUInt8(0x3, 0);
w.writeUInt8(0x4, 1);
w.writeUInt8(0x23, 2);
w.writeUInt8(0x42, 3);
assert.deepEqual(bytes(w), [0x03, 0x04, 0x23, 0x42]);
w.writeUInt16BE(0xdead, 0);
w.writeUInt16BE(0xbeef, 2);
assert.strictEqual(w.inspect(), '<Buffer de ad be ef>');
w.writeUInt16LE(0xdead, 0);
w.writeUInt16LE(0xbeef, 2);
assert.strictEqual(w.inspect(), '<Buffer ad de ef be>');
w.writeUInt32BE(0xfeedface, 0);
assert.strictEqual(w.inspect(), '<Buffer fe ed fa ce>');
w.writeUInt32LE(0xfeedface, 0);
assert.strictEqual(w.inspect(), '<Buffer ce fa ed fe>');
w.writeFloatBE(0xcafebabe, 0);
assert.strictEqual(w.inspect(), '<Buffer 4f 4a fe bb>');
w.writeFloatLE(0xcafebabe, 0);
assert.strictEqual(w.inspect(), '<Buffer bb fe 4a 4f>');
var w8 = new Buffer(8);
w8.writeDoubleBE(0xdeadbeefcafebabe, 0);
assert.strictEqual(w8.inspect(), '<Buffer 43 eb d5 b7 dd f9 5f d7>');
w8.writeDoubleLE(0xdeadbeefcafebabe, 0);
assert.strictEqual(w8.inspect(), '<Buffer d7 5f f9 dd b7 d5 eb 43>');

// Signed values are two's complement.
var s = new Buffer([0xff, 0x80, 0x7f, 0x00, 0xff, 0xff, 0xff, 0xfe]);
assert.strictEqual(s.readInt8(0), -1);
assert.strictEqual(s.readInt8(1), -128);
assert.strictEqual(s.readInt8(2), 127);
assert.strictEqual(s.readUInt8(0), 255);
assert.strictEqual(s.readInt16BE(0), -128);
assert.strictEqual(s.readInt16LE(0), -32513);
assert.strictEqual(s.readInt16BE(2), 0x7f00);
assert.strictEqual(s.readInt32BE(4), -2);
assert.strictEqual(s.readInt32LE(4), -16777217);
assert.strictEqual(s.readUInt32BE(4), 0xfffffffe);
assert.strictEqual(s.readInt32BE(0), -8356096);

// Round trips at the limits of each type.
var r = new Buffer(10);
function roundTrip(write, read, size, values) {
  values.forEach(function(v) {
    r.fill(0);
    r[write](v, 1);
    assert.strictEqual(r[read](1), v, write + ' ' + v);
    assert.strictEqual(r[0], 0);
    if (1 + size < r.length) assert.strictEqual(r[1 + size], 0);
  });
}
roundTrip('writeUInt8', 'readUInt8', 1, [0, 1, 127, 128, 255]);
roundTrip('writeInt8', 'readInt8', 1, [-128, -1, 0, 1, 127]);
['LE', 'BE'].forEach(function(e) {
  roundTrip('writeUInt16' + e, 'readUInt16' + e, 2, [0, 1, 0x1234, 0xffff]);
  roundTrip('writeInt16' + e, 'readInt16' + e, 2, [-32768, -2, 0, 0x1234, 32767]);
  roundTrip('writeUInt32' + e, 'readUInt32' + e, 4,
            [0, 1, 0x12345678, 0x80000000, 0xffffffff]);
  roundTrip('writeInt32' + e, 'readInt32' + e, 4,
            [-2147483648, -1, 0, 0x12345678, 2147483647]);
  roundTrip('writeFloat' + e, 'readFloat' + e, 4,
            [0, -0.5, 1.5, 3.4028234663852886e+38, -1.401298464324817e-45]);
  roundTrip('writeDouble' + e, 'readDouble' + e, 8,
            [0, 0.1, -1e300, 1.7976931348623157e+308, 5e-324]);
});
// A float keeps float precision.
r.writeFloatLE(0.1, 0);
assert.strictEqual(r.readFloatLE(0), 0.10000000149011612);
r.writeInt16BE(-2, 0);
assert.deepEqual(bytes(r.slice(0, 2)), [0xff, 0xfe]);
r.writeInt32LE(-2, 0);
assert.deepEqual(bytes(r.slice(0, 4)), [0xfe, 0xff, 0xff, 0xff]);

// Reads and writes through a slice use the slice's offsets.
var whole = new Buffer([1, 2, 3, 4, 5, 6]);
var part = whole.slice(2);
assert.strictEqual(part.readUInt16BE(0), 0x0304);
part.writeUInt16LE(0xabcd, 2);
assert.deepEqual(bytes(whole), [1, 2, 3, 4, 0xcd, 0xab]);

// noAssert = true within range reads and writes the same.
var n = new Buffer(4);
n.writeUInt32BE(0x01020304, 0, true);
assert.strictEqual(n.readUInt32BE(0, true), 0x01020304);
assert.strictEqual(n.readUInt16LE(2, true), 0x0403);
assert.strictEqual(n.readInt8(0, true), 1);

// Offsets out of range are RangeErrors, and nothing is written.
var o = new Buffer(4);
o.fill(0);
assert.throws(function() { o.readUInt8(4); }, RangeError);
assert.throws(function() { o.readUInt8(-1); }, RangeError);
assert.throws(function() { o.readUInt8(1.5); }, RangeError);
assert.throws(function() { o.readUInt16LE(3); }, RangeError);
assert.throws(function() { o.readInt16BE(3); }, RangeError);
assert.throws(function() { o.readUInt32LE(1); }, RangeError);
assert.throws(function() { o.readInt32BE(1); }, RangeError);
assert.throws(function() { o.readFloatLE(1); }, RangeError);
assert.throws(function() { o.readDoubleBE(0); }, RangeError);
assert.throws(function() { o.writeUInt8(1, 4); }, RangeError);
assert.throws(function() { o.writeUInt16BE(1, 3); }, RangeError);
assert.throws(function() { o.writeInt32LE(1, 1); }, RangeError);
assert.throws(function() { o.writeFloatBE(1, 1); }, RangeError);
assert.throws(function() { o.writeDoubleLE(1, 0); }, RangeError);
assert.deepEqual(bytes(o), [0, 0, 0, 0]);

// Values out of range for the type are RangeErrors too.
assert.throws(function() { o.writeUInt8(256, 0); }, RangeError);
assert.throws(function() { o.writeUInt8(-1, 0); }, RangeError);
assert.throws(function() { o.writeInt8(128, 0); }, RangeError);
assert.throws(function() { o.writeInt8(-129, 0); }, RangeError);
assert.throws(function() { o.writeUInt16LE(0x10000, 0); }, RangeError);
assert.throws(function() { o.writeInt16BE(-32769, 0); }, RangeError);
assert.throws(function() { o.writeUInt32BE(0x100000000, 0); }, RangeError);
assert.throws(function() { o.writeInt32LE(0x80000000, 0); }, RangeError);
assert.deepEqual(bytes(o), [0, 0, 0, 0]);

// Writes return the offset after the value. (Today's node; 0.7 returned
// undefined, so 0.7 scripts never look.)
assert.strictEqual(o.writeUInt8(1, 0), 1);
assert.strictEqual(o.writeUInt16LE(1, 1), 3);
assert.strictEqual(o.writeInt32BE(1, 0), 4);
assert.strictEqual(o.writeFloatLE(1, 0), 4);
