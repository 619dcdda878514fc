// url.format(urlObj), rule by rule as url.markdown gives them, then
// 0.7-era Node's "wonky" cases: a string is parsed first, so format()
// cleans it up. Expected strings were checked against Node 0.7.4's
// lib/url.js.
var assert = require('assert');
var url = require('url');

function f(obj, expected) {
  assert.strictEqual(url.format(obj), expected, 'format(' + JSON.stringify(obj) + ')');
}

// href is ignored.
f({ href: 'http://ignored/', protocol: 'http:', host: 'a.com', pathname: '/x' }, 'http://a.com/x');
// protocol with or without its ':'; http, https, ftp, gopher and file get
// '://', every other protocol ':'.
['http', 'https', 'ftp', 'gopher', 'file'].forEach(function(p) {
  f({ protocol: p, host: 'h', pathname: '/x' }, p + '://h/x');
  f({ protocol: p + ':', host: 'h', pathname: '/x' }, p + '://h/x');
});
['mailto', 'xmpp', 'aim', 'sftp', 'foo'].forEach(function(p) {
  f({ protocol: p, host: 'h', pathname: '/x' }, p + ':h/x');
  f({ protocol: p + ':', host: 'h', pathname: '/x' }, p + ':h/x');
});
// ... unless the object says it had slashes.
f({ protocol: 'foo:', slashes: true, host: 'h', pathname: '/x' }, 'foo://h/x');
// No protocol: '//' before a host.
f({ host: 'h', pathname: '/x' }, '//h/x');
f({ pathname: '/x' }, '/x');

// host is used in place of hostname and port; hostname and port only when
// host is absent, an IPv6 hostname in brackets. The documentation says auth
// too is only used without host, but 0.7.4 (like today's Node) puts it
// before host as well.
f({ protocol: 'http:', host: 'h:81', hostname: 'other', port: 82, pathname: '/' }, 'http://h:81/');
f({ protocol: 'http:', hostname: 'h', port: 82, pathname: '/' }, 'http://h:82/');
f({ protocol: 'http:', hostname: '::1', port: '82', pathname: '/' }, 'http://[::1]:82/');
f({ protocol: 'http:', auth: 'u:p', hostname: 'h', pathname: '/' }, 'http://u:p@h/');
f({ protocol: 'http:', auth: 'u:p', host: 'h', pathname: '/' }, 'http://u:p@h/');
// The characters that cannot be in an auth are escaped.
f({ protocol: 'http:', auth: 'a/b@c?d#e f', host: 'h' }, 'http://a%2Fb%40c%3Fd%23e%20f@h');
f({ protocol: 'http:', auth: 'a:b%40', host: 'h' }, 'http://a:b%40@h');

// pathname with or without its leading '/'.
f({ protocol: 'http:', host: 'h', pathname: 'a/b' }, 'http://h/a/b');
f({ protocol: 'http:', host: 'h', pathname: '/a/b' }, 'http://h/a/b');
f({ protocol: 'mailto:', host: 'h', pathname: 'a/b' }, 'mailto:ha/b');

// search is used in place of query, with or without its '?'; a query
// object is stringified with querystring when there is no search.
f({ pathname: '/p', search: '?a=1', query: { b: 2 } }, '/p?a=1');
f({ pathname: '/p', search: 'a=1' }, '/p?a=1');
f({ pathname: '/p', query: { b: 2, c: ['x y', 'z'] } }, '/p?b=2&c=x%20y&c=z');
f({ pathname: '/p', query: 'b=2' }, '/p');
f({ pathname: '/p', query: {} }, '/p');
// hash with or without its '#'.
f({ pathname: '/p', hash: '#h' }, '/p#h');
f({ pathname: '/p', hash: 'h' }, '/p#h');
f({}, '');

// query objects go through querystring.stringify, looked up when format
// runs.
var qs = require('querystring');
var saved = qs.stringify;
qs.stringify = function() {
  return 'replaced';
};
try {
  f({ pathname: '/p', query: { a: 1 } }, '/p?replaced');
} finally {
  qs.stringify = saved;
}

