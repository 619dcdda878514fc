// Cipher and Decipher where Node 0.7.4 and today's node agree: encodings
// are always given (0.7's 'binary' defaults are in cipher-0.7.js), keys
// and IVs are Buffers or ASCII strings. The expected ciphertexts were made
// with `openssl enc` (the command is above each) and checked with today's
// node.
var assert = require('assert');
var crypto = require('crypto');

var fox = 'The quick brown fox jumps over the lazy dog';
var KEY = 'S3c.r.e.t.K.e.Y!';   // hex 5333632e722e652e742e4b2e652e5921
var IV = 'blahFizz2011Buzz';    // hex 626c616846697a7a3230313142757a7a
function hex(s) { return new Buffer(s, 'hex'); }

function encrypt(cipher, plain) {
  return cipher.update(plain, 'utf8', 'hex') + cipher.final('hex');
}
function decrypt(decipher, hexText) {
  return decipher.update(hexText, 'hex', 'utf8') + decipher.final('utf8');
}

// echo -n 'Hello node world!' | openssl enc -aes-128-cbc
//   -K 5333632e722e652e742e4b2e652e5921 -iv 626c616846697a7a3230313142757a7a
var helloCBC = '7f57859550d4d2fdb9806da2a750461a9fe77253cd1cbd4b07beee4e070d561f';
assert.equal(encrypt(crypto.createCipheriv('aes-128-cbc', KEY, IV),
                     'Hello node world!'), helloCBC);
assert.equal(encrypt(crypto.createCipheriv('aes-128-cbc', new Buffer(KEY),
                                           new Buffer(IV)),
                     'Hello node world!'), helloCBC);
assert.equal(decrypt(crypto.createDecipheriv('aes-128-cbc', KEY, IV), helloCBC),
             'Hello node world!');
assert.equal(encrypt(crypto.createCipheriv('AES-128-CBC', KEY, IV),
                     'Hello node world!'), helloCBC);

// The same with the IV spelled as base64 output and input.
var c64 = crypto.createCipheriv('aes-128-cbc', KEY, IV);
var b64 = c64.update('Hello node world!', 'utf8', 'base64') + c64.final('base64');
assert.equal(b64, hex(helloCBC).toString('base64'));
var d64 = crypto.createDecipheriv('aes-128-cbc', KEY, IV);
assert.equal(d64.update(b64, 'base64', 'utf8') + d64.final('utf8'), 'Hello node world!');

// Other modes and ciphers, each with `openssl enc -CIPHER -K KEY [-iv IV]`.
var vectors = [
  // echo -n "$fox" | openssl enc -aes-128-ecb -K 5333...5921
  ['aes-128-ecb', KEY, '',
   '57881e76529b816256fbc15b67fa0fca568c7c8387d2dadd812aca089561538b' +
   'f5a6f8143096f93efcef151a659fa81b'],
  // -aes-192-cfb -K 5333...59210011223344556677 -iv 626c...757a7a
  ['aes-192-cfb', KEY + '\u0000\u0011\u0022\u0033\u0044\u0055\u0066\u0077', IV,
   'a0e6113f3cbded36ada9b09a103113e9bb1f0332ae130014853f83c9e4c4f1d3d55de37d5a4d72f1c7758b'],
  // -aes-256-ofb -K 5333...5921 twice -iv 626c...757a7a
  ['aes-256-ofb', KEY + KEY, IV,
   'c77db2262fbbc0854b589ad6a125fe41f7a4d55793b27e8b9bb7e972ce9e7b79c7bd694c087bba2b9140ac'],
  // -aes-128-ctr -K 5333...5921 -iv 626c...757a7a
  ['aes-128-ctr', KEY, IV,
   'bb215dd9d23df2c7eb621bf83417161de55f497d4d389724a115bef6a8977388a430eb8779e1ed647fb0fb'],
  // -des-ede3 -K 0123456789abcdeffedcba98765432100011223344556677
  ['des-ede3', hex('0123456789abcdeffedcba98765432100011223344556677'), '',
   '6e6df52f92464acde7f6ef14dfcdc2f0778aa841bb4fd1c80136de152d3898a1' +
   'b75bfad2cf61e78b9679768e42db64e7'],
  // -des-ede-cbc -K 0123456789abcdeffedcba9876543210 -iv 0011223344556677
  ['des-ede-cbc', hex('0123456789abcdeffedcba9876543210'), hex('0011223344556677'),
   'b4c2199d536b24435a4b5d3696043eb8ff016d39fe022df7e861bce30382444300bdbb2b6e131165edd9ed7aae765c12']
];
vectors.forEach(function(v) {
  var key = typeof v[1] === 'string' ? new Buffer(v[1], 'binary') : v[1];
  var iv = typeof v[2] === 'string' ? new Buffer(v[2], 'binary') : v[2];
  assert.equal(encrypt(crypto.createCipheriv(v[0], key, iv), fox), v[3], v[0]);
  assert.equal(decrypt(crypto.createDecipheriv(v[0], key, iv), v[3]), fox, v[0]);
});

// createCipher derives key and IV from the password with OpenSSL's
// EVP_BytesToKey (MD5, one round, no salt), as `openssl enc -pass pass:P
// -nosalt -md md5` does.
var passwordVectors = [
  // echo -n "$fox" | openssl enc -aes-256-cbc -pass pass:password -nosalt -md md5
  ['aes-256-cbc', 'password', fox,
   'b647020d5fe0ae3aaa14728bc04bb374a9689136e0a58d50cbc8ae84d5414403' +
   '112f064a42679c7c52cd8aa48b77d78d'],
  // echo -n "$fox" | openssl enc -des-ede3-cbc -pass pass:password -nosalt -md md5
  ['des-ede3-cbc', 'password', fox,
   '7fbe51c3708712cee92b04fd12e58e39d7940a1630f08c3ca2f27a837355a431' +
   'f86222352a08a71cd96d6fad8e364a9c'],
  // echo -n secret | openssl enc -aes128 -pass pass:pw -nosalt -md md5
  ['aes128', 'pw', 'secret', '8aeedcc89bd6564e76bd85676314b9d7']
];
passwordVectors.forEach(function(v) {
  assert.equal(encrypt(crypto.createCipher(v[0], v[1]), v[2]), v[3], v[0]);
  assert.equal(decrypt(crypto.createDecipher(v[0], v[1]), v[3]), v[2], v[0]);
});

