// url.parse(urlStr, [parseQueryString], [slashesDenoteHost]) as Node 0.7.4
// does it: every property it sets, in the order it sets them (which
// util.inspect shows), and its rules: lower-cased protocol and host name,
// IDN labels in Punycode, the quote escaped, the URL cut at the first
// delimiter, host names cut at the first character a label cannot hold,
// javascript: left alone. The inputs include 0.7-era Node's own test cases;
// each expected object is what 0.7.4's lib/url.js returns for its input
// (where today's Node differs, 0.7.4 is followed: see
// differential/url-legacy.js for the cases where both agree).
var assert = require('assert');
var url = require('url');

// same checks the keys of actual, in order, and each value strictly.
function same(actual, expected, what) {
  assert.deepEqual(Object.keys(actual), Object.keys(expected), what + ': keys');
  Object.keys(expected).forEach(function(k) {
    if (expected[k] && typeof expected[k] === 'object') {
      same(actual[k], expected[k], what + '.' + k);
    } else {
      assert.strictEqual(actual[k], expected[k], what + '.' + k);
    }
  });
}

// [urlStr, url.parse(urlStr)]
var parseTests = [
  ['//some_path',
   { pathname: '//some_path', path: '//some_path', href: '//some_path' }],
  ['http:\\\\evil-phisher\\foo.html#h\\a\\s\\h',
   {
     protocol: 'http:',
     hash: '#h\\a\\s\\h',
     pathname: '\\\\evil-phisher\\foo.html',
     path: '\\\\evil-phisher\\foo.html',
     href: 'http:\\\\evil-phisher\\foo.html#h\\a\\s\\h'
   }],
  ['HTTP://www.example.com/',
   {
     protocol: 'http:',
     slashes: true,
     host: 'www.example.com',
     hostname: 'www.example.com',
     href: 'http://www.example.com/',
     pathname: '/',
     path: '/'
   }],
  ['HTTP://www.example.com',
   {
     protocol: 'http:',
     slashes: true,
     host: 'www.example.com',
     hostname: 'www.example.com',
     href: 'http://www.example.com'
   }],
  ['http://www.ExAmPlE.com/',
   {
     protocol: 'http:',
     slashes: true,
     host: 'www.example.com',
     hostname: 'www.example.com',
     href: 'http://www.example.com/',
     pathname: '/',
     path: '/'
   }],
  ['http://user:pw@www.ExAmPlE.com/',
   {
     protocol: 'http:',
     slashes: true,
     auth: 'user:pw',
     host: 'www.example.com',
     hostname: 'www.example.com',
     href: 'http://user:pw@www.example.com/',
     pathname: '/',
     path: '/'
   }],
  ['http://USER:PW@www.ExAmPlE.com/',
   {
     protocol: 'http:',
     slashes: true,
     auth: 'USER:PW',
     host: 'www.example.com',
     hostname: 'www.example.com',
     href: 'http://USER:PW@www.example.com/',
     pathname: '/',
     path: '/'
   }],
  ['http://user@www.example.com/',
   {
     protocol: 'http:',
     slashes: true,
     auth: 'user',
     host: 'www.example.com',
     hostname: 'www.example.com',
     href: 'http://user@www.example.com/',
     pathname: '/',
     path: '/'
   }],
  ['http://user%3Apw@www.example.com/',
   {
     protocol: 'http:',
     slashes: true,
     auth: 'user%3Apw',
     host: 'www.example.com',
     hostname: 'www.example.com',
     href: 'http://user%3Apw@www.example.com/',
     pathname: '/',
     path: '/'
   }],
  ['http://x.com/path?that\'s#all, folks',
   {
     protocol: 'http:',
     slashes: true,
     host: 'x.com',
     hostname: 'x.com',
     href: 'http://x.com/path?that%27s#all,',
     hash: '#all,',
     search: '?that%27s',
     query: 'that%27s',
     pathname: '/path',
     path: '/path?that%27s'
   }],
  ['HTTP://X.COM/Y',
   {
     protocol: 'http:',
     slashes: true,
     host: 'x.com',
     hostname: 'x.com',
     href: 'http://x.com/Y',
     pathname: '/Y',
     path: '/Y'
   }],
  ['HtTp://x.y.cOm*a/b/c?d=e#f g<h>i',
   {
     protocol: 'http:',
     slashes: true,
     host: 'x.y.com',
     hostname: 'x.y.com',
     href: 'http://x.y.com/*a/b/c?d=e#f',
     hash: '#f',
     search: '?d=e',
     query: 'd=e',
     pathname: '/*a/b/c',
     path: '/*a/b/c?d=e'
   }],
  ['HtTp://x.y.cOm*A/b/c?d=e#f g<h>i',
   {
     protocol: 'http:',
     slashes: true,
     host: 'x.y.com',
     hostname: 'x.y.com',
     href: 'http://x.y.com/*A/b/c?d=e#f',
     hash: '#f',
     search: '?d=e',
     query: 'd=e',
     pathname: '/*A/b/c',
     path: '/*A/b/c?d=e'
   }],
  ['http://x...y...#p',
   {
     protocol: 'http:',
     slashes: true,
     host: 'x...y...',
     hostname: 'x...y...',
     href: 'http://x...y.../#p',
     hash: '#p',
     pathname: '/',
     path: '/'
   }],
  ['http://x/p/"quoted"',
   {
     protocol: 'http:',
     slashes: true,
     host: 'x',
     hostname: 'x',
     href: 'http://x/p/',
     pathname: '/p/',
     path: '/p/'
   }],
  ['<http://goo.corn/bread> Is a URL!',
   {
     protocol: 'http:',
     slashes: true,
     host: 'goo.corn',
     hostname: 'goo.corn',
     href: 'http://goo.corn/bread',
     pathname: '/bread',
     path: '/bread'
   }],
  ['http://www.narwhaljs.org/blog/categories?id=news',
   {
     protocol: 'http:',
     slashes: true,
     host: 'www.narwhaljs.org',
     hostname: 'www.narwhaljs.org',
     href: 'http://www.narwhaljs.org/blog/categories?id=news',
     search: '?id=news',
     query: 'id=news',
     pathname: '/blog/categories',
     path: '/blog/categories?id=news'
   }],
  ['http://mt0.google.com/vt/lyrs=m@114&hl=en&src=api&x=2&y=2&z=3&s=',
   {
     protocol: 'http:',
     slashes: true,
     host: 'mt0.google.com',
     hostname: 'mt0.google.com',
     href: 'http://mt0.google.com/vt/lyrs=m@114&hl=en&src=api&x=2&y=2&z=3&s=',
     pathname: '/vt/lyrs=m@114&hl=en&src=api&x=2&y=2&z=3&s=',
     path: '/vt/lyrs=m@114&hl=en&src=api&x=2&y=2&z=3&s='
   }],
  ['http://mt0.google.com/vt/lyrs=m@114???&hl=en&src=api&x=2&y=2&z=3&s=',
   {
     protocol: 'http:',
     slashes: true,
     host: 'mt0.google.com',
     hostname: 'mt0.google.com',
     href: 'http://mt0.google.com/vt/lyrs=m@114???&hl=en&src=api&x=2&y=2&z=3&s=',
     search: '???&hl=en&src=api&x=2&y=2&z=3&s=',
     query: '??&hl=en&src=api&x=2&y=2&z=3&s=',
     pathname: '/vt/lyrs=m@114',
     path: '/vt/lyrs=m@114???&hl=en&src=api&x=2&y=2&z=3&s='
   }],
  ['http://user:pass@mt0.google.com/vt/lyrs=m@114???&hl=en&src=api&x=2&y=2&z=3&s=',
   {
     protocol: 'http:',
     slashes: true,
     auth: 'user:pass',
     host: 'mt0.google.com',
     hostname: 'mt0.google.com',
     href: 'http://user:pass@mt0.google.com/vt/lyrs=m@114???&hl=en&src=api&x=2&y=2&z=3&s=',
     search: '???&hl=en&src=api&x=2&y=2&z=3&s=',
     query: '??&hl=en&src=api&x=2&y=2&z=3&s=',
     pathname: '/vt/lyrs=m@114',
     path: '/vt/lyrs=m@114???&hl=en&src=api&x=2&y=2&z=3&s='
   }],
  ['file:///etc/passwd',
   {
     protocol: 'file:',
     slashes: true,
     host: '',
     hostname: '',
     href: 'file:///etc/passwd',
     pathname: '/etc/passwd',
     path: '/etc/passwd'
   }],
  ['file://localhost/etc/passwd',
   {
     protocol: 'file:',
     slashes: true,
     host: 'localhost',
     hostname: 'localhost',
     href: 'file://localhost/etc/passwd',
     pathname: '/etc/passwd',
     path: '/etc/passwd'
   }],
  ['file://foo/etc/passwd',
   {
     protocol: 'file:',
     slashes: true,
     host: 'foo',
     hostname: 'foo',
     href: 'file://foo/etc/passwd',
     pathname: '/etc/passwd',
     path: '/etc/passwd'
   }],
  ['file:///etc/node/',
   {
     protocol: 'file:',
     slashes: true,
     host: '',
     hostname: '',
     href: 'file:///etc/node/',
     pathname: '/etc/node/',
     path: '/etc/node/'
   }],
  ['http:/baz/../foo/bar',
   {
     protocol: 'http:',
     pathname: '/baz/../foo/bar',
     path: '/baz/../foo/bar',
     href: 'http:/baz/../foo/bar'
   }],
  ['http://user:pass@example.com:8000/foo/bar?baz=quux#frag',
   {
     protocol: 'http:',
     slashes: true,
     auth: 'user:pass',
     host: 'example.com:8000',
     port: '8000',
     hostname: 'example.com',
     href: 'http://user:pass@example.com:8000/foo/bar?baz=quux#frag',
     hash: '#frag',
     search: '?baz=quux',
     query: 'baz=quux',
     pathname: '/foo/bar',
     path: '/foo/bar?baz=quux'
   }],
  ['//user:pass@example.com:8000/foo/bar?baz=quux#frag',
   {
     slashes: true,
     auth: 'user:pass',
     host: 'example.com:8000',
     port: '8000',
     hostname: 'example.com',
     href: '//user:pass@example.com:8000/foo/bar?baz=quux#frag',
     hash: '#frag',
     search: '?baz=quux',
     query: 'baz=quux',
     pathname: '/foo/bar',
     path: '/foo/bar?baz=quux'
   }],
  ['/foo/bar?baz=quux#frag',
   {
     hash: '#frag',
     search: '?baz=quux',
     query: 'baz=quux',
     pathname: '/foo/bar',
     path: '/foo/bar?baz=quux',
     href: '/foo/bar?baz=quux#frag'
   }],
  ['http:/foo/bar?baz=quux#frag',
   {
     protocol: 'http:',
     hash: '#frag',
     search: '?baz=quux',
     query: 'baz=quux',
     pathname: '/foo/bar',
     path: '/foo/bar?baz=quux',
     href: 'http:/foo/bar?baz=quux#frag'
   }],
  ['mailto:foo@bar.com?subject=hello',
   {
     protocol: 'mailto:',
     auth: 'foo',
     host: 'bar.com',
     hostname: 'bar.com',
     href: 'mailto:foo@bar.com?subject=hello',
     search: '?subject=hello',
     query: 'subject=hello',
     path: '?subject=hello'
   }],
  ['javascript:alert(\'hello\');',
   {
     protocol: 'javascript:',
     pathname: 'alert(\'hello\');',
     path: 'alert(\'hello\');',
     href: 'javascript:alert(\'hello\');'
   }],
  ['xmpp:isaacschlueter@jabber.org',
   {
     protocol: 'xmpp:',
     auth: 'isaacschlueter',
     host: 'jabber.org',
     hostname: 'jabber.org',
     href: 'xmpp:isaacschlueter@jabber.org'
   }],
  ['http://atpass:foo%40bar@127.0.0.1:8080/path?search=foo#bar',
   {
     protocol: 'http:',
     slashes: true,
     auth: 'atpass:foo%40bar',
     host: '127.0.0.1:8080',
     port: '8080',
     hostname: '127.0.0.1',
     href: 'http://atpass:foo%40bar@127.0.0.1:8080/path?search=foo#bar',
     hash: '#bar',
     search: '?search=foo',
     query: 'search=foo',
     pathname: '/path',
     path: '/path?search=foo'
   }],
  ['svn+ssh://foo/bar',
   {
     protocol: 'svn+ssh:',
     slashes: true,
     host: 'foo',
     hostname: 'foo',
     href: 'svn+ssh://foo/bar',
     pathname: '/bar',
     path: '/bar'
   }],
  ['dash-test://foo/bar',
   {
     protocol: 'dash-test:',
     slashes: true,
     host: 'foo',
     hostname: 'foo',
     href: 'dash-test://foo/bar',
     pathname: '/bar',
     path: '/bar'
   }],
  ['dash-test:foo/bar',
   {
     protocol: 'dash-test:',
     host: 'foo',
     hostname: 'foo',
     href: 'dash-test:foo/bar',
     pathname: '/bar',
     path: '/bar'
   }],
  ['dot.test://foo/bar',
   {
     protocol: 'dot.test:',
     slashes: true,
     host: 'foo',
     hostname: 'foo',
     href: 'dot.test://foo/bar',
     pathname: '/bar',
     path: '/bar'
   }],
  ['dot.test:foo/bar',
   {
     protocol: 'dot.test:',
     host: 'foo',
     hostname: 'foo',
     href: 'dot.test:foo/bar',
     pathname: '/bar',
     path: '/bar'
   }],
  ['http://www.日本語.com/',
   {
     protocol: 'http:',
     slashes: true,
     host: 'www.xn--wgv71a119e.com',
     hostname: 'www.xn--wgv71a119e.com',
     href: 'http://www.xn--wgv71a119e.com/',
     pathname: '/',
     path: '/'
   }],
  ['http://example.Bücher.com/',
   {
     protocol: 'http:',
     slashes: true,
     host: 'example.xn--bcher-kva.com',
     hostname: 'example.xn--bcher-kva.com',
     href: 'http://example.xn--bcher-kva.com/',
     pathname: '/',
     path: '/'
   }],
  ['http://www.Äffchen.com/',
   {
     protocol: 'http:',
     slashes: true,
     host: 'www.xn--ffchen-9ta.com',
     hostname: 'www.xn--ffchen-9ta.com',
     href: 'http://www.xn--ffchen-9ta.com/',
     pathname: '/',
     path: '/'
   }],
  ['http://www.Äffchen.cOm*A/b/c?d=e#f g<h>i',
   {
     protocol: 'http:',
     slashes: true,
     host: 'www.xn--ffchen-9ta.com',
     hostname: 'www.xn--ffchen-9ta.com',
     href: 'http://www.xn--ffchen-9ta.com/*A/b/c?d=e#f',
     hash: '#f',
     search: '?d=e',
     query: 'd=e',
     pathname: '/*A/b/c',
     path: '/*A/b/c?d=e'
   }],
  ['http://SÉLIER.COM/',
   {
     protocol: 'http:',
     slashes: true,
     host: 'xn--slier-bsa.com',
     hostname: 'xn--slier-bsa.com',
     href: 'http://xn--slier-bsa.com/',
     pathname: '/',
     path: '/'
   }],
  ['http://ليهمابتكلموشعربي؟.ي؟/',
   {
     protocol: 'http:',
     slashes: true,
     host: 'xn--egbpdaj6bu4bxfgehfvwxn.xn--egb9f',
     hostname: 'xn--egbpdaj6bu4bxfgehfvwxn.xn--egb9f',
     href: 'http://xn--egbpdaj6bu4bxfgehfvwxn.xn--egb9f/',
     pathname: '/',
     path: '/'
   }],
  ['http://➡.ws/➡',
   {
     protocol: 'http:',
     slashes: true,
     host: 'xn--hgi.ws',
     hostname: 'xn--hgi.ws',
     href: 'http://xn--hgi.ws/➡',
     pathname: '/➡',
     path: '/➡'
   }],
  ['http://bucket_name.s3.amazonaws.com/image.jpg',
   {
     protocol: 'http:',
     slashes: true,
     host: 'bucket_name.s3.amazonaws.com',
     hostname: 'bucket_name.s3.amazonaws.com',
     href: 'http://bucket_name.s3.amazonaws.com/image.jpg',
     pathname: '/image.jpg',
     path: '/image.jpg'
   }],
  ['git+http://github.com/joyent/node.git',
   {
     protocol: 'git+http:',
     slashes: true,
     host: 'github.com',
     hostname: 'github.com',
     href: 'git+http://github.com/joyent/node.git',
     pathname: '/joyent/node.git',
     path: '/joyent/node.git'
   }],
  ['local1@domain1',
   {
     pathname: 'local1@domain1',
     path: 'local1@domain1',
     href: 'local1@domain1'
   }],
  ['www.example.com',
   {
     pathname: 'www.example.com',
     path: 'www.example.com',
     href: 'www.example.com'
   }],
  ['[fe80::1]',
   { pathname: '[fe80::1]', path: '[fe80::1]', href: '[fe80::1]' }],
  ['coap://[FEDC:BA98:7654:3210:FEDC:BA98:7654:3210]',
   {
     protocol: 'coap:',
     slashes: true,
     host: '[fedc:ba98:7654:3210:fedc:ba98:7654:3210]',
     hostname: 'fedc:ba98:7654:3210:fedc:ba98:7654:3210',
     href: 'coap://[fedc:ba98:7654:3210:fedc:ba98:7654:3210]/',
     pathname: '/',
     path: '/'
   }],
  ['coap://[1080:0:0:0:8:800:200C:417A]:61616/',
   {
     protocol: 'coap:',
     slashes: true,
     host: '[1080:0:0:0:8:800:200c:417a]:61616',
     port: '61616',
     hostname: '1080:0:0:0:8:800:200c:417a',
     href: 'coap://[1080:0:0:0:8:800:200c:417a]:61616/',
     pathname: '/',
     path: '/'
   }],
  ['http://user:password@[3ffe:2a00:100:7031::1]:8080',
   {
     protocol: 'http:',
     slashes: true,
     auth: 'user:password',
     host: '[3ffe:2a00:100:7031::1]:8080',
     port: '8080',
     hostname: '3ffe:2a00:100:7031::1',
     href: 'http://user:password@[3ffe:2a00:100:7031::1]:8080/',
     pathname: '/',
     path: '/'
   }],
  ['coap://u:p@[::192.9.5.5]:61616/.well-known/r?n=Temperature',
   {
     protocol: 'coap:',
     slashes: true,
     auth: 'u:p',
     host: '[::192.9.5.5]:61616',
     port: '61616',
     hostname: '::192.9.5.5',
     href: 'coap://u:p@[::192.9.5.5]:61616/.well-known/r?n=Temperature',
     search: '?n=Temperature',
     query: 'n=Temperature',
     pathname: '/.well-known/r',
     path: '/.well-known/r?n=Temperature'
   }],
  ['http://example.com:',
   {
     protocol: 'http:',
     slashes: true,
     host: 'example.com',
     hostname: 'example.com',
     href: 'http://example.com/:',
     pathname: '/:',
     path: '/:'
   }],
  ['http://example.com:/a/b.html',
   {
     protocol: 'http:',
     slashes: true,
     host: 'example.com',
     hostname: 'example.com',
     href: 'http://example.com/:/a/b.html',
     pathname: '/:/a/b.html',
     path: '/:/a/b.html'
   }],
  ['http://[fe80::1]:/a/b?a=b#abc',
   {
     protocol: 'http:',
     slashes: true,
     host: '',
     hostname: '',
     href: 'http:///a/b?a=b#abc',
     hash: '#abc',
     search: '?a=b',
     query: 'a=b',
     pathname: '/a/b',
     path: '/a/b?a=b'
   }],
  ['scp://user@host.com:path/a/b/c',
   {
     protocol: 'scp:',
     slashes: true,
     auth: 'user',
     host: 'host.com',
     hostname: 'host.com',
     href: 'scp://user@host.com/:path/a/b/c',
     pathname: '/:path/a/b/c',
     path: '/:path/a/b/c'
   }],
  ['http://user:pass@host.com:8080/p/a/t/h?query=string#hash',
   {
     protocol: 'http:',
     slashes: true,
     auth: 'user:pass',
     host: 'host.com:8080',
     port: '8080',
     hostname: 'host.com',
     href: 'http://user:pass@host.com:8080/p/a/t/h?query=string#hash',
     hash: '#hash',
     search: '?query=string',
     query: 'query=string',
     pathname: '/p/a/t/h',
     path: '/p/a/t/h?query=string'
   }],
  ['/status?name=ryan',
   {
     search: '?name=ryan',
     query: 'name=ryan',
     pathname: '/status',
     path: '/status?name=ryan',
     href: '/status?name=ryan'
   }],
  ['JAVASCRIPT://foo/bar',
   {
     protocol: 'javascript:',
     slashes: true,
     host: 'foo',
     hostname: 'foo',
     href: 'javascript://foo/bar',
     pathname: '/bar',
     path: '/bar'
   }],
  ['javascript://foo/bar',
   {
     protocol: 'javascript:',
     pathname: '//foo/bar',
     path: '//foo/bar',
     href: 'javascript://foo/bar'
   }],
  ['http://a@b@c/',
   {
     protocol: 'http:',
     slashes: true,
     auth: 'a',
     host: 'b',
     hostname: 'b',
     href: 'http://a@b/@c/',
     pathname: '/@c/',
     path: '/@c/'
   }],
  ['http://a.b:80x/',
   {
     protocol: 'http:',
     slashes: true,
     host: 'a.b',
     hostname: 'a.b',
     href: 'http://a.b/:80x/',
     pathname: '/:80x/',
     path: '/:80x/'
   }],
  ['http://*.',
   {
     protocol: 'http:',
     slashes: true,
     host: '',
     hostname: '',
     href: 'http:///',
     pathname: '/',
     path: '/'
   }],
  ['http://',
   {
     protocol: 'http:',
     slashes: true,
     host: '',
     hostname: '',
     href: 'http://'
   }],
  ['http:',
   { protocol: 'http:', href: 'http:' }],
  ['',
   { href: '' }],
  ['http://a/b c',
   {
     protocol: 'http:',
     slashes: true,
     host: 'a',
     hostname: 'a',
     href: 'http://a/b',
     pathname: '/b',
     path: '/b'
   }],
  ['http://a/b\'c',
   {
     protocol: 'http:',
     slashes: true,
     host: 'a',
     hostname: 'a',
     href: 'http://a/b%27c',
     pathname: '/b%27c',
     path: '/b%27c'
   }],
  ['http://a/b`c',
   {
     protocol: 'http:',
     slashes: true,
     host: 'a',
     hostname: 'a',
     href: 'http://a/b',
     pathname: '/b',
     path: '/b'
   }],
  ['http://a/b\rc',
   {
     protocol: 'http:',
     slashes: true,
     host: 'a',
     hostname: 'a',
     href: 'http://a/b',
     pathname: '/b',
     path: '/b'
   }],
  ['http://a/b\tc',
   {
     protocol: 'http:',
     slashes: true,
     host: 'a',
     hostname: 'a',
     href: 'http://a/b',
     pathname: '/b',
     path: '/b'
   }],
  ['http://a/b>c',
   {
     protocol: 'http:',
     slashes: true,
     host: 'a',
     hostname: 'a',
     href: 'http://a/b',
     pathname: '/b',
     path: '/b'
   }],
  ['http://host.com/a{b}|c^d~e\\f',
   {
     protocol: 'http:',
     slashes: true,
     host: 'host.com',
     hostname: 'host.com',
     href: 'http://host.com/a{b}|c^d~e\\f',
     pathname: '/a{b}|c^d~e\\f',
     path: '/a{b}|c^d~e\\f'
   }],
  ['http://Example.COM:65536/%7Euser/',
   {
     protocol: 'http:',
     slashes: true,
     host: 'example.com:65536',
     port: '65536',
     hostname: 'example.com',
     href: 'http://example.com:65536/%7Euser/',
     pathname: '/%7Euser/',
     path: '/%7Euser/'
   }],
  ['HTTPS://h/',
   {
     protocol: 'https:',
     slashes: true,
     host: 'h',
     hostname: 'h',
     href: 'https://h/',
     pathname: '/',
     path: '/'
   }]
];

