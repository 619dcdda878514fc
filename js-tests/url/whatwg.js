// url.URL and url.URLSearchParams, later Node's WHATWG classes (from
// goja_nodejs), are exported beside 0.7's functions; they are not globals,
// as in 0.7, and loading url adds no global. Their behaviour where it
// matches node is in differential/url-whatwg.js.
var assert = require('assert');
var before = Object.getOwnPropertyNames(global).sort().join();
var url = require('url');

assert.strictEqual(typeof url.URL, 'function');
assert.strictEqual(typeof url.URLSearchParams, 'function');
assert.strictEqual(typeof global.URL, 'undefined');
assert.strictEqual(typeof global.URLSearchParams, 'undefined');
assert.strictEqual(Object.getOwnPropertyNames(global).sort().join(), before);

var u = new url.URL('https://user:pw@Example.COM:8443/a/b?x=1#f');
assert.ok(u instanceof url.URL);
assert.strictEqual(u.hostname, 'example.com');
assert.strictEqual(u.port, '8443');
assert.strictEqual(u.searchParams.get('x'), '1');
assert.throws(function() {
  new url.URL('no scheme');
}, function(err) {
  return err instanceof TypeError && err.code === 'ERR_INVALID_URL';
});

var p = new url.URLSearchParams('a=1&a=2&b=%20');
assert.deepEqual(p.getAll('a'), ['1', '2']);
assert.strictEqual(p.get('b'), ' ');
assert.strictEqual(p.toString(), 'a=1&a=2&b=+');

// The legacy and WHATWG parsers give http.request what it needs alike.
var legacy = url.parse('http://h.example:81/p?q=1');
var modern = new url.URL('http://h.example:81/p?q=1');
assert.strictEqual(legacy.hostname, modern.hostname);
assert.strictEqual(legacy.port, modern.port);
assert.strictEqual(legacy.path, modern.pathname + modern.search);
