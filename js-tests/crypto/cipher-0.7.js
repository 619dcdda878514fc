// Cipher and Decipher where Node 0.7.4 differs from today's node:
// crypto.markdown gives 'binary' as the default input and output encoding
// (today: utf8 input, Buffer output), keys and IVs are 'binary' strings,
// and 0.7's errors had the messages below. Ciphertexts are from
// `openssl enc` (command above each).
var assert = require('assert');
var crypto = require('crypto');

var KEY = 'S3c.r.e.t.K.e.Y!';   // hex 5333632e722e652e742e4b2e652e5921
var IV = 'blahFizz2011Buzz';    // hex 626c616846697a7a3230313142757a7a
var fox = 'The quick brown fox jumps over the lazy dog';

function hex(binaryString) {
  return new Buffer(binaryString, 'binary').toString('hex');
}
function binary(hexText) {
  return new Buffer(hexText, 'hex').toString('binary');
}
function throwsWith(fn, type, message) {
  assert.throws(fn, function(e) {
    return e instanceof type && e.message === message;
  });
}

// No encodings: 'binary' strings in and out. U+00E9 is the byte e9.
// printf '\xe9' | openssl enc -aes-128-cbc -K 5333...5921 -iv 626c...757a7a
var c = crypto.createCipheriv('aes-128-cbc', KEY, IV);
var out = c.update('\u00e9');
assert.strictEqual(out, '');
out += c.final();
assert.equal(typeof out, 'string');
assert.equal(hex(out), '3929936259c18df210c07fc335556168');
var d = crypto.createDecipheriv('aes-128-cbc', KEY, IV);
assert.equal(d.update(out) + d.final(), '\u00e9');
// 'utf8' input is the two bytes c3 a9.
// printf '\xc3\xa9' | openssl enc -aes-128-cbc -K ... -iv ...
var u = crypto.createCipheriv('aes-128-cbc', KEY, IV);
assert.equal(hex(u.update('\u00e9', 'utf8') + u.final()),
             'd5da7f76575b638fbcdc9aeb8f9ceede');
// Keys are 'binary' strings: \u00ff is the byte ff.
// echo -n "$fox" | openssl enc -aes-128-cbc -K ff00112233445566778899aabbccddee -iv ...
var binKey = binary('ff00112233445566778899aabbccddee');
var bk = crypto.createCipheriv('aes-128-cbc', binKey, IV);
assert.equal(bk.update(fox, 'utf8', 'hex') + bk.final('hex'),
             '2100ad2acb21bc0b376a11c660ca3ad7e77f5c37dbd05a522fdf9ef2899cb7bb' +
             '00d6539f5b2e45f04c8d8e06e4265813');

// Decipher input: 'hex' pieces of odd length join up; 'base64' works.
var cipherHex = '2100ad2acb21bc0b376a11c660ca3ad7e77f5c37dbd05a522fdf9ef2899cb7bb' +
                '00d6539f5b2e45f04c8d8e06e4265813';
var dh = crypto.createDecipheriv('aes-128-cbc', binKey, IV);
var plain = '';
for (var i = 0; i < cipherHex.length; i += 7) {
  plain += dh.update(cipherHex.slice(i, i + 7), 'hex', 'utf8');
}
plain += dh.final('utf8');
assert.equal(plain, fox);
var db = crypto.createDecipheriv('aes-128-cbc', binKey, IV);
assert.equal(db.update(new Buffer(cipherHex, 'hex').toString('base64'), 'base64', 'ascii') +
             db.final('ascii'), fox);

// Single DES, which today's OpenSSL keeps in its legacy provider.
// echo -n "$fox" | openssl enc -des-cbc -provider legacy -K 0123456789abcdef
//   -iv fedcba9876543210
var des = crypto.createCipheriv('des-cbc', binary('0123456789abcdef'),
                                binary('fedcba9876543210'));
assert.equal(des.update(fox, 'utf8', 'hex') + des.final('hex'),
             '20b73ff3c7621e1dd3f7ac8b55170a5cedb5b6487538784b3d4cd3f25a35027a' +
             '631381a58b7d65282fe4ef832e1f5c88');
// echo -n "$fox" | openssl enc -des -provider legacy -pass pass:password -nosalt -md md5
var desPw = crypto.createCipher('des', 'password');
assert.equal(desPw.update(fox, 'utf8', 'hex') + desPw.final('hex'),
             'e74c13c1bb10566122330b1452efc87d04a2d2686f6c8c77d009688d5148c119' +
             'a35dc4f084440908937c0f83123b5240');

