// Every encoding, both ways: utf8, ascii, binary, ucs2 (and its names
// utf16le/ucs-2/utf-16le), hex, base64. Node 0.7.4 and today's node agree
// on everything here.
var assert = require('assert');

function bytes(buf) {
  return Array.prototype.slice.call(buf);
}

function roundTrip(str, encoding, expectBytes) {
  var buf = new Buffer(str, encoding);
  if (expectBytes) assert.deepEqual(bytes(buf), expectBytes, encoding + ' ' + str);
  assert.strictEqual(buf.toString(encoding), str, encoding + ' round trip');
  assert.strictEqual(Buffer.byteLength(str, encoding), buf.length,
                     encoding + ' byteLength');
  return buf;
}

// utf8: 1 to 4 byte characters; a surrogate pair is one 4-byte character.
roundTrip('abc', 'utf8', [0x61, 0x62, 0x63]);
roundTrip('\u00e9', 'utf8', [0xc3, 0xa9]);
roundTrip('\u20ac', 'utf8', [0xe2, 0x82, 0xac]);
roundTrip('\ud83d\ude00', 'utf8', [0xf0, 0x9f, 0x98, 0x80]);
roundTrip('\u00bd + \u00bc = \u00be', 'utf8');
roundTrip('h\u00e9llo w\u00f6rld \u4e2d\u6587', 'utf-8');
roundTrip('nul\u0000inside', 'utf8', [0x6e, 0x75, 0x6c, 0, 0x69, 0x6e, 0x73, 0x69, 0x64, 0x65]);
assert.strictEqual(new Buffer('\u00e9').toString('UTF-8'), '\u00e9');

// binary: the low 8 bits of each character, and back.
var latin = '';
for (var i = 0; i < 256; i++) latin += String.fromCharCode(i);
var lb = roundTrip(latin, 'binary');
assert.strictEqual(lb.length, 256);
for (i = 0; i < 256; i++) assert.strictEqual(lb[i], i);
assert.deepEqual(bytes(new Buffer('\u0141\u20ac', 'binary')), [0x41, 0xac]);

// ascii: writing keeps the low 8 bits; reading strips the high bit.
roundTrip('hello, world', 'ascii');
assert.deepEqual(bytes(new Buffer('\u00e9', 'ascii')), [0xe9]);
assert.strictEqual(new Buffer([0xe9, 0x80, 0xff, 0x41]).toString('ascii'),
                   'i\u0000\u007fA');

// ucs2: two bytes per UTF-16 code unit, little endian.
roundTrip('ab', 'ucs2', [0x61, 0, 0x62, 0]);
roundTrip('\u20ac\u00e9', 'ucs-2', [0xac, 0x20, 0xe9, 0]);
roundTrip('\ud83d\ude00', 'ucs2', [0x3d, 0xd8, 0x00, 0xde]);
roundTrip('ab', 'utf16le', [0x61, 0, 0x62, 0]);
roundTrip('ab', 'utf-16le', [0x61, 0, 0x62, 0]);
// A trailing odd byte is not a character.
assert.strictEqual(new Buffer([0x61, 0, 0x62]).toString('ucs2'), 'a');

// hex: two digits a byte, either case in, lower case out.
roundTrip('00ff10ab', 'hex', [0, 0xff, 0x10, 0xab]);
assert.deepEqual(bytes(new Buffer('DEADbeef', 'hex')), [0xde, 0xad, 0xbe, 0xef]);
assert.strictEqual(new Buffer('DEADbeef', 'hex').toString('hex'), 'deadbeef');
assert.strictEqual(new Buffer('', 'hex').length, 0);
var all = new Buffer(256);
for (i = 0; i < 256; i++) all[i] = i;
assert.deepEqual(bytes(new Buffer(all.toString('hex'), 'hex')), bytes(all));

// base64: standard alphabet with padding out.
roundTrip('aGk=', 'base64', [0x68, 0x69]);
roundTrip('YWJj', 'base64', [0x61, 0x62, 0x63]);
roundTrip('YQ==', 'base64', [0x61]);
assert.strictEqual(new Buffer('hi').toString('base64'), 'aGk=');
assert.strictEqual(new Buffer([0xfb, 0xff]).toString('base64'), '+/8=');
assert.strictEqual(new Buffer('').toString('base64'), '');
assert.deepEqual(bytes(new Buffer(all.toString('base64'), 'base64')), bytes(all));
// Whitespace and line breaks are skipped, missing padding is fine.
assert.strictEqual(new Buffer('aGVs\nbG8g\r\nd29y bGQ=', 'base64').toString(),
                   'hello world');
