// querystring.escape, unescape and unescapeBuffer: what they do in Node
// 0.7.4, and that stringify and parse call them through the module, so
// that a script can replace them (as the documentation says). Expected
// bytes were checked against 0.7.4's lib/querystring.js.
var assert = require('assert');
var qs = require('querystring');

assert.strictEqual(qs.escape('a b&c=d/\u20ac'), 'a%20b%26c%3Dd%2F%E2%82%AC');
assert.strictEqual(qs.unescape('a%20b%26c%3Dd%2F%E2%82%AC'), 'a b&c=d/\u20ac');

// unescapeBuffer(str, [decodeSpaces]) -> [hex without, hex with]. Broken
// escapes stay as written, and so do the characters they swallowed;
// other characters become one byte each, their code modulo 256.
var bufferTests = [
  ['%d3%f2Ug%1f6v%24%5e%98%cb%0d%ac%a2%2f%9d%eb%d8%a2%e6',
   'd3f255671f3676245e98cb0daca22f9debd8a2e6', 'd3f255671f3676245e98cb0daca22f9debd8a2e6'],
  ['', '', ''],
  ['%', '25', '25'],
  ['%4', '2534', '2534'],
  ['%zz', '257a7a', '257a7a'],
  ['%%41', '25253431', '25253431'],
  ['%4%41', '2534253431', '2534253431'],
  ['a%4+', '6125342b', '6125342b'],
  ['%4g', '253467', '253467'],
  ['+%2B+', '2b2b2b', '202b20'],
  ['%E2%82%AC', 'e282ac', 'e282ac'],
  ['\u20ac', 'ac', 'ac'],
  ['\u0100A', '0041', '0041']
];
bufferTests.forEach(function(test) {
  var plain = qs.unescapeBuffer(test[0]);
  assert.ok(Buffer.isBuffer(plain), 'unescapeBuffer returns a Buffer');
  assert.strictEqual(plain.toString('hex'), test[1], 'unescapeBuffer(' + JSON.stringify(test[0]) + ')');
  assert.strictEqual(qs.unescapeBuffer(test[0], true).toString('hex'), test[2],
                     'unescapeBuffer(' + JSON.stringify(test[0]) + ', true)');
  assert.strictEqual(qs.unescape(test[0], true), qs.unescapeBuffer(test[0], true).toString());
});
assert.strictEqual(qs.unescape('%e2%82'), '\ufffd');
assert.strictEqual(qs.unescape('+%2B+', true), ' + ');

// stringify escapes keys and values with exports.escape.
var saved = { escape: qs.escape, unescape: qs.unescape, unescapeBuffer: qs.unescapeBuffer };
try {
  qs.escape = function(s) {
    return '<' + s + '>';
  };
  assert.strictEqual(qs.stringify({ a: 'b', c: [1, 2] }), '<a>=<b>&<c>=<1>&<c>=<2>');
  qs.escape = saved.escape;

  // parse uses decodeURIComponent, and exports.unescape (with decodeSpaces)
  // for pieces with a '+' or a malformed escape.
  var calls = [];
  qs.unescape = function(s, decodeSpaces) {
    calls.push([s, decodeSpaces]);
    return s.toUpperCase();
  };
  assert.deepEqual(qs.parse('a=%62&c+d=e&f=%zz'), { a: 'b', 'C+D': 'E', F: '%ZZ' });
  assert.deepEqual(calls, [['c+d', true], ['e', true], ['f', true], ['%zz', true]]);
  qs.unescape = saved.unescape;

  // unescape decodes what exports.unescapeBuffer returns.
  qs.unescapeBuffer = function(s) {
    return new Buffer('[' + s + ']');
  };
  assert.strictEqual(qs.unescape('x'), '[x]');
  assert.deepEqual(qs.parse('a=b+c'), { '[a]': '[b+c]' });
} finally {
  qs.escape = saved.escape;
  qs.unescape = saved.unescape;
  qs.unescapeBuffer = saved.unescapeBuffer;
}
assert.deepEqual(qs.parse('a=b+c'), { a: 'b c' });
