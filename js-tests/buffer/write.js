// buf.write(string, [offset], [length], [encoding]): bytes written, never a
// partial character. Node 0.7.4 and today's node agree on everything here.
var assert = require('assert');

function bytes(buf) {
  return Array.prototype.slice.call(buf);
}

// The example from buffers.markdown.
var buf = new Buffer(256);
var len = buf.write('\u00bd + \u00bc = \u00be', 0);
assert.strictEqual(len, 12);
assert.strictEqual(len + ' bytes: ' + buf.toString('utf8', 0, len),
                   '12 bytes: \u00bd + \u00bc = \u00be');

// Offset, length and encoding.
var b = new Buffer(6);
b.fill(0x2e); // '.'
assert.strictEqual(b.write('ab'), 2);
assert.strictEqual(b.toString(), 'ab....');
assert.strictEqual(b.write('cd', 3), 2);
assert.strictEqual(b.toString(), 'ab.cd.');
assert.strictEqual(b.write('wxyz', 1, 2), 2);
assert.strictEqual(b.toString(), 'awxcd.');
assert.strictEqual(b.write('6869', 4, 'hex'), 2);
assert.strictEqual(b.toString(), 'awxchi');
assert.strictEqual(b.write('5a5a', 0, 1, 'hex'), 1);
assert.strictEqual(b.toString(), 'Zwxchi');
assert.strictEqual(b.write('QUJD', 'base64'), 3);
assert.strictEqual(b.toString(), 'ABCchi');
assert.strictEqual(b.write('', 0), 0);

// Too long: as much as fits.
var small = new Buffer(3);
assert.strictEqual(small.write('abcdef'), 3);
assert.strictEqual(small.toString(), 'abc');
assert.strictEqual(small.write('xyz', 1), 2);
assert.strictEqual(small.toString(), 'axy');
assert.strictEqual(new Buffer(2).write('aabbcc', 0, 'hex'), 2);
assert.strictEqual(new Buffer(2).write('abc', 'binary'), 2);
assert.strictEqual(new Buffer(2).write('abc', 'ascii'), 2);

// utf8 never writes part of a character, and stops there.
var p = new Buffer(5);
p.fill(0);
assert.strictEqual(p.write('a\u20acb', 0, 3), 1);
assert.deepEqual(bytes(p), [0x61, 0, 0, 0, 0]);
assert.strictEqual(p.write('a\u20acb', 0, 4), 4);
assert.deepEqual(bytes(p), [0x61, 0xe2, 0x82, 0xac, 0]);
assert.strictEqual(p.write('\u00e9\u00e9\u00e9'), 4);
assert.strictEqual(p.toString('utf8', 0, 4), '\u00e9\u00e9');
assert.strictEqual(new Buffer(3).write('\ud83d\ude00'), 0);
assert.strictEqual(new Buffer(4).write('\ud83d\ude00'), 4);
assert.strictEqual(new Buffer(5).write('x\ud83d\ude00'), 5);
assert.strictEqual(new Buffer(4).write('x\ud83d\ude00'), 1);
// ucs2 writes whole code units only.
var u = new Buffer(3);
assert.strictEqual(u.write('abc', 0, 'ucs2'), 2);
assert.strictEqual(u.toString('ucs2', 0, 2), 'a');
assert.strictEqual(new Buffer(4).write('\u20ac\u20ac\u20ac', 'utf16le'), 4);

// write into a slice writes into the parent.
var parent = new Buffer('..........');
parent.slice(4, 8).write('abcdef');
assert.strictEqual(parent.toString(), '....abcd..');

// Not a string: TypeError.
assert.throws(function() { new Buffer(4).write(5); }, TypeError);
assert.throws(function() { new Buffer(4).write({}); }, TypeError);
assert.throws(function() { new Buffer(4).write(); }, TypeError);
