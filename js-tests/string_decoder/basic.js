// string_decoder: text split across Buffers comes out whole, in every
// encoding. Runs under node too.
var assert = require('assert');
var StringDecoder = require('string_decoder').StringDecoder;

// The usual use: a character cut between two chunks.
var euro = new Buffer([0xE2, 0x82, 0xAC]);
var decoder = new StringDecoder('utf8');
assert.strictEqual(decoder.write(euro.slice(0, 1)), '');
assert.strictEqual(decoder.write(euro.slice(1, 2)), '');
assert.strictEqual(decoder.write(euro.slice(2)), '\u20ac');
assert.strictEqual(decoder.end(), '');

// utf8 is the default.
decoder = new StringDecoder();
assert.strictEqual(decoder.write(new Buffer('caf\u00e9', 'utf8')), 'caf\u00e9');
assert.strictEqual(decoder.encoding, 'utf8');
assert.strictEqual(new StringDecoder('UTF-8').encoding, 'utf8');
assert.strictEqual(new StringDecoder('utf-8').write(euro), '\u20ac');

// Writes every way of cutting buf in two and in three, and one byte at a
// time, and checks that the pieces join up to want.
function checkSplits(encoding, buf, want) {
  function decode(cuts) {
    var d = new StringDecoder(encoding);
    var out = '';
    var prev = 0;
    cuts.concat([buf.length]).forEach(function(at) {
      out += d.write(buf.slice(prev, at));
      prev = at;
    });
    return out + d.end();
  }
  var what = encoding + ' ' + JSON.stringify(want);
  assert.strictEqual(decode([]), want, what);
  for (var i = 0; i <= buf.length; i++) {
    assert.strictEqual(decode([i]), want, what + ' cut at ' + i);
    for (var j = i; j <= buf.length; j++) {
      assert.strictEqual(decode([i, j]), want, what + ' cut at ' + i + ',' + j);
    }
  }
  var bytewise = [];
  for (var k = 1; k < buf.length; k++) {
    bytewise.push(k);
  }
  assert.strictEqual(decode(bytewise), want, what + ' byte by byte');
}

var texts = [
  '',
  'hello',
  'caf\u00e9',
  '\u20ac100',
  'a\u00e9\u20ac\ud83d\ude00z',
  '\ud83d\ude00\ud83d\ude01',
  '\u65e5\u672c\u8a9e\u0442\u0435\u043a\u0441\u0442',
  '\u0000\u007f\u0080\u07ff\u0800\uffff\ud800\udc00\udbff\udfff'
];
texts.forEach(function(text) {
  checkSplits('utf8', new Buffer(text, 'utf8'), text);
  checkSplits('ucs2', new Buffer(text, 'ucs2'), text);
  checkSplits('utf16le', new Buffer(text, 'ucs2'), text);
});

// Whole characters come out as soon as they are complete.
decoder = new StringDecoder('utf8');
assert.strictEqual(decoder.write(new Buffer([0x61, 0xF0, 0x9F])), 'a');
assert.strictEqual(decoder.write(new Buffer([0x98, 0x80, 0x62, 0xC3])), '\ud83d\ude00b');
assert.strictEqual(decoder.write(new Buffer([0xA9])), '\u00e9');

// UCS-2: an odd byte waits for its partner, and so does the first half of a
// surrogate pair.
decoder = new StringDecoder('ucs2');
assert.strictEqual(decoder.write(new Buffer([0x61])), '');
assert.strictEqual(decoder.write(new Buffer([0x00, 0x3D, 0xD8])), 'a');
assert.strictEqual(decoder.write(new Buffer([0x00])), '');
assert.strictEqual(decoder.write(new Buffer([0xDE])), '\ud83d\ude00');
// end() gives out a lone high surrogate and drops an odd byte.
decoder = new StringDecoder('utf16le');
assert.strictEqual(decoder.write(new Buffer([0x3D, 0xD8])), '');
assert.strictEqual(decoder.end(), '\ud83d');
decoder = new StringDecoder('ucs2');
assert.strictEqual(decoder.write(new Buffer([0x62, 0x00, 0x63])), 'b');
assert.strictEqual(decoder.end(), '');

