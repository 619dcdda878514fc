// querystring.parse(str, [sep], [eq], [options]) as Node 0.7.4 has it:
// the documentation's example and options.maxKeys, 0.7-era Node's own test
// cases, and 0.7.4's answers where today's Node differs (checked against
// 0.7.4's lib/querystring.js).
var assert = require('assert');
var qs = require('querystring');

// Compares own keys in order and values strictly (arrays and objects
// member by member).
function same(actual, expected, what) {
  assert.deepEqual(Object.keys(actual), Object.keys(expected), what + ': keys');
  Object.keys(expected).forEach(function(k) {
    if (expected[k] && typeof expected[k] === 'object') {
      assert.strictEqual(Array.isArray(actual[k]), Array.isArray(expected[k]),
                         what + '.' + k + ' is an array or not');
      same(actual[k], expected[k], what + '.' + k);
    } else {
      assert.strictEqual(actual[k], expected[k], what + '.' + k);
    }
  });
}

// The documentation's example.
same(qs.parse('foo=bar&baz=qux&baz=quux&corge'),
     { foo: 'bar', baz: ['qux', 'quux'], corge: '' }, 'doc example');

// [str, parse(str)]
var parseTests = [
  ['foo=918854443121279438895193', { foo: '918854443121279438895193' }],
  ['foo=bar', { foo: 'bar' }],
  ['foo=bar&foo=quux', { foo: ['bar', 'quux'] }],
  ['foo=1&bar=2', { foo: '1', bar: '2' }],
  ['my+weird+field=q1%212%22%27w%245%267%2Fz8%29%3F',
   { 'my weird field': 'q1!2"\'w$5&7/z8)?' }],
  ['foo%3Dbaz=bar', { 'foo=baz': 'bar' }],
  ['foo=baz=bar', { foo: 'baz=bar' }],
  ['str=foo&arr=1&arr=2&arr=3&somenull=&undef=',
   { str: 'foo', arr: ['1', '2', '3'], somenull: '', undef: '' }],
  [' foo = bar ', { ' foo ': ' bar ' }],
  ['foo=%zx', { foo: '%zx' }],
  ['foo=%EF%BF%BD', { foo: '\ufffd' }],
  // Keys that Object.prototype has are ordinary keys.
  ['hasOwnProperty=x&toString=foo&valueOf=bar&__defineGetter__=baz',
   { hasOwnProperty: 'x', toString: 'foo', valueOf: 'bar', __defineGetter__: 'baz' }],
  ['foo&bar=baz', { foo: '', bar: 'baz' }],
  ['a=%E2%82%AC+x&b=%E2%82%AC', { a: '\u20ac x', b: '\u20ac' }],
  ['a=%zz%E2%82%AC', { a: '%zz\u20ac' }],
  // 0.7.4: an empty piece is the key '' (today's Node skips it) ...
  ['a=1&&b=2&', { a: '1', '': ['', ''], b: '2' }],
  // ... a piece with '+' is decoded by unescape(), which takes each
  // character as one byte, its code modulo 256 (today's Node keeps 'ü') ...
  ['\u00fc=\u00fc+b', { '\ufffd': '\ufffd b' }],
  // ... and a '__proto__' key is dropped, as an assignment to it is.
  ['__proto__=1&x=2', { x: '2' }]
];
parseTests.forEach(function(test) {
  same(qs.parse(test[0]), test[1], 'parse(' + JSON.stringify(test[0]) + ')');
});

// sep and eq, each defaulting when falsy.
[['foo:bar', { foo: 'bar' }],
 ['foo:bar;foo:quux', { foo: ['bar', 'quux'] }],
 ['foo:1&bar:2;baz:quux', { foo: '1&bar:2', baz: 'quux' }],
 ['foo%3Abaz:bar', { 'foo:baz': 'bar' }],
 ['foo:baz:bar', { foo: 'baz:bar' }]
].forEach(function(test) {
  same(qs.parse(test[0], ';', ':'), test[1], 'parse(' + JSON.stringify(test[0]) + ', ";", ":")');
});
same(qs.parse('a=1;b=2', ';'), { a: '1', b: '2' }, 'sep only');
same(qs.parse('a:1&b:2', null, ':'), { a: '1', b: '2' }, 'eq only');

// A query string in a query string.
var f = qs.parse('a=b&q=x%3Dy%26y%3Dz');
f.q = qs.parse(f.q);
same(f, { a: 'b', q: { x: 'y', y: 'z' } }, 'nested');
f = qs.parse('a:b;q:x%3Ay%3By%3Az', ';', ':');
f.q = qs.parse(f.q, ';', ':');
same(f, { a: 'b', q: { x: 'y', y: 'z' } }, 'nested with ; and :');

// Anything but a non-empty string gives {}.
[undefined, null, '', 5, {}, ['a=b']].forEach(function(v) {
  same(qs.parse(v), {}, 'parse(' + JSON.stringify(v) + ')');
});
same(qs.parse(), {}, 'parse()');

// maxKeys: 1000 by default; 0 (or less) for no limit; a non-number is
// ignored. It counts the pieces read, repeated keys included.
function pieces(n) {
  var parts = [];
  for (var i = 0; i < n; i++) {
    parts.push('k' + i + '=' + i);
  }
  return parts.join('&');
}
var big = pieces(2000);
assert.strictEqual(Object.keys(qs.parse(big)).length, 1000);
assert.strictEqual(qs.parse(big)['k999'], '999');
assert.strictEqual(qs.parse(big)['k1000'], undefined);
assert.strictEqual(Object.keys(qs.parse(big, null, null, { maxKeys: 0 })).length, 2000);
assert.strictEqual(Object.keys(qs.parse(big, null, null, { maxKeys: -1 })).length, 2000);
assert.strictEqual(Object.keys(qs.parse(big, null, null, { maxKeys: '0' })).length, 1000);
assert.strictEqual(Object.keys(qs.parse('a=1&b=1&c=1', null, null, { maxKeys: 1 })).length, 1);
same(qs.parse('a=1&a=2&a=3&b=4', null, null, { maxKeys: 2 }), { a: ['1', '2'] }, 'maxKeys 2');

// decode is parse under its other name.
assert.strictEqual(qs.decode, qs.parse);
