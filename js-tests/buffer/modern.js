// Additions from today's node that do not change 0.7 behaviour:
// Buffer.concat (Node 0.8), Buffer.from/alloc/allocUnsafe/isEncoding,
// equals(), and typed array methods returning Buffers. Checked against
// today's node.
var assert = require('assert');

function bytes(buf) {
  return Array.prototype.slice.call(buf);
}

// Buffer.concat
var a = new Buffer('ab');
var b = new Buffer('cde');
var ab = Buffer.concat([a, b]);
assert.ok(Buffer.isBuffer(ab));
assert.strictEqual(ab.toString(), 'abcde');
assert.strictEqual(Buffer.concat([a, b], 3).toString(), 'abc');
var padded = Buffer.concat([a, b], 7);
assert.deepEqual(bytes(padded), [0x61, 0x62, 0x63, 0x64, 0x65, 0, 0]);
assert.strictEqual(Buffer.concat([]).length, 0);
assert.strictEqual(Buffer.concat([a, new Buffer(0), b]).toString(), 'abcde');
assert.strictEqual(Buffer.concat([a]).toString(), 'ab');
assert.throws(function() { Buffer.concat('ab'); }, TypeError);

// Buffer.from
assert.strictEqual(Buffer.from('68 69'.replace(' ', ''), 'hex').toString(), 'hi');
assert.strictEqual(Buffer.from('\u00e9').length, 2);
assert.deepEqual(bytes(Buffer.from([1, 2, 3])), [1, 2, 3]);
var src = Buffer.from('xyz');
var copied = Buffer.from(src);
copied[0] = 0x41;
assert.strictEqual(src.toString(), 'xyz');
var ab8 = new Uint8Array([5, 6, 7, 8]);
var shared = Buffer.from(ab8.buffer, 1, 2);
assert.ok(shared instanceof Buffer);
assert.deepEqual(bytes(shared), [6, 7]);
shared[0] = 9;
assert.strictEqual(ab8[1], 9);
assert.throws(function() { Buffer.from(5); }, TypeError);
assert.throws(function() { Buffer.from('x', 'nope'); }, TypeError);

// Buffer.alloc and allocUnsafe
assert.deepEqual(bytes(Buffer.alloc(3)), [0, 0, 0]);
assert.deepEqual(bytes(Buffer.alloc(3, 7)), [7, 7, 7]);
assert.strictEqual(Buffer.alloc(5, 'ab').toString(), 'ababa');
assert.strictEqual(Buffer.alloc(4, '6869', 'hex').toString(), 'hihi');
assert.strictEqual(Buffer.allocUnsafe(4).length, 4);
assert.ok(Buffer.allocUnsafe(1) instanceof Buffer);
assert.throws(function() { Buffer.alloc(-1); }, RangeError);
assert.throws(function() { Buffer.alloc('3'); }, TypeError);

// Buffer.isEncoding
assert.strictEqual(Buffer.isEncoding('utf8'), true);
assert.strictEqual(Buffer.isEncoding('UTF-8'), true);
assert.strictEqual(Buffer.isEncoding('ucs2'), true);
assert.strictEqual(Buffer.isEncoding('binary'), true);
assert.strictEqual(Buffer.isEncoding('nope'), false);
assert.strictEqual(Buffer.isEncoding(''), false);
assert.strictEqual(Buffer.isEncoding(null), false);

// equals
assert.strictEqual(new Buffer('abc').equals(new Buffer('abc')), true);
assert.strictEqual(new Buffer('abc').equals(new Buffer('abd')), false);
assert.strictEqual(new Buffer('abc').equals(new Buffer('ab')), false);

// Typed array methods give Buffers that share memory where the typed array
// would.
var whole = new Buffer('abcdef');
var sub = whole.subarray(1, 3);
assert.ok(sub instanceof Buffer);
assert.strictEqual(sub.toString(), 'bc');
sub[0] = 0x42;
assert.strictEqual(whole.toString(), 'aBcdef');
var doubled = new Buffer([1, 2, 3]).map(function(x) { return x * 2; });
assert.ok(doubled instanceof Buffer);
assert.deepEqual(bytes(doubled), [2, 4, 6]);
assert.ok(new Buffer(2) instanceof Uint8Array);

// The per-encoding methods.
var e = new Buffer('hi');
assert.strictEqual(e.hexSlice(0, 2), '6869');
assert.strictEqual(e.utf8Slice(0, 1), 'h');
assert.strictEqual(e.base64Slice(0, 2), 'aGk=');
assert.strictEqual(e.latin1Slice(0, 2), 'hi');
assert.strictEqual(e.asciiSlice(0, 2), 'hi');
assert.strictEqual(e.utf8Write('yo', 0), 2);
assert.strictEqual(e.toString(), 'yo');