// setAutoPadding() with no argument means true (today's node: false);
// it returns undefined.
var EVEN = 'Hello node world!AbC09876dDeFgHi';
var sp = crypto.createCipheriv('aes-128-cbc', KEY, IV);
assert.strictEqual(sp.setAutoPadding(false), undefined);
sp.setAutoPadding();
// echo -n "$EVEN" | openssl enc -aes-128-cbc -K ... -iv ...
assert.equal(sp.update(EVEN, 'utf8', 'hex') + sp.final('hex'),
             '7f57859550d4d2fdb9806da2a750461ab46e71b3d78ebe2d9684dfc87f7575b9' +
             '886119866912cb8c7bcaf76c5ebc2378');

// After final(): update throws TypeError('DecipherUpdate fail') (0.7 used
// that text for Cipher too), final TypeError('CipherFinal fail').
var done = crypto.createCipheriv('aes-128-cbc', KEY, IV);
done.final();
throwsWith(function() { done.update('x'); }, TypeError, 'DecipherUpdate fail');
throwsWith(function() { done.final(); }, TypeError, 'CipherFinal fail');
var ddone = crypto.createDecipheriv('aes-128-cbc', KEY, IV);
ddone.setAutoPadding(false);
assert.strictEqual(ddone.final(), '');
throwsWith(function() { ddone.update('x'); }, TypeError, 'DecipherUpdate fail');
throwsWith(function() { ddone.final(); }, TypeError, 'DecipherFinal fail');

// Padding failures.
throwsWith(function() {
  var odd = crypto.createCipheriv('aes-128-cbc', KEY, IV);
  odd.setAutoPadding(false);
  odd.update('Hello node world!');
  odd.final();
}, TypeError, 'CipherFinal fail');
throwsWith(function() {
  var bad = crypto.createDecipheriv('aes-128-cbc', KEY, IV);
  bad.update(binary('7f57859550d4d2fdb9806da2a750461ab46e71b3d78ebe2d9684dfc87f7575b9'));
  bad.final();
}, TypeError, 'DecipherFinal fail');
throwsWith(function() {
  var short = crypto.createDecipheriv('aes-128-cbc', KEY, IV);
  short.update('only 10 b.');
  short.final();
}, TypeError, 'DecipherFinal fail');

// Init errors: messages and classes as in 0.7 (which also printed
// "node-crypto : Unknown cipher ..." and the like on stderr).
throwsWith(function() { crypto.createCipher('aes-128-cbc'); }, Error,
           'Must give cipher-type, key');
throwsWith(function() { crypto.createCipher(5, 'pw'); }, Error,
           'Must give cipher-type, key');
throwsWith(function() { crypto.createDecipher('aes-128-cbc', 5); }, Error,
           'Must give cipher-type, key as argument');
throwsWith(function() { crypto.createCipheriv('aes-128-cbc', KEY); }, Error,
           'Must give cipher-type, key, and iv as argument');
throwsWith(function() { crypto.createDecipheriv('aes-128-cbc', 1, IV); }, Error,
           'Must give cipher-type, key, and iv as argument');
throwsWith(function() { crypto.createCipher('nope', 'pw'); }, Error, 'CipherInit error');
throwsWith(function() { crypto.createDecipher('nope', 'pw'); }, Error,
           'DecipherInit error');
throwsWith(function() { crypto.createCipheriv('aes-128-cbc', KEY, 'short'); }, Error,
           'CipherInitIv error');
throwsWith(function() { crypto.createCipheriv('aes-128-cbc', 'short', IV); }, Error,
           'CipherInitIv error');
throwsWith(function() { crypto.createDecipheriv('aes-128-ecb', KEY, IV); }, Error,
           'DecipherInitIv error');
throwsWith(function() { crypto.createCipheriv('aes-128-cbc', KEY, IV).update({}); },
           TypeError, 'Not a string or buffer');

// An output encoding a Cipher does not know: undefined (and a complaint on
// stderr), but '' when there is no output at all.
var ue = crypto.createCipheriv('aes-128-cbc', KEY, IV);
assert.strictEqual(ue.update('abc', 'binary', 'utf8'), '');
assert.strictEqual(ue.update('0123456789abcdef', 'binary', 'utf8'), undefined);
assert.strictEqual(ue.final('utf8'), undefined);

// The classes are exported, with 0.7's init and initiv.
var k = new crypto.Cipher().init('aes128', 'pw');
assert.ok(k instanceof crypto.Cipher);
// echo -n secret | openssl enc -aes128 -pass pass:pw -nosalt -md md5
assert.equal(k.update('secret', 'binary', 'hex') + k.final('hex'),
             '8aeedcc89bd6564e76bd85676314b9d7');
var kd = new crypto.Decipher().initiv('aes-128-cbc', KEY, IV);
assert.ok(kd instanceof crypto.Decipher);
assert.ok(crypto.createDecipher('aes128', 'pw') instanceof crypto.Decipher);

console.log('ok');