// base64 keeps a partial group of three bytes; end() pads it.
var data = new Buffer([0, 1, 2, 3, 4, 5, 6, 250, 251, 252, 253]);
var b64 = data.toString('base64');
for (var n = 0; n <= data.length; n++) {
  decoder = new StringDecoder('base64');
  var s = decoder.write(data.slice(0, n));
  assert.strictEqual(s.length % 4, 0);
  assert.strictEqual(s + decoder.write(data.slice(n)) + decoder.end(), b64);
}
decoder = new StringDecoder('base64');
assert.strictEqual(decoder.write(new Buffer('ab')), '');
assert.strictEqual(decoder.write(new Buffer('c')), 'YWJj');
assert.strictEqual(decoder.write(new Buffer('d')), '');
assert.strictEqual(decoder.end(), 'ZA==');
assert.strictEqual(decoder.end(), '');

// hex, ascii and binary have no multi-byte characters.
decoder = new StringDecoder('hex');
assert.strictEqual(decoder.write(new Buffer([0x00, 0xAB])), '00ab');
assert.strictEqual(decoder.write(new Buffer([0xFF])), 'ff');
assert.strictEqual(decoder.end(), '');
decoder = new StringDecoder('ascii');
assert.strictEqual(decoder.write(new Buffer('hello')), 'hello');
decoder = new StringDecoder('binary');
assert.strictEqual(decoder.write(new Buffer([0x61, 0xE9, 0xFF])), 'a\u00e9\u00ff');
assert.strictEqual(new StringDecoder('latin1').write(new Buffer([0xE9])), '\u00e9');

// end(buffer) writes buffer first.
decoder = new StringDecoder('utf8');
assert.strictEqual(decoder.write(euro.slice(0, 2)), '');
assert.strictEqual(decoder.end(euro.slice(2)), '\u20ac');
// After end() the decoder starts afresh.
assert.strictEqual(decoder.write(new Buffer('x')), 'x');
decoder = new StringDecoder('utf8');
assert.strictEqual(decoder.write(euro.slice(0, 2)), '');
assert.strictEqual(decoder.end(), '\ufffd');
assert.strictEqual(decoder.write(euro.slice(2)), '\ufffd');

// Invalid UTF-8 becomes U+FFFD.
decoder = new StringDecoder('utf8');
assert.strictEqual(decoder.write(new Buffer([0xFF, 0x61, 0xC0, 0xAF, 0x62])), '\ufffda\ufffd\ufffdb');
assert.strictEqual(decoder.write(new Buffer([0xED, 0xA0, 0x80])), '\ufffd\ufffd\ufffd');
assert.strictEqual(decoder.write(new Buffer([0xE2, 0x82, 0x41])), '\ufffdA');

// Other typed arrays are read as their bytes; a string is returned as is.
decoder = new StringDecoder('utf8');
assert.strictEqual(decoder.write(new Uint8Array([0x68, 0x69])), 'hi');
assert.strictEqual(decoder.write('already text'), 'already text');

// Bad input.
assert.throws(function() { new StringDecoder('no-such-encoding'); }, function(err) {
  return err instanceof TypeError && err.message === 'Unknown encoding: no-such-encoding';
});
assert.throws(function() { new StringDecoder('utf8').write(5); }, function(err) {
  return err instanceof TypeError && /^The "buf" argument must be an instance of Buffer, TypedArray, or DataView\./.test(err.message);
});
assert.throws(function() { new StringDecoder('utf8').write(5); }, TypeError);
assert.throws(function() { new StringDecoder('utf8').write({}); }, TypeError);
assert.throws(function() { new StringDecoder('utf8').write(null); }, TypeError);
assert.throws(function() { new StringDecoder('utf8').write(); }, TypeError);
assert.throws(function() { new StringDecoder('utf8').end(42); }, TypeError);
