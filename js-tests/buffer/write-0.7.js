// buf.write() where Node 0.7.4 differs from today's node.
var assert = require('assert');

// Buffer._charsWritten: characters (UTF-16 code units) consumed by the
// last write (buffers.markdown). Today's node has no such property.
var buf = new Buffer(256);
buf.write('\u00bd + \u00bc = \u00be', 0);
assert.strictEqual(Buffer._charsWritten, 9);
var p = new Buffer(5);
p.write('a\u20acb\u20ac');
assert.strictEqual(Buffer._charsWritten, 3);
new Buffer(4).write('x\ud83d\ude00y');
assert.strictEqual(Buffer._charsWritten, 1);
new Buffer(5).write('x\ud83d\ude00y');
assert.strictEqual(Buffer._charsWritten, 3);
new Buffer(4).write('abcdef', 0, 'ucs2');
assert.strictEqual(Buffer._charsWritten, 2);
new Buffer(2).write('abc', 'binary');
assert.strictEqual(Buffer._charsWritten, 2);
new Buffer(4).write('0102', 'hex');
assert.strictEqual(Buffer._charsWritten, 4);
new Buffer(4).write('');
assert.strictEqual(Buffer._charsWritten, 0);
// The constructor writes too.
new Buffer('\u00e9t\u00e9');
assert.strictEqual(Buffer._charsWritten, 3);

// The legacy argument order (string, encoding, offset, length), used by
// the buffer.length example in buffers.markdown. Today's node throws.
var b = new Buffer(1234);
assert.strictEqual(b.write('some string', 'ascii', 0), 11);
assert.strictEqual(b.length, 1234);
assert.strictEqual(b.toString('ascii', 0, 11), 'some string');
var c = new Buffer(6);
c.fill(0x2e);
assert.strictEqual(c.write('abcdef', 'utf8', 2, 3), 3);
assert.strictEqual(c.toString(), '..abc.');

// A length of 0 meant "the rest of the buffer" (`if (!length)`); today it
// writes nothing.
var z = new Buffer(3);
assert.strictEqual(z.write('abc', 0, 0), 3);

// A non-empty string at or beyond the end, or before the start, was a
// TypeError from the C++ write; today's node returns 0 at the end and throws
// a RangeError beyond it.
function outOfBounds(err) {
  return err instanceof TypeError && err.message === 'Offset is out of bounds';
}
assert.throws(function() { new Buffer(2).write('a', 2); }, outOfBounds);
assert.throws(function() { new Buffer(2).write('a', 5); }, outOfBounds);
assert.throws(function() { new Buffer(2).write('a', -1); }, outOfBounds);
assert.throws(function() { new Buffer(0).write('a'); }, outOfBounds);
// An empty string is fine anywhere.
assert.strictEqual(new Buffer(2).write('', 5), 0);

// base64 did not truncate: a string that may not fit is refused whole.
assert.throws(function() { new Buffer(2).write('YWJj', 'base64'); },
              function(err) {
                return err instanceof TypeError &&
                    err.message === 'Buffer too small';
              });
// ... and the length argument was ignored for it.
var b64 = new Buffer(4);
assert.strictEqual(b64.write('YWJj', 0, 1, 'base64'), 3);

// Not a string: 0.7's message.
assert.throws(function() { new Buffer(4).write(5); }, function(err) {
  return err instanceof TypeError && err.message === 'Argument must be a string';
});
