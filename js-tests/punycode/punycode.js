// punycode, as Node 0.7.4 exposes it (Punycode.js 0.3.0's API): RFC 3492's
// sample strings (section 7.1) both ways, the domain-name helpers, the
// UCS-2 helpers and the RangeErrors with 0.3.0's messages.
var assert = require('assert');
var punycode = require('punycode');

assert.strictEqual(punycode.version, '0.3.0');

// [Unicode, Punycode]
var samples = [
  // (A) Arabic (Egyptian)
  ['\u0644\u064A\u0647\u0645\u0627\u0628\u062A\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064A\u061F',
   'egbpdaj6bu4bxfgehfvwxn'],
  // (B) Chinese (simplified)
  ['\u4ED6\u4EEC\u4E3A\u4EC0\u4E48\u4E0D\u8BF4\u4E2D\u6587', 'ihqwcrb4cv8a8dqg056pqjye'],
  // (C) Chinese (traditional)
  ['\u4ED6\u5011\u7232\u4EC0\u9EBD\u4E0D\u8AAA\u4E2D\u6587', 'ihqwctvzc91f659drss3x8bo0yb'],
  // (D) Czech
  ['Pro\u010Dprost\u011Bnemluv\u00ED\u010Desky', 'Proprostnemluvesky-uyb24dma41a'],
  // (E) Hebrew
  ['\u05DC\u05DE\u05D4\u05D4\u05DD\u05E4\u05E9\u05D5\u05D8\u05DC\u05D0\u05DE\u05D3\u05D1\u05E8\u05D9\u05DD\u05E2\u05D1\u05E8\u05D9\u05EA',
   '4dbcagdahymbxekheh6e0a7fei0b'],
  // (G) Japanese (kanji and hiragana)
  ['\u306A\u305C\u307F\u3093\u306A\u65E5\u672C\u8A9E\u3092\u8A71\u3057\u3066\u304F\u308C\u306A\u3044\u306E\u304B',
   'n8jok5ay5dzabd5bym9f0cm5685rrjetr6pdxa'],
  // (L) 3<nen>B<gumi><kinpachi><sensei>
  ['3\u5E74B\u7D44\u91D1\u516B\u5148\u751F', '3B-ww4c5e180e575a65lsy2b'],
  // (M) <amuro><namie>-with-SUPER-MONKEYS
  ['\u5B89\u5BA4\u5948\u7F8E\u6075-with-SUPER-MONKEYS', '-with-SUPER-MONKEYS-pc58ag80a8qai00g7n9n'],
  // (N) Hello-Another-Way-<sorezore><no><basho>
  ['Hello-Another-Way-\u305D\u308C\u305E\u308C\u306E\u5834\u6240', 'Hello-Another-Way--fc4qua05auwb3674vfr0b'],
  // (O) <hitotsu><yane><no><shita>2
  ['\u3072\u3068\u3064\u5C4B\u6839\u306E\u4E0B2', '2-u9tlzr9756bt3uc0v'],
  // (P) Maji<de>Koi<suru>5<byou><mae>
  ['Maji\u3067Koi\u3059\u308B5\u79D2\u524D', 'MajiKoi5-783gue6qz075azm5e'],
  // (Q) <pafii>de<runba>
  ['\u30D1\u30D5\u30A3\u30FCde\u30EB\u30F3\u30D0', 'de-jg4avhby1noc0d'],
  // (R) <sono><supiido><de>
  ['\u305D\u306E\u30B9\u30D4\u30FC\u30C9\u3067', 'd9juau41awczczp'],
  // (S) -> $1.00 <-
  ['-> $1.00 <-', '-> $1.00 <--'],
  // Only basic code points: they are followed by the delimiter.
  ['abc', 'abc-'],
  ['', ''],
  // Outside the BMP: a surrogate pair is one code point.
  ['\uD83D\uDE00', 'e28h'],
  ['b\u00FCcher', 'bcher-kva']
];
samples.forEach(function(test) {
  assert.strictEqual(punycode.encode(test[0]), test[1], 'encode ' + test[1]);
  assert.strictEqual(punycode.decode(test[1]), test[0], 'decode ' + test[1]);
});
// Decoding ignores the case of the encoded digits.
assert.strictEqual(punycode.decode('BCHER-KVA'), 'B\u00FCCHER');

// Domain names: only the labels that need it change.
assert.strictEqual(punycode.toASCII('ma\u00F1ana.com'), 'xn--maana-pta.com');
assert.strictEqual(punycode.toASCII('example.com'), 'example.com');
assert.strictEqual(punycode.toASCII('\u2603.\u2603.net'), 'xn--n3h.xn--n3h.net');
// Any label with a character outside printable ASCII is encoded.
assert.strictEqual(punycode.toASCII('a\tb.com'), 'xn--a\tb-.com');
assert.strictEqual(punycode.toUnicode('xn--maana-pta.com'), 'ma\u00F1ana.com');
assert.strictEqual(punycode.toUnicode('xn--MAANA-PTA.com'), 'ma\u00F1ana.com');
assert.strictEqual(punycode.toUnicode('XN--maana-pta.com'), 'XN--maana-pta.com');
assert.strictEqual(punycode.toUnicode('example.com'), 'example.com');

// ucs2.decode and ucs2.encode: strings and code points.
assert.deepEqual(punycode.ucs2.decode('a\uD834\uDF06b'), [0x61, 0x1D306, 0x62]);
assert.strictEqual(punycode.ucs2.encode([0x61, 0x1D306, 0x62]), 'a\uD834\uDF06b');
assert.deepEqual(punycode.ucs2.decode(''), []);
assert.strictEqual(punycode.ucs2.encode([]), '');

// Errors: RangeErrors with 0.3.0's messages.
function throwsRange(fn, message) {
  assert.throws(fn, function(err) {
    return err instanceof RangeError && err.message === message;
  }, message);
}
throwsRange(function() {
  punycode.ucs2.decode('a\uD800');
}, 'UCS-2(decode): illegal sequence');
throwsRange(function() {
  punycode.ucs2.decode('\uDC00a');
}, 'UCS-2(decode): illegal sequence');
throwsRange(function() {
  punycode.encode('\uD800');
}, 'UCS-2(decode): illegal sequence');
throwsRange(function() {
  punycode.ucs2.encode([0xD800]);
}, 'UCS-2(encode): illegal value');
throwsRange(function() {
  punycode.decode('\u00FC-a');
}, 'Illegal input >= 0x80 (not a basic code point)');
throwsRange(function() {
  punycode.decode('b');
}, 'Invalid input');
throwsRange(function() {
  punycode.decode('99999999');
}, 'Overflow: input needs wider integers to process.');
throwsRange(function() {
  punycode.toUnicode('ok.xn--99999999');
}, 'Overflow: input needs wider integers to process.');