parseTests.forEach(function(test) {
  var input = test[0], expected = test[1];
  var what = 'parse(' + JSON.stringify(input) + ')';
  same(url.parse(input), expected, what);
  // href is format() of the parsed object.
  assert.strictEqual(url.format(expected), expected.href, 'format of ' + what);
  // Leading delimiters are cut, and so is everything from the first
  // delimiter on, except in javascript: URLs.
  var spaced = url.parse('     \t  ' + input + '\n\t');
  if (/^javascript:/i.test(input)) {
    assert.strictEqual(spaced.href, expected.href + '\n\t', 'spaced ' + what);
  } else {
    same(spaced, expected, 'spaced ' + what);
  }
});

// [urlStr, url.parse(urlStr, true)]: query is an object; without a query
// string, search is '' and query {}.
var parseQueryTests = [
  ['/foo/bar?baz=quux#frag',
   {
     hash: '#frag',
     search: '?baz=quux',
     query: { baz: 'quux' },
     pathname: '/foo/bar',
     path: '/foo/bar?baz=quux',
     href: '/foo/bar?baz=quux#frag'
   }],
  ['http://example.com',
   {
     protocol: 'http:',
     slashes: true,
     host: 'example.com',
     hostname: 'example.com',
     href: 'http://example.com/',
     search: '',
     query: {},
     pathname: '/',
     path: '/'
   }],
  ['/status?name=ryan',
   {
     search: '?name=ryan',
     query: { name: 'ryan' },
     pathname: '/status',
     path: '/status?name=ryan',
     href: '/status?name=ryan'
   }],
  ['http://h/p?a=1&a=2&b=%20c+d&e',
   {
     protocol: 'http:',
     slashes: true,
     host: 'h',
     hostname: 'h',
     href: 'http://h/p?a=1&a=2&b=%20c+d&e',
     search: '?a=1&a=2&b=%20c+d&e',
     query: { a: ['1', '2'], b: ' c d', e: '' },
     pathname: '/p',
     path: '/p?a=1&a=2&b=%20c+d&e'
   }],
  ['http://h/p?',
   {
     protocol: 'http:',
     slashes: true,
     host: 'h',
     hostname: 'h',
     href: 'http://h/p?',
     search: '?',
     query: {},
     pathname: '/p',
     path: '/p?'
   }],
  ['http://h/?hasOwnProperty=1&toString=2',
   {
     protocol: 'http:',
     slashes: true,
     host: 'h',
     hostname: 'h',
     href: 'http://h/?hasOwnProperty=1&toString=2',
     search: '?hasOwnProperty=1&toString=2',
     query: { hasOwnProperty: '1', toString: '2' },
     pathname: '/',
     path: '/?hasOwnProperty=1&toString=2'
   }],
  ['mailto:x@y?subject=hi%21',
   {
     protocol: 'mailto:',
     auth: 'x',
     host: 'y',
     hostname: 'y',
     href: 'mailto:x@y?subject=hi%21',
     search: '?subject=hi%21',
     query: { subject: 'hi!' },
     path: '?subject=hi%21'
   }]
];

