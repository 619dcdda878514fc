// addContext: '*' matches any run of characters (dots too, or none), the
// first context added that matches wins, case does not matter. The lookup
// is indexed; this checks it against 0.7.4's way (one anchored regexp per
// pattern, tried in order) over many patterns and names, then serves a
// real handshake among 10,000 names.
var assert = require('assert');
var tls = require('tls');
var crypto = require('crypto');
var fixture = require('./_fixtures');

// 0.7.4's matcher (lib/tls.js addContext and SNICallback), with the 'i'
// flag: the reference the index must agree with.
function reference(patterns, name) {
  for (var i = 0; i < patterns.length; i++) {
    var re = new RegExp('^' + patterns[i].replace(/([.^$+?\-\\[\]{}()|])/g, '\\$1').replace(/\*/g, '.*') + '$', 'i');
    if (re.test(name)) {
      return i;
    }
  }
  return undefined;
}

function serverWith(patterns) {
  var s = tls.createServer({});
  patterns.forEach(function (p, i) {
    s.addContext(p, { context: { index: i } });
  });
  return s;
}

function lookup(server, name) {
  var got = null;
  server._sniContext(name, function (err, context) {
    assert.ifError(err);
    got = context;
  });
  return got === undefined ? undefined : got.index;
}

// Chosen cases.
var patterns = ['*.a.test', 'x.a.test', 'exact.test', 'EXACT.test', '*b.test', 'w*.*.test', '*', 'c*c.test'];
var s = serverWith(patterns.slice(0, 7));
assert.strictEqual(lookup(s, 'x.a.test'), 0, 'a wildcard added first wins over a later exact name');
assert.strictEqual(lookup(s, 'y.z.a.test'), 0, "'*' matches dots");
assert.strictEqual(lookup(s, 'Exact.TEST'), 2, 'case does not matter; the first of two equal names wins');
assert.strictEqual(lookup(s, 'b.test'), 4, "'*' matches nothing");
assert.strictEqual(lookup(s, 'www.q.test'), 5, 'two stars');
assert.strictEqual(lookup(s, 'anything'), 6, "'*' alone matches all");
var t = serverWith(['c*c.test', 'a.b']);
assert.strictEqual(lookup(t, 'c.test'), undefined, 'pieces may not overlap');
assert.strictEqual(lookup(t, 'cc.test'), 0);
assert.strictEqual(lookup(t, 'a.bb'), undefined);
assert.strictEqual(lookup(t, 'axb'), undefined, "'.' is literal");

// Random patterns and names over a small alphabet, so that they collide.
var seed = 7;
function random(n) {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
}
function word(alphabet, max) {
  var w = '';
  for (var n = random(max) + 1; n > 0; n--) {
    w += alphabet.charAt(random(alphabet.length));
  }
  return w;
}
for (var round = 0; round < 20; round++) {
  var ps = [];
  for (var i = 0; i < 40; i++) {
    ps.push(word('ab.*A', 6));
  }
  var server = serverWith(ps);
  for (var k = 0; k < 200; k++) {
    var name = word('abB.', 7);
    assert.strictEqual(lookup(server, name), reference(ps, name), JSON.stringify(ps) + ' ' + name);
  }
}

// 10,000 names, and a real handshake that picks one of them.
var leaf = crypto.createCredentials({ key: fixture('leaf-server-key.pem'), cert: fixture('leaf-server-chain.pem') });
var big = tls.createServer({ key: fixture('server-key.pem'), cert: fixture('server-cert.pem') }, function (c) {
  c.end(c.servername);
});
var other = crypto.createCredentials({ key: fixture('ec-key.pem'), cert: fixture('ec-cert.pem') });
for (var n = 0; n < 10000; n++) {
  big.addContext('host' + n + '.example.test', n === 4321 ? leaf : other);
  big.addContext('*.zone' + n + '.example.test', other);
}
var seen = null;
big.listen(0, '127.0.0.1', function () {
  var c = tls.connect({ port: big.address().port, host: '127.0.0.1', servername: 'host4321.example.test',
    ca: [fixture('ca-root-cert.pem')] }, function () {
    seen = { authorized: c.authorized, modulus: Boolean(c.getPeerCertificate().modulus) };
    c.resume();
  });
  c.on('close', function () { big.close(); });
});
process.on('exit', function () {
  // The RSA leaf under the test CA (the others are EC or self-signed).
  assert.deepEqual(seen, { authorized: true, modulus: true });
});