// [string, format(string)]: a string is parsed, then formatted.
var wonkyStrings = [
  ['http://example.com?', 'http://example.com/?'],
  ['http://example.com?foo=bar#frag', 'http://example.com/?foo=bar#frag'],
  ['http://example.com?foo=@bar#frag', 'http://example.com/?foo=@bar#frag'],
  ['http://example.com?foo=/bar/#frag', 'http://example.com/?foo=/bar/#frag'],
  ['http://example.com?foo=?bar/#frag', 'http://example.com/?foo=?bar/#frag'],
  ['http://example.com#frag=?bar/#frag', 'http://example.com/#frag=?bar/#frag'],
  ['http://google.com" onload="alert(42)/', 'http://google.com/'],
  ['http://a.com/a/b/c?s#h', 'http://a.com/a/b/c?s#h'],
  ['xmpp:isaacschlueter@jabber.org', 'xmpp:isaacschlueter@jabber.org'],
  ['http://atpass:foo%40bar@127.0.0.1/', 'http://atpass:foo%40bar@127.0.0.1/'],
  ['http://atslash%2F%40:%2F%40@foo/', 'http://atslash%2F%40:%2F%40@foo/'],
  ['svn+ssh://foo/bar', 'svn+ssh://foo/bar'],
  ['dash-test://foo/bar', 'dash-test://foo/bar'],
  ['dash-test:foo/bar', 'dash-test:foo/bar'],
  ['dot.test://foo/bar', 'dot.test://foo/bar'],
  ['dot.test:foo/bar', 'dot.test:foo/bar'],
  ['coap:u:p@[::1]:61616/.well-known/r?n=Temperature',
   'coap:u:p@[::1]:61616/.well-known/r?n=Temperature'],
  ['coap:[fedc:ba98:7654:3210:fedc:ba98:7654:3210]:61616/s/stopButton',
   'coap:[fedc:ba98:7654:3210:fedc:ba98:7654:3210]:61616/s/stopButton'],
  ['HTTP://Example.COM:8080', 'http://example.com:8080']
];
wonkyStrings.forEach(function(test) {
  f(test[0], test[1]);
});

// [object, format(object)]
var wonkyObjects = [
  [{ protocol: 'http', host: 'a.com', pathname: 'a/b/c', hash: 'h', search: 's' },
   'http://a.com/a/b/c?s#h'],
  [{ protocol: 'http:', host: 'example.com', hash: '#frag', search: '?foo=bar',
     query: 'foo=bar', pathname: '/' },
   'http://example.com/?foo=bar#frag'],
  [{ auth: 'atpass:foo@bar', hostname: '127.0.0.1', protocol: 'http:', pathname: '/' },
   'http://atpass:foo%40bar@127.0.0.1/'],
  [{ auth: 'atslash/@:/@', hostname: 'foo', protocol: 'http:', pathname: '/' },
   'http://atslash%2F%40:%2F%40@foo/'],
  [{ hostname: 'foo', protocol: 'dash-test:', pathname: '/bar' },
   'dash-test:foo/bar'],
  [{ hostname: 'foo', protocol: 'svn+ssh:', pathname: '/bar', slashes: true },
   'svn+ssh://foo/bar'],
  [{ protocol: 'coap:', auth: 'u:p', hostname: '::1', port: '61616',
     pathname: '/.well-known/r', search: 'n=Temperature' },
   'coap:u:p@[::1]:61616/.well-known/r?n=Temperature'],
  [{ protocol: 'coap', host: '[fedc:ba98:7654:3210:fedc:ba98:7654:3210]:61616',
     pathname: '/s/stopButton' },
   'coap:[fedc:ba98:7654:3210:fedc:ba98:7654:3210]:61616/s/stopButton']
];
wonkyObjects.forEach(function(test) {
  f(test[0], test[1]);
});
