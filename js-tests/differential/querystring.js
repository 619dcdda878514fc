// querystring where Node 0.7.4 and today's Node agree. Where they differ,
// 0.7.4 is followed (see querystring/): 0.7.4 reads an empty piece as the
// key ''; decodes a piece with a '+' with unescape(), which takes each
// other character as one byte; keeps broken escapes like '%%41' as they
// are; drops '__proto__' keys; stringifies an empty array as ''; and its
// unescape(s, true) always decodes '+' (today's tries decodeURIComponent
// first).
var qs = require('querystring');

function show(v) {
  console.log(JSON.stringify(v));
}

show(qs.parse('foo=bar&baz=qux&baz=quux&corge'));
console.log(qs.stringify({ foo: 'bar', baz: ['qux', 'quux'], corge: '' }));
console.log(qs.stringify({ foo: 'bar', baz: 'qux' }, ';', ':'));

['foo=918854443121279438895193', 'foo=bar', 'foo=bar&foo=quux', 'foo=1&bar=2',
 'my+weird+field=q1%212%22%27w%245%267%2Fz8%29%3F', 'foo%3Dbaz=bar', 'foo=baz=bar',
 'str=foo&arr=1&arr=2&arr=3&somenull=&undef=', ' foo = bar ', 'foo=%zx',
 'foo=%EF%BF%BD', 'hasOwnProperty=x&toString=foo&valueOf=bar&__defineGetter__=baz',
 'foo&bar=baz', 'a=%E2%82%AC+x&b=%E2%82%AC', 'a=%zz%E2%82%AC', 'a=b+c&a=d%20e', 'x=%41%42%43'
].forEach(function(s) {
  show(qs.parse(s));
  console.log(qs.stringify(qs.parse(s)));
});
['foo:bar', 'foo:bar;foo:quux', 'foo:1&bar:2;baz:quux', 'foo%3Abaz:bar', 'foo:baz:bar'].forEach(function(s) {
  show(qs.parse(s, ';', ':'));
  console.log(qs.stringify(qs.parse(s, ';', ':'), ';', ':'));
});

console.log(qs.stringify({ regexp: /./g, fn: function() {}, d: new Date(), m: Math, n: null,
                           u: undefined, nan: NaN, inf: Infinity, f: false, t: true, num: -1.5 }));
console.log(qs.stringify({ list: [1, true, null, 'x y'], 'a b': '&=/?' }));
console.log(qs.stringify({ a: 'b', q: qs.stringify({ x: 'y', y: 'z' }) }));
console.log(qs.escape('a b&c=d/\u20ac'), qs.unescape('a%20b%26c%3Dd%2F%E2%82%AC'));
console.log(qs.unescape('a+b'));
console.log(qs.unescapeBuffer('%d3%f2Ug%1f6v%24%5e%98%cb%0d%ac%a2%2f%9d%eb%d8%a2%e6').toString('hex'));

var parts = [];
for (var i = 0; i < 1500; i++) {
  parts.push('k' + i + '=' + i);
}
var big = parts.join('&');
console.log(Object.keys(qs.parse(big)).length, Object.keys(qs.parse(big, null, null, { maxKeys: 0 })).length,
            Object.keys(qs.parse(big, null, null, { maxKeys: 7 })).length);
show(qs.parse());
show(qs.parse(''));
