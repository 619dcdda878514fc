// Making Buffers: new Buffer(size | array | string [, encoding] | buffer),
// Buffer() without new, Buffer.isBuffer, the module's exports. Node 0.7.4
// and today's node agree on everything here.
var assert = require('assert');
var buffer = require('buffer');

assert.strictEqual(typeof Buffer, 'function');
assert.strictEqual(buffer.Buffer, Buffer);
assert.strictEqual(typeof buffer.SlowBuffer, 'function');
assert.strictEqual(buffer.INSPECT_MAX_BYTES, 50);
assert.strictEqual(Buffer.poolSize, 8192);

// new Buffer(size)
var b = new Buffer(10);
assert.strictEqual(b.length, 10);
assert.ok(b instanceof Buffer);
assert.ok(Buffer.isBuffer(b));
assert.strictEqual(new Buffer(0).length, 0);
// 0.7 left the memory uninitialised; zeros are one of its possible values.
for (var i = 0; i < b.length; i++) assert.strictEqual(b[i], 0);

// Without new, the same thing.
var c = Buffer(3);
assert.ok(c instanceof Buffer);
assert.strictEqual(c.length, 3);
assert.strictEqual(Buffer('abc').toString(), 'abc');
assert.strictEqual(Buffer([1, 2]).length, 2);

// new Buffer(array): octets, each taken modulo 256.
var a = new Buffer([0x61, 0x62, 0x63, 256 + 0x41, -1]);
assert.strictEqual(a.length, 5);
assert.strictEqual(a[0], 0x61);
assert.strictEqual(a[3], 0x41);
assert.strictEqual(a[4], 0xff);
assert.strictEqual(a.toString('ascii', 0, 3), 'abc');
// Non-numbers convert as numbers do; what does not convert is 0.
var m = new Buffer([1.7, '2', null, 'x', true]);
assert.deepEqual([m[0], m[1], m[2], m[3], m[4]], [1, 2, 0, 0, 1]);
// Array-like objects count too.
var al = new Buffer({ length: 2, 0: 7, 1: '8' });
assert.strictEqual(al.length, 2);
assert.strictEqual(al[0], 7);
assert.strictEqual(al[1], 8);

// new Buffer(buffer) copies.
var orig = new Buffer('xyz');
var copy = new Buffer(orig);
assert.strictEqual(copy.toString(), 'xyz');
copy[0] = 0x41;
assert.strictEqual(orig.toString(), 'xyz');
assert.strictEqual(copy.toString(), 'Ayz');

// new Buffer(string [, encoding]): utf8 by default.
assert.strictEqual(new Buffer('\u00e9').length, 2);
assert.strictEqual(new Buffer('\u00e9', 'utf8').length, 2);
assert.strictEqual(new Buffer('\u00e9', 'binary').length, 1);
assert.strictEqual(new Buffer('\u00e9', 'ucs2').length, 2);
assert.strictEqual(new Buffer('', 'utf8').length, 0);
// Encoding names ignore case; a missing or null one means utf8.
assert.strictEqual(new Buffer('ABC', 'UTF8').toString(), 'ABC');
assert.strictEqual(new Buffer('ABC', 'Utf-8').toString(), 'ABC');
assert.strictEqual(new Buffer('\u00e9', null).length, 2);
assert.strictEqual(new Buffer('\u00e9', undefined).length, 2);

// Unknown encodings are refused.
assert.throws(function() { new Buffer('abc', 'utf9'); }, TypeError);
assert.throws(function() { new Buffer('abc', 'foo'); },
              function(err) { return /Unknown encoding/.test(err.message); });

// Buffers are indexable octets: stores wrap modulo 256.
var x = new Buffer(2);
x[0] = 300;
x[1] = -2;
assert.strictEqual(x[0], 44);
assert.strictEqual(x[1], 254);
assert.strictEqual(x[2], undefined);

// isBuffer
assert.strictEqual(Buffer.isBuffer('abc'), false);
assert.strictEqual(Buffer.isBuffer([1, 2]), false);
assert.strictEqual(Buffer.isBuffer(null), false);
assert.strictEqual(Buffer.isBuffer(undefined), false);
assert.strictEqual(Buffer.isBuffer({ length: 0 }), false);

// slices are Buffers too.
assert.ok(Buffer.isBuffer(b.slice(1, 2)));
assert.ok(b.slice(1, 2) instanceof Buffer);

// length is the size of the memory, not of its contents.
var big = new Buffer(1234);
assert.strictEqual(big.length, 1234);
big.write('some string', 0, 'ascii');
assert.strictEqual(big.length, 1234);

// Sizes beyond the maximum are a RangeError.
assert.throws(function() { new Buffer(Math.pow(2, 33)); }, RangeError);

// toJSON (today's node; additive).
assert.deepEqual(new Buffer('ab').toJSON(), { type: 'Buffer', data: [97, 98] });
assert.strictEqual(JSON.stringify(new Buffer([1, 2])),
                   '{"type":"Buffer","data":[1,2]}');
