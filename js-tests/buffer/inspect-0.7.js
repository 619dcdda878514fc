// buf.inspect() of long Buffers. Node 0.7.4's loop pushed '...' after
// byte number INSPECT_MAX_BYTES, so 51 bytes show before it; today's node
// shows 50 and says how many more there are.
var assert = require('assert');
var buffer = require('buffer');

function hexes(n, hex) {
  return new Array(n + 1).join(' ' + hex);
}

var b = new Buffer(60);
b.fill(0xab);
assert.strictEqual(b.inspect(), '<Buffer' + hexes(51, 'ab') + ' ...>');
// Exactly 51 bytes: all shown, then '...' anyway.
var b51 = b.slice(0, 51);
assert.strictEqual(b51.inspect(), '<Buffer' + hexes(51, 'ab') + ' ...>');

// INSPECT_MAX_BYTES can be changed by user modules.
buffer.INSPECT_MAX_BYTES = 2;
assert.strictEqual(new Buffer('abcdef').inspect(), '<Buffer 61 62 63 ...>');
assert.strictEqual(new Buffer('abc').inspect(), '<Buffer 61 62 63 ...>');
assert.strictEqual(new Buffer('ab').inspect(), '<Buffer 61 62>');
console.log(new Buffer('hello'));
buffer.INSPECT_MAX_BYTES = 0;
console.log(new Buffer('hello'));
buffer.INSPECT_MAX_BYTES = 50;
assert.strictEqual(b.inspect(), '<Buffer' + hexes(51, 'ab') + ' ...>');
