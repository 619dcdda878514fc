// url.URL and url.URLSearchParams (later Node's WHATWG classes, from
// goja_nodejs): the uses where goja_nodejs and node agree. (goja_nodejs
// differs on origin with a port, IPv6 hostnames, non-special schemes,
// relative references that do not start with '/' ('c' or '../c' against
// 'http://h/a/b' give '/c'), the search setter with a leading '?', error
// messages, href after searchParams changes, and the argument order of
// URLSearchParams' forEach.)
var url = require('url');
var URL = url.URL;
var URLSearchParams = url.URLSearchParams;

function show(u) {
  console.log([u.href, u.protocol, u.username, u.password, u.host, u.hostname,
               u.port, u.pathname, u.search, u.hash].join(' | '));
}

show(new URL('https://user:pw@EXAMPLE.com:8443/a/../b/./c?x=1&y=%20z#frag'));
show(new URL('http://example.com'));
show(new URL('http://example.com:80/'));
show(new URL('https://example.com:443/p'));
show(new URL('http://bücher.de/'));
show(new URL('file:///etc/passwd'));
show(new URL('http://a/b c'));
show(new URL('http://example.com/?a=b c'));
show(new URL('HTTP://EXAMPLE.COM/A?B#C'));
show(new URL('http://x/%7Efoo'));
console.log(new URL('http://a.com/p?q=1#h').origin);
show(new URL('/x/y?z', 'http://h/a/b'));
show(new URL('//other/x', 'https://h/a'));

['not a url', '/relative'].forEach(function(s) {
  try {
    new URL(s);
    console.log('no error for', s);
  } catch (e) {
    console.log(e.name + ' ' + (e instanceof TypeError) + ' ' + e.code);
  }
});

var u = new URL('http://h/p?a=1');
u.pathname = '/q';
u.hash = 'x';
u.port = '81';
u.search = 'b=2';
console.log(u.href, String(u), JSON.stringify(u), u instanceof URL);
console.log(u.searchParams.get('b'));

var p = new URLSearchParams('a=1&b=2&a=3');
console.log(p.get('a'), JSON.stringify(p.getAll('a')), p.has('b'), p.has('c'), p.get('c'), p.toString());
p.set('a', 'x');
p.delete('b');
p.append('c', 'é &');
console.log(p.toString());
p.append('b', 'y');
p.sort();
console.log(p.toString());
console.log(new URLSearchParams({ x: '1', y: 'two' }).toString());
console.log(new URLSearchParams([['k', 'v'], ['k', 'w']]).toString());
console.log(JSON.stringify(new URLSearchParams('?q=%20+x').get('q')));
var pairs = [];
var it = new URLSearchParams('a=1&b=2').entries();
for (var e = it.next(); !e.done; e = it.next()) {
  pairs.push(e.value.join(':'));
}
console.log(pairs.join(' '));