assert.strictEqual(new Buffer('aGk', 'base64').toString(), 'hi');
assert.strictEqual(new Buffer('YWJjZA', 'base64').toString(), 'abcd');
// The URL-safe alphabet decodes too.
assert.deepEqual(bytes(new Buffer('-_8', 'base64')), [0xfb, 0xff]);
// Data ends at '='.
assert.strictEqual(new Buffer('YQ==YWJj', 'base64').toString(), 'a');

// Invalid UTF-8 decodes to U+FFFD, one per maximal invalid subsequence.
function utf8(arr) {
  return new Buffer(arr).toString('utf8');
}
assert.strictEqual(utf8([0xff]), '\ufffd');
assert.strictEqual(utf8([0x61, 0x80, 0x62]), 'a\ufffdb');
assert.strictEqual(utf8([0xe2, 0x82, 0x41]), '\ufffdA'); // truncated 3-byte
assert.strictEqual(utf8([0xe2, 0x82]), '\ufffd'); // truncated at the end
assert.strictEqual(utf8([0xf0, 0x9f, 0x98]), '\ufffd');
assert.strictEqual(utf8([0xc0, 0x80]), '\ufffd\ufffd'); // overlong
assert.strictEqual(utf8([0xed, 0xa0, 0x80]), '\ufffd\ufffd\ufffd'); // surrogate
assert.strictEqual(utf8([0xf4, 0x90, 0x80, 0x80]), '\ufffd\ufffd\ufffd\ufffd');
assert.strictEqual(utf8([0xc3]), '\ufffd');
assert.strictEqual(utf8([0xc3, 0xa9, 0xa9]), '\u00e9\ufffd');
// A lone surrogate encodes as U+FFFD.
assert.deepEqual(bytes(new Buffer('\ud800x')), [0xef, 0xbf, 0xbd, 0x78]);
assert.strictEqual(Buffer.byteLength('\ud800'), 3);
// Decoding a slice that cuts a character.
var euro = new Buffer('\u20ac');
assert.strictEqual(euro.toString('utf8', 0, 2), '\ufffd');
assert.strictEqual(euro.toString('utf8', 1), '\ufffd\ufffd');

// Buffer.byteLength
var str = '\u00bd + \u00bc = \u00be';
assert.strictEqual(str.length, 9);
assert.strictEqual(Buffer.byteLength(str, 'utf8'), 12);
assert.strictEqual(Buffer.byteLength(str), 12);
assert.strictEqual(Buffer.byteLength('\ud83d\ude00'), 4);
assert.strictEqual(Buffer.byteLength('abc', 'ascii'), 3);
assert.strictEqual(Buffer.byteLength('\u00e9\u00e9', 'binary'), 2);
assert.strictEqual(Buffer.byteLength('abc', 'ucs2'), 6);
assert.strictEqual(Buffer.byteLength('abcd', 'hex'), 2);
assert.strictEqual(Buffer.byteLength('aGk=', 'base64'), 2);
assert.strictEqual(Buffer.byteLength('YQ==', 'base64'), 1);
assert.strictEqual(Buffer.byteLength('YWJj', 'base64'), 3);
assert.strictEqual(Buffer.byteLength('', 'utf8'), 0);
// An unknown encoding counts as utf8 here.
assert.strictEqual(Buffer.byteLength('\u00e9', 'nonsense'), 2);
// Not a string: TypeError.
assert.throws(function() { Buffer.byteLength(5); }, TypeError);
assert.throws(function() { Buffer.byteLength(); }, TypeError);
assert.throws(function() { Buffer.byteLength({}); }, TypeError);

// Unknown encodings are a TypeError when converting.
var b = new Buffer('abc');
assert.throws(function() { b.toString('utf9'); }, TypeError);
assert.throws(function() { b.write('x', 0, 'latin2'); }, TypeError);
assert.throws(function() { b.toString('utf9'); }, /Unknown encoding/);
// Names ignore case.
assert.strictEqual(b.toString('HEX'), '616263');
assert.strictEqual(b.toString('Base64'), 'YWJj');
// No encoding means utf8.
assert.strictEqual(new Buffer('\u00e9').toString(), '\u00e9');
assert.strictEqual(new Buffer('\u00e9').toString(undefined), '\u00e9');
