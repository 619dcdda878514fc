// Encodings where Node 0.7.4 differs from today's node.
var assert = require('assert');

function bytes(buf) {
  return Array.prototype.slice.call(buf);
}

// 'ascii' writes went through V8's WriteAscii, which turned NUL into a
// space; buffers.markdown documents it. Today's node writes 0x00.
assert.deepEqual(bytes(new Buffer('a\u0000b', 'ascii')), [0x61, 0x20, 0x62]);
var w = new Buffer(3);
w.write('\u0000\u0000', 0, 'ascii');
assert.deepEqual([w[0], w[1]], [0x20, 0x20]);
// utf8 and binary keep NUL.
assert.deepEqual(bytes(new Buffer('a\u0000', 'utf8')), [0x61, 0]);
assert.deepEqual(bytes(new Buffer('a\u0000', 'binary')), [0x61, 0]);

// 0.7 wrote hex in JS and refused odd lengths and non-hex digits
// ("Invalid hex string"); today's node silently stops at the first bad
// pair. 0.7 threw a plain Error; TypeError (still an Error) is what later
// versions threw.
function invalidHex(err) {
  return err instanceof TypeError && err.message === 'Invalid hex string';
}
assert.throws(function() { new Buffer('abc', 'hex'); }, invalidHex);
assert.throws(function() { new Buffer('zz', 'hex'); }, invalidHex);
assert.throws(function() { new Buffer('00g0', 'hex'); }, invalidHex);
var h = new Buffer(4);
h.fill(0);
assert.throws(function() { h.write('0102zz', 0, 'hex'); }, invalidHex);
// The bytes before the bad pair were already written, as in 0.7.
assert.deepEqual(bytes(h), [1, 2, 0, 0]);
assert.throws(function() { h.write('123', 0, 'hex'); }, invalidHex);

// toString() with a falsy encoding is utf8 (String(encoding || 'utf8'));
// today's node throws for null.
assert.strictEqual(new Buffer('\u00e9').toString(null), '\u00e9');
assert.strictEqual(new Buffer('\u00e9').toString(''), '\u00e9');
assert.strictEqual(new Buffer('\u00e9').toString(0), '\u00e9');

// An unknown encoding throws even when there is nothing to decode; today's
// node returns ''.
assert.throws(function() { new Buffer(0).toString('foo'); }, TypeError);
assert.throws(function() { new Buffer(4).toString('foo', 2, 2); }, TypeError);

// Buffer.byteLength for base64 is 0.7's estimate from the length and the
// trailing '=' signs: whitespace is not subtracted. (new Buffer() still
// ends up with the bytes actually decoded.)
assert.strictEqual(Buffer.byteLength('Y Q ==', 'base64'), 2);
assert.strictEqual(new Buffer('Y Q ==', 'base64').length, 1);
assert.strictEqual(Buffer.byteLength('YWJj\n', 'base64'), 4);
assert.strictEqual(new Buffer('YWJj\n', 'base64').length, 3);

// Buffer.byteLength of a non-string: 0.7's message.
assert.throws(function() { Buffer.byteLength(5); }, function(err) {
  return err instanceof TypeError && err.message === 'Argument must be a string';
});
