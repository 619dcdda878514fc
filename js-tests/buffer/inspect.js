// buf.inspect() and how console.log / util.inspect show a Buffer, for
// Buffers short enough that Node 0.7.4 and today's node agree.
var assert = require('assert');
var util = require('util');

assert.strictEqual(new Buffer('abc').inspect(), '<Buffer 61 62 63>');
assert.strictEqual(new Buffer(0).inspect(), '<Buffer >');
assert.strictEqual(new Buffer([0, 1, 15, 16, 255]).inspect(),
                   '<Buffer 00 01 0f 10 ff>');
assert.strictEqual(util.inspect(new Buffer('hi')), '<Buffer 68 69>');
assert.strictEqual(new Buffer('abcdef').slice(2, 4).inspect(), '<Buffer 63 64>');

var fifty = new Buffer(50);
fifty.fill(0xab);
var expected = '<Buffer' + new Array(51).join(' ab') + '>';
assert.strictEqual(fifty.inspect(), expected);
assert.strictEqual(util.inspect(fifty), expected);

console.log(new Buffer('abc'));
console.log(new Buffer(0));
console.log([new Buffer('a')]);
