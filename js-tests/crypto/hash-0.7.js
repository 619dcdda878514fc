// Hash and Hmac where Node 0.7.4 differs from today's node (which returns
// Buffers and reads strings as utf8): crypto.markdown says update()'s
// input_encoding and digest()'s encoding both default to 'binary'.
var assert = require('assert');
var crypto = require('crypto');

function hex(binaryString) {
  return new Buffer(binaryString, 'binary').toString('hex');
}

// digest() with no encoding returns a 'binary' string, one character per
// byte (today: a Buffer). printf 'abc' | openssl dgst -sha1
var d = crypto.createHash('sha1').update('abc').digest();
assert.equal(typeof d, 'string');
assert.equal(d.length, 20);
assert.equal(hex(d), 'a9993e364706816aba3e25717850c26c9cd0d89d');
assert.equal(d.charCodeAt(0), 0xa9);
// A non-string encoding also means 'binary'.
assert.equal(crypto.createHash('sha1').update('abc').digest(null), d);
assert.equal(crypto.createHash('sha1').update('abc').digest(1), d);
var hd = crypto.createHmac('sha1', 'Jefe').update('what do ya want for nothing?')
    .digest();
assert.equal(typeof hd, 'string');
assert.equal(hex(hd), 'effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');

// update(string) with no encoding reads the string as 'binary': U+00E9 is
// the byte 0xe9 (today: the utf8 bytes c3 a9).
// printf '\xe9' | openssl dgst -sha1
assert.equal(crypto.createHash('sha1').update('\u00e9').digest('hex'),
             '1599e9fa41ec68c80230491902786bee889f5bcb');
// U+20AC keeps its low byte, 0xac. printf '\xac' | openssl dgst -md5
assert.equal(crypto.createHash('md5').update('\u20ac').digest('hex'),
             '20a7f30fb9f8e145422b66b3d4f4da70');
// An unknown input encoding falls back to 'binary' (today: an error).
assert.equal(crypto.createHash('md5').update('\u20ac', 'klingon').digest('hex'),
             '20a7f30fb9f8e145422b66b3d4f4da70');
// Hmac keys are 'binary' strings too: key 0xe9 vs. utf8 c3 a9.
// printf 'x' | openssl dgst -sha1 -mac HMAC -macopt hexkey:e9
assert.equal(crypto.createHmac('sha1', '\u00e9').update('x').digest('hex'),
             '6b7c46510ea41557d6ecd1a558338efca7e4426a');
assert.notEqual(crypto.createHmac('sha1', '\u00e9').update('x').digest('hex'),
                crypto.createHmac('sha1', new Buffer([0xc3, 0xa9])).update('x')
                .digest('hex'));

// After digest(): update throws TypeError('HashUpdate fail') and digest
// Error('Not initialized') (today: 'Digest already called').
var h = crypto.createHash('md5');
h.digest('hex');
assert.throws(function() { h.update('x'); },
              function(e) { return e instanceof TypeError && e.message === 'HashUpdate fail'; });
assert.throws(function() { h.digest('hex'); },
              function(e) { return e instanceof Error && e.message === 'Not initialized'; });
var m = crypto.createHmac('md5', 'k');
m.digest();
assert.throws(function() { m.update('x'); },
              function(e) { return e instanceof TypeError && e.message === 'HmacUpdate fail'; });
assert.strictEqual(m.digest(), '');

// Argument errors, with 0.7's messages.
function throwsWith(fn, type, message) {
  assert.throws(fn, function(e) {
    return e instanceof type && e.message === message;
  });
}
throwsWith(function() { crypto.createHash(); }, Error,
           'Must give hashtype string as argument');
throwsWith(function() { crypto.createHash(5); }, Error,
           'Must give hashtype string as argument');
throwsWith(function() { crypto.createHash('nope'); }, Error,
           'Digest method not supported');
throwsWith(function() { crypto.createHash('sha1').update(5); }, TypeError,
           'Not a string or buffer');
throwsWith(function() { crypto.createHash('sha1').update(); }, TypeError,
           'Not a string or buffer');
throwsWith(function() { crypto.createHmac(null, 'k'); }, Error,
           'Must give hashtype string as argument');
throwsWith(function() { crypto.createHmac('sha1'); }, TypeError,
           'Not a string or buffer');
throwsWith(function() { crypto.createHmac('sha1', 5); }, TypeError,
           'Not a string or buffer');
throwsWith(function() { crypto.createHmac('nope', 'k'); }, Error, 'hmac error');

// An encoding digest() does not know: 0.7 printed a complaint on stderr
// and returned undefined; the hash is used up all the same.
var u = crypto.createHash('md5');
assert.strictEqual(u.digest('utf8'), undefined);
assert.throws(function() { u.digest('hex'); }, /Not initialized/);

// The constructors are exported, as in 0.7.
assert.equal(new crypto.Hash('md5').update('abc').digest('hex'),
             '900150983cd24fb0d6963f7d28e17f72');
assert.ok(crypto.createHash('md5') instanceof crypto.Hash);
assert.ok(crypto.createHmac('md5', 'k') instanceof crypto.Hmac);
assert.equal(new crypto.Hmac().init('sha1', 'Jefe')
             .update('what do ya want for nothing?').digest('hex'),
             'effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');

// MD4, which OpenSSL 1.0 offered (today's OpenSSL only in its legacy
// provider). printf 'abc' | openssl dgst -md4 -provider legacy
assert.equal(crypto.createHash('md4').update('abc').digest('hex'),
             'a448017aaf21d8525fc10ae87aa6729d');

// The documentation's example: the sha1 sum of a file, through a stream.
var fs = require('fs');
var shasum = crypto.createHash('sha1');
var s = fs.ReadStream(__filename);
var ended = false;
s.on('data', function(chunk) { shasum.update(chunk); });
s.on('end', function() {
  var whole = crypto.createHash('sha1').update(fs.readFileSync(__filename))
      .digest('hex');
  assert.equal(shasum.digest('hex'), whole);
  ended = true;
});
process.on('exit', function() {
  assert.ok(ended, "the stream's 'end' came and the sums were compared");
});
