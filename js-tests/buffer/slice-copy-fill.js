// slice() shares memory; copy() copies between (possibly overlapping)
// regions; fill(); toString() ranges. Node 0.7.4 and today's node agree on
// everything here.
var assert = require('assert');

function bytes(buf) {
  return Array.prototype.slice.call(buf);
}

function alphabet() {
  var buf = new Buffer(26);
  for (var i = 0; i < 26; i++) buf[i] = i + 97; // 97 is ASCII a
  return buf;
}

// slice: the example from buffers.markdown.
var buf1 = alphabet();
var buf2 = buf1.slice(0, 3);
assert.strictEqual(buf2.toString('ascii', 0, buf2.length), 'abc');
buf1[0] = 33;
assert.strictEqual(buf2.toString('ascii', 0, buf2.length), '!bc');
// ... and the other way round.
buf2[1] = 0x42;
assert.strictEqual(buf1.toString('ascii', 0, 3), '!Bc');

var s = alphabet();
assert.strictEqual(s.slice().length, 26);
assert.strictEqual(s.slice(24).toString(), 'yz');
assert.strictEqual(s.slice(3, 3).length, 0);
assert.strictEqual(s.slice(26).length, 0);
assert.strictEqual(s.slice(0, 26).toString(), s.toString());
// A slice of a slice is still the same memory.
var inner = s.slice(10, 20).slice(2, 4);
assert.strictEqual(inner.toString(), 'mn');
inner.fill(0x2a); // '*'
assert.strictEqual(s.toString('ascii', 10, 16), 'kl**op');
// Writes through a slice stay inside it.
var frame = s.slice(0, 2);
frame[2] = 0x30;
assert.strictEqual(s[2], 0x63);

// copy: the example from buffers.markdown.
var c1 = alphabet();
var c2 = new Buffer(26);
for (var i = 0; i < 26; i++) c2[i] = 33; // ASCII !
assert.strictEqual(c1.copy(c2, 8, 16, 20), 4);
assert.strictEqual(c2.toString('ascii', 0, 25), '!!!!!!!!qrst!!!!!!!!!!!!!');

// Defaults: everything, to the start of the target.
var dst = new Buffer(4);
dst.fill(0);
assert.strictEqual(new Buffer('abcd').copy(dst), 4);
assert.strictEqual(dst.toString(), 'abcd');
// Only what fits is copied, and the count says so.
var two = new Buffer(2);
assert.strictEqual(new Buffer('wxyz').copy(two), 2);
assert.strictEqual(two.toString(), 'wx');
assert.strictEqual(new Buffer('wxyz').copy(dst, 3), 1);
assert.strictEqual(dst.toString(), 'abcw');
assert.strictEqual(new Buffer('wxyz').copy(dst, 1, 2), 2);
assert.strictEqual(dst.toString(), 'ayzw');
// Empty source or target: nothing to do.
assert.strictEqual(new Buffer(0).copy(dst), 0);
assert.strictEqual(new Buffer('ab').copy(new Buffer(0)), 0);
assert.strictEqual(new Buffer('ab').copy(dst, 0, 1, 1), 0);

// Overlapping regions copy as memmove does, in both directions.
var o = new Buffer('0123456789');
assert.strictEqual(o.copy(o, 2, 0, 6), 6);
assert.strictEqual(o.toString(), '0101234589');
o = new Buffer('0123456789');
assert.strictEqual(o.copy(o, 0, 3, 9), 6);
assert.strictEqual(o.toString(), '3456786789');
o = new Buffer('0123456789');
assert.strictEqual(o.slice(0, 8).copy(o.slice(2), 0), 8);
assert.strictEqual(o.toString(), '0101234567');

// Out of range positions are RangeErrors.
var src = new Buffer('abcd');
assert.throws(function() { src.copy(new Buffer(4), -1); }, RangeError);
assert.throws(function() { src.copy(new Buffer(4), 0, -1); }, RangeError);
assert.throws(function() { src.copy(new Buffer(4), 0, 5); }, RangeError);
// The target must be a Buffer.
assert.throws(function() { src.copy('abcd'); }, TypeError);
assert.throws(function() { src.copy(); }, TypeError);

// fill
var f = new Buffer(50);
f.fill('h');
assert.strictEqual(f.toString(), new Array(51).join('h'));
f.fill(0);
assert.deepEqual(bytes(f.slice(0, 3)), [0, 0, 0]);
f.fill(0x41, 1, 3);
assert.deepEqual(bytes(f.slice(0, 4)), [0, 0x41, 0x41, 0]);
f.fill(0x42, 48);
assert.strictEqual(f.toString('ascii', 47), '\u0000BB');
f.fill(257);
assert.strictEqual(f[0], 1);
f.fill(-1);
assert.strictEqual(f[49], 255);
assert.throws(function() { new Buffer(4).fill(0, 0, 5); }, RangeError);

// toString(encoding, start, end)
var t = new Buffer('abcdef');
assert.strictEqual(t.toString('utf8', 2), 'cdef');
assert.strictEqual(t.toString('utf8', 2, 4), 'cd');
assert.strictEqual(t.toString('utf8', 0, 100), 'abcdef');
assert.strictEqual(t.toString('utf8', -5, 2), 'ab');
assert.strictEqual(t.toString('utf8', 7), '');
assert.strictEqual(t.toString('utf8', 4, 2), '');
assert.strictEqual(t.toString('utf8', 3, 3), '');
assert.strictEqual(t.toString('hex', 1, 3), '6263');
assert.strictEqual(t.toString('base64', 0, 3), 'YWJj');
assert.strictEqual(t.toString('ascii', 5), 'f');
assert.strictEqual(t.toString('ucs2', 0, 4), '\u6261\u6463');
assert.strictEqual(String(t), 'abcdef');
assert.strictEqual('' + t, 'abcdef');
