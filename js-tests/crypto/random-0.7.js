// randomBytes and pbkdf2 as in Node 0.7.4, which differs from today's
// node: 0.7's pbkdf2 had no digest argument (always HMAC-SHA1) and passed
// (undefined, key) with the key as a 'binary' string; its argument errors
// are TypeErrors with the messages below.
var assert = require('assert');
var crypto = require('crypto');

function throwsWith(fn, type, message) {
  assert.throws(fn, function(e) {
    return e instanceof type && e.message === message;
  });
}

// randomBytes wants a whole number from 0 to 2^32-1 (V8's IsUint32).
[-1, '5', 1.5, NaN, null, undefined, -0, Math.pow(2, 32), true].forEach(function(bad) {
  throwsWith(function() { crypto.randomBytes(bad); }, TypeError,
             'Argument #1 must be number > 0');
});
// A callback that is not a function means sync.
assert.equal(crypto.randomBytes(3, 'not a function').length, 3);
// Even a size of 0 calls back later (today's node calls back at once).
var zeroSync = true;
crypto.randomBytes(0, function(err, buf) {
  assert.ok(!zeroSync);
  assert.strictEqual(err, null);
  assert.equal(buf.length, 0);
  pending--;
});
zeroSync = false;

// RFC 6070's PBKDF2-HMAC-SHA1 vectors (also checked with
// `openssl kdf -keylen N -kdfopt digest:SHA1 -kdfopt pass:P -kdfopt salt:S
// -kdfopt iter:C PBKDF2`); the last is a 64-byte key over four blocks.
var vectors = [
  ['password', 'salt', 1, 20, '0c60c80f961f0e71f3a9b524af6012062fe037a6'],
  ['password', 'salt', 2, 20, 'ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957'],
  ['password', 'salt', 4096, 20, '4b007901b765489abead49d926f721d065a429c1'],
  ['passwordPASSWORDpassword', 'saltSALTsaltSALTsaltSALTsaltSALTsalt', 4096, 25,
   '3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038'],
  ['pass\u0000word', 'sa\u0000lt', 4096, 16, '56fa6aa75548099dcc37d7f03425e0c3'],
  [new Buffer('password'), new Buffer('salt'), 3, 64,
   '6b4e26125c25cf21ae35ead955f479ea2e71f6ff9e400029f04810eece313555' +
   '33bb2ed348e604da707cc4562f85fe120c5c3f28ae007805d5e5fa11c0aa19fb']
];
var pending = vectors.length + 2;
var sync = true;
vectors.forEach(function(v) {
  var ret = crypto.pbkdf2(v[0], v[1], v[2], v[3], function(err, key) {
    assert.ok(!sync);
    assert.strictEqual(err, undefined);
    assert.equal(typeof key, 'string');
    assert.equal(key.length, v[3]);
    assert.equal(new Buffer(key, 'binary').toString('hex'), v[4]);
    pending--;
  });
  assert.strictEqual(ret, undefined);
});
// A zero-length key is ''.
crypto.pbkdf2('p', 's', 1, 0, function(err, key) {
  assert.strictEqual(key, '');
  pending--;
});
sync = false;

var cb = function() {};
throwsWith(function() { crypto.pbkdf2('p', 's', 1, 20); }, TypeError, 'Bad parameter');
throwsWith(function() { crypto.pbkdf2('p', 's', 1, 20, 'sha1', cb); }, TypeError,
           'Bad parameter');
throwsWith(function() { crypto.pbkdf2(1, 's', 1, 20, cb); }, TypeError,
           'Not a string or buffer');
throwsWith(function() { crypto.pbkdf2('p', null, 1, 20, cb); }, TypeError,
           'Not a string or buffer');
throwsWith(function() { crypto.pbkdf2('p', 's', '1', 20, cb); }, TypeError,
           'Iterations not a number');
throwsWith(function() { crypto.pbkdf2('p', 's', -1, 20, cb); }, TypeError,
           'Bad iterations');
throwsWith(function() { crypto.pbkdf2('p', 's', 1, '20', cb); }, TypeError,
           'Key length not a number');
throwsWith(function() { crypto.pbkdf2('p', 's', 1, -20, cb); }, TypeError,
           'Bad key length');
throwsWith(function() { crypto.pbkdf2('p', 's', 1, 20, 'cb'); }, TypeError,
           'Callback not a function');

process.on('exit', function() {
  assert.equal(pending, 0);
  console.log('ok');
});