// Output in pieces: update() returns whole blocks as they are done, and
// base64 pieces join up into the base64 of the whole.
var pieces = crypto.createCipheriv('aes-128-cbc', KEY, IV);
var joined = '';
for (var i = 0; i < fox.length; i += 5) {
  joined += pieces.update(fox.slice(i, i + 5), 'utf8', 'base64');
}
joined += pieces.final('base64');
assert.equal(joined, new Buffer(
    hex(encrypt(crypto.createCipheriv('aes-128-cbc', KEY, IV), fox))).toString('base64'));

// Decrypting with padding keeps the last whole block back for final().
var held = crypto.createDecipheriv('aes-128-cbc', KEY, IV);
assert.equal(held.update(helloCBC.slice(0, 32), 'hex', 'utf8'), '');
assert.equal(held.update(helloCBC.slice(32), 'hex', 'utf8'), 'Hello node world');
assert.equal(held.final('utf8'), '!');

// UTF-8 output across pieces: a character split between two update()
// calls comes out whole. The plaintext is 'été €' (utf8 bytes
// c3a9 74 c3a9 20 e282ac), fed one ciphertext byte at a time.
// printf '\xc3\xa9t\xc3\xa9 \xe2\x82\xac' | openssl enc -aes-128-cbc -K ... -iv ...
var eteCipher = hex('4b6bfc6260d94bd7e1dc7fb8c14f9eb0');
var ete = crypto.createDecipheriv('aes-128-cbc', KEY, IV);
var text = '';
for (var j = 0; j < eteCipher.length; j++) {
  text += ete.update(eteCipher.slice(j, j + 1), 'binary', 'utf8');
}
text += ete.final('utf8');
assert.equal(text, '\u00e9t\u00e9 \u20ac');
var eteEnc = crypto.createCipheriv('aes-128-cbc', KEY, IV);
assert.equal(eteEnc.update('\u00e9t\u00e9 \u20ac', 'utf8', 'hex') + eteEnc.final('hex'),
             '4b6bfc6260d94bd7e1dc7fb8c14f9eb0');

// No plaintext: one block of padding.
// printf '' | openssl enc -aes-128-cbc -K ... -iv ...
var empty = crypto.createCipheriv('aes-128-cbc', KEY, IV);
assert.equal(empty.update('', 'utf8', 'hex') + empty.final('hex'),
             '3780de6005a62344830b34fe3868c5a7');

// setAutoPadding(false): the input must be whole blocks.
var EVEN = 'Hello node world!AbC09876dDeFgHi';
// echo -n "$EVEN" | openssl enc -aes-128-cbc -K ... -iv ... -nopad
var evenNoPad = '7f57859550d4d2fdb9806da2a750461ab46e71b3d78ebe2d9684dfc87f7575b9';
// echo -n "$EVEN" | openssl enc -aes-128-cbc -K ... -iv ...
var evenPad = evenNoPad + '886119866912cb8c7bcaf76c5ebc2378';
var np = crypto.createCipheriv('aes-128-cbc', KEY, IV);
np.setAutoPadding(false);
assert.equal(encrypt(np, EVEN), evenNoPad);
assert.equal(encrypt(crypto.createCipheriv('aes-128-cbc', KEY, IV), EVEN), evenPad);
var npd = crypto.createDecipheriv('aes-128-cbc', KEY, IV);
npd.setAutoPadding(false);
assert.equal(decrypt(npd, evenNoPad), EVEN);
// Without padding the last block is not kept back.
var npd2 = crypto.createDecipheriv('aes-128-cbc', KEY, IV);
npd2.setAutoPadding(false);
assert.equal(npd2.update(evenNoPad.slice(0, 32), 'hex', 'utf8'), 'Hello node world');
// Padding off, then an input that is not whole blocks: final() throws.
assert.throws(function() {
  var odd = crypto.createCipheriv('aes-128-cbc', KEY, IV);
  odd.setAutoPadding(false);
  encrypt(odd, 'Hello node world!');
});
// Padding left on when decrypting what was not padded: final() throws.
assert.throws(function() {
  decrypt(crypto.createDecipheriv('aes-128-cbc', KEY, IV), evenNoPad);
});
// setAutoPadding(true) turns padding back on.
var on = crypto.createCipheriv('aes-128-cbc', KEY, IV);
on.setAutoPadding(false);
on.setAutoPadding(true);
assert.equal(encrypt(on, EVEN), evenPad);

// The wrong key: bad padding, final() throws.
assert.throws(function() {
  decrypt(crypto.createDecipheriv('aes-128-cbc', 'x123456789abcdef', IV), helloCBC);
});

// Bad arguments.
assert.throws(function() { crypto.createCipheriv('aes-128-cbc', KEY, 'short'); });
assert.throws(function() { crypto.createCipheriv('aes-128-cbc', 'short', IV); });
assert.throws(function() { crypto.createCipheriv('no-such-cipher', KEY, IV); });
assert.throws(function() { crypto.createCipheriv('aes-128-cbc', KEY, IV).update(5); },
              TypeError);

console.log('ok');