parseQueryTests.forEach(function(test) {
  same(url.parse(test[0], true), test[1],
       'parse(' + JSON.stringify(test[0]) + ', true)');
});

// The query object comes from querystring.parse, looked up when parse runs.
var qs = require('querystring');
var saved = qs.parse;
qs.parse = function(str) {
  return { replaced: str };
};
try {
  same(url.parse('/p?a=1', true).query, { replaced: 'a=1' }, 'replaced querystring.parse');
} finally {
  qs.parse = saved;
}

// [urlStr, url.parse(urlStr, false, true)]: '//host/path' is a host.
var slashesTests = [
  ['//foo/bar',
   {
     slashes: true,
     host: 'foo',
     hostname: 'foo',
     href: '//foo/bar',
     pathname: '/bar',
     path: '/bar'
   }],
  ['//user:pw@Host.COM:81/p?q#h',
   {
     slashes: true,
     auth: 'user:pw',
     host: 'host.com:81',
     port: '81',
     hostname: 'host.com',
     href: '//user:pw@host.com:81/p?q#h',
     hash: '#h',
     search: '?q',
     query: 'q',
     pathname: '/p',
     path: '/p?q'
   }],
  ['/foo/bar',
   { pathname: '/foo/bar', path: '/foo/bar', href: '/foo/bar' }],
  ['//foo',
   { slashes: true, host: 'foo', hostname: 'foo', href: '//foo' }],
  ['foo//bar',
   { pathname: 'foo//bar', path: 'foo//bar', href: 'foo//bar' }],
  ['///x',
   {
     slashes: true,
     host: '',
     hostname: '',
     href: '///x',
     pathname: '/x',
     path: '/x'
   }],
  ['http://a/b',
   {
     protocol: 'http:',
     slashes: true,
     host: 'a',
     hostname: 'a',
     href: 'http://a/b',
     pathname: '/b',
     path: '/b'
   }]
];

