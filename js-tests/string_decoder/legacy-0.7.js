// string_decoder: the encoding property as Node 0.7 wrote it (lower case,
// first '-' or '_' removed); today's Node names the canonical encoding
// instead ('utf16le', 'latin1'), so this test fails under node v20 on
// purpose.
var assert = require('assert');
var StringDecoder = require('string_decoder').StringDecoder;

assert.strictEqual(new StringDecoder().encoding, 'utf8');
assert.strictEqual(new StringDecoder('UTF-8').encoding, 'utf8');
assert.strictEqual(new StringDecoder('ucs2').encoding, 'ucs2');
assert.strictEqual(new StringDecoder('UCS-2').encoding, 'ucs2');
assert.strictEqual(new StringDecoder('utf-16le').encoding, 'utf16le');
assert.strictEqual(new StringDecoder('binary').encoding, 'binary');
assert.strictEqual(new StringDecoder('Base64').encoding, 'base64');
assert.strictEqual(new StringDecoder('HEX').encoding, 'hex');
// The decoder's state is not among its enumerable properties.
assert.deepEqual(Object.keys(new StringDecoder('utf8')), ['encoding']);
