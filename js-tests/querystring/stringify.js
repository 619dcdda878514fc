// querystring.stringify(obj, [sep], [eq]) as Node 0.7.4 has it: the
// documentation's examples and 0.7-era Node's own test cases (checked
// against 0.7.4's lib/querystring.js).
var assert = require('assert');
var qs = require('querystring');

// The documentation's examples.
assert.strictEqual(qs.stringify({ foo: 'bar', baz: ['qux', 'quux'], corge: '' }),
                   'foo=bar&baz=qux&baz=quux&corge=');
assert.strictEqual(qs.stringify({ foo: 'bar', baz: 'qux' }, ';', ':'), 'foo:bar;baz:qux');

// [obj, stringify(obj)]
var tests = [
  [{ foo: '918854443121279438895193' }, 'foo=918854443121279438895193'],
  [{ foo: ['bar', 'quux'] }, 'foo=bar&foo=quux'],
  [{ foo: '1', bar: '2' }, 'foo=1&bar=2'],
  [{ 'my weird field': 'q1!2"\'w$5&7/z8)?' },
   'my%20weird%20field=q1!2%22\'w%245%267%2Fz8)%3F'],
  [{ 'foo=baz': 'bar' }, 'foo%3Dbaz=bar'],
  [{ foo: 'baz=bar' }, 'foo=baz%3Dbar'],
  [{ ' foo ': ' bar ' }, '%20foo%20=%20bar%20'],
  [{ foo: '%zx' }, 'foo=%25zx'],
  [{ foo: '\ufffd' }, 'foo=%EF%BF%BD'],
  [{ hasOwnProperty: 'x', toString: 'foo' }, 'hasOwnProperty=x&toString=foo'],
  // Values that are not strings, booleans or finite numbers give ''.
  [{ regexp: /./g }, 'regexp='],
  [{ fn: function() {} }, 'fn='],
  [{ math: Math }, 'math='],
  [{ d: new Date() }, 'd='],
  [{ d: Date }, 'd='],
  [{ f: new Boolean(false), t: new Boolean(true) }, 'f=&t='],
  [{ f: false, t: true }, 'f=false&t=true'],
  [{ n: null, u: undefined }, 'n=&u='],
  [{ nan: NaN, inf: Infinity, num: -1.5 }, 'nan=&inf=&num=-1.5'],
  [{ list: [1, true, null, 'x y'] }, 'list=1&list=true&list=&list=x%20y'],
  // 0.7.4: an empty array adds nothing but its separator (today's Node
  // gives 'array=').
  [{ array: [] }, ''],
  [{ a: 1, array: [], b: 2 }, 'a=1&&b=2'],
  // An array is an object of its indexes.
  [[1, 2], '0=1&1=2'],
  [{}, '']
];
tests.forEach(function(test) {
  assert.strictEqual(qs.stringify(test[0]), test[1], 'stringify(' + test[1] + ')');
});

// Own enumerable keys only.
function Extended() {
  this.own = 'yes';
}
Extended.prototype = { inherited: 'no' };
assert.strictEqual(qs.stringify(new Extended()), 'own=yes');

// sep and eq default when falsy.
assert.strictEqual(qs.stringify({ foo: '1&bar:2', baz: 'quux' }, ';', ':'),
                   'foo:1%26bar%3A2;baz:quux');
assert.strictEqual(qs.stringify({ a: [1, 2], b: undefined }, ';', ':'), 'a:1;a:2;b:');
assert.strictEqual(qs.stringify({ a: 1, b: 2 }, '', ''), 'a=1&b=2');
assert.strictEqual(qs.stringify({ a: 1, b: 2 }, null, '~'), 'a~1&b~2');

// A query string in a query string.
assert.strictEqual(qs.stringify({ a: 'b', q: qs.stringify({ x: 'y', y: 'z' }) }),
                   'a=b&q=x%3Dy%26y%3Dz');
assert.strictEqual(qs.stringify({ a: 'b', q: qs.stringify({ x: 'y', y: 'z' }, ';', ':') }, ';', ':'),
                   'a:b;q:x%3Ay%3By%3Az');

// A value that is not an object gives '' unless a name is given as the
// fourth argument.
assert.strictEqual(qs.stringify(null), '');
assert.strictEqual(qs.stringify('x'), '');
assert.strictEqual(qs.stringify(5), '');
assert.strictEqual(qs.stringify('x y', null, null, 'n'), 'n=x%20y');
assert.strictEqual(qs.stringify(5, '&', ':', 'n'), 'n:5');

// What parse reads back.
assert.deepEqual(qs.parse(qs.stringify({ a: ['1', '2'], 'b c': '&=' })),
                 { a: ['1', '2'], 'b c': '&=' });

// encode is stringify under its other name.
assert.strictEqual(qs.encode, qs.stringify);