slashesTests.forEach(function(test) {
  same(url.parse(test[0], false, true), test[1],
       'parse(' + JSON.stringify(test[0]) + ', false, true)');
});
// Without it, '//foo/bar' is a path, but '//user@host' is a host anyway.
assert.strictEqual(url.parse('//foo/bar').pathname, '//foo/bar');
assert.strictEqual(url.parse('//foo/bar').host, undefined);
assert.strictEqual(url.parse('//u@foo/bar').host, 'foo');

// A URL string is required; an object with an href is returned as it is.
[undefined, null, true, false, 0.0, 0, [], {}, function() {}].forEach(function(val) {
  assert.throws(function() {
    url.parse(val);
  }, function(err) {
    return err instanceof TypeError &&
           err.message === "Parameter 'url' must be a string, not " + typeof val;
  });
});
var parsed = url.parse('http://example.com/');
assert.strictEqual(url.parse(parsed), parsed);

// A host name longer than 255 characters is dropped.
var long = url.parse('http://' + new Array(300).join('a') + '.com/x');
assert.strictEqual(long.hostname, '');
assert.strictEqual(long.href, 'http:///x');
// A label is at most 63 characters; the rest of a longer one goes to the path.
var label = new Array(65).join('b');
var cut = url.parse('http://' + label + '.com/x');
assert.strictEqual(cut.hostname, label.substr(0, 63));
assert.strictEqual(cut.pathname, '/b.com/x');

// A host name whose Punycode cannot be made (a lone surrogate) throws
// punycode's RangeError.
assert.throws(function() {
  url.parse('http://a\ud800b.com/');
}, function(err) {
  return err instanceof RangeError && err.message === 'UCS-2(decode): illegal sequence';
});
