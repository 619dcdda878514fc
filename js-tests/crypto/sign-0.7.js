// Sign and Verify where Node 0.7.4 differs from today's node: 'binary'
// strings by default, and failures that return '' or false where today's
// node throws.
var assert = require('assert');
var crypto = require('crypto');
var fs = require('fs');

function fixture(name) {
  return fs.readFileSync(__dirname + '/fixtures/' + name, 'ascii');
}
var rsaKey = fixture('rsa-key.pem');
var rsaPub = fixture('rsa-pub.pem');
function throwsWith(fn, type, message) {
  assert.throws(fn, function(e) {
    return e instanceof type && e.message === message;
  });
}

// sign() with no format returns a 'binary' string; verify() with no format
// reads the signature as one.
var s = crypto.createSign('RSA-SHA256');
s.update('abc');
var sig = s.sign(rsaKey);
assert.equal(typeof sig, 'string');
assert.equal(sig.length, 256);
var v = crypto.createVerify('RSA-SHA256');
v.update('abc');
assert.strictEqual(v.verify(rsaPub, sig), true);

// A key that does not load gives '' and leaves the Sign usable.
var s2 = crypto.createSign('RSA-SHA256');
s2.update('abc');
assert.strictEqual(s2.sign('not a key'), '');
assert.strictEqual(s2.sign(rsaKey, 'binary'), sig);
// Used up: sign() gives '', update() throws.
assert.strictEqual(s2.sign(rsaKey), '');
throwsWith(function() { s2.update('x'); }, TypeError, 'SignUpdate fail');
// An encoding sign() does not know gives '' (and a complaint on stderr).
var s3 = crypto.createSign('RSA-SHA256');
s3.update('abc');
assert.strictEqual(s3.sign(rsaKey, 'utf8'), '');

// verify(): an object that does not load gives false (today: an error),
// and so does a Verify already used.
var v2 = crypto.createVerify('RSA-SHA256');
v2.update('abc');
assert.strictEqual(v2.verify('not a key', sig), false);
assert.strictEqual(v2.verify(rsaPub, sig), true);
assert.strictEqual(v2.verify(rsaPub, sig), false);
throwsWith(function() { v2.update('x'); }, TypeError, 'VerifyUpdate fail');
// 0.7 knew "PUBLIC KEY" and certificates, not PKCS #1 "RSA PUBLIC KEY".
// openssl rsa -in fixtures/rsa-key.pem -RSAPublicKey_out
var v3 = crypto.createVerify('RSA-SHA256');
v3.update('abc');
assert.strictEqual(v3.verify(rsaPub.replace(/PUBLIC KEY/g, 'RSA PUBLIC KEY'), sig),
                   false);

// Argument errors, with 0.7's messages.
throwsWith(function() { crypto.createSign(); }, Error,
           'Must give signtype string as argument');
throwsWith(function() { crypto.createSign('nope'); }, Error, 'SignInit error');
throwsWith(function() { crypto.createVerify(1); }, Error,
           'Must give verifytype string as argument');
throwsWith(function() { crypto.createVerify('nope'); }, Error, 'VerifyInit error');
throwsWith(function() { crypto.createSign('sha1').update(1); }, TypeError,
           'Not a string or buffer');
throwsWith(function() { crypto.createSign('sha1').sign(); }, TypeError,
           'Not a string or buffer');
throwsWith(function() { crypto.createVerify('sha1').verify(rsaPub); }, TypeError,
           'Not a string or buffer');

// The classes are exported, with 0.7's init.
assert.ok(crypto.createSign('sha1') instanceof crypto.Sign);
assert.ok(new crypto.Verify().init('sha1') instanceof crypto.Verify);

console.log('ok');
