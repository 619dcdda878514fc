// crypto.createHash and crypto.createHmac where Node 0.7.4 and today's node
// agree: every encoding is given explicitly. (0.7's defaults are in
// hash-0.7.js.) Each expected digest was checked against both
// `printf '%s' INPUT | openssl dgst -ALGO` and today's node.
var assert = require('assert');
var crypto = require('crypto');

var fox = 'The quick brown fox jumps over the lazy dog';
var vectors = {
  md5: ['d41d8cd98f00b204e9800998ecf8427e',
        '900150983cd24fb0d6963f7d28e17f72',
        '9e107d9d372bb6826bd81d3542a419d6'],
  sha1: ['da39a3ee5e6b4b0d3255bfef95601890afd80709',
         'a9993e364706816aba3e25717850c26c9cd0d89d',
         '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12'],
  sha224: ['d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f',
           '23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7',
           '730e109bd7a8a32b1cb9d9a09aa2325d2430587ddbc0c38bad911525'],
  sha256: ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
           'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
           'd7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592'],
  sha384: ['38b060a751ac96384cd9327eb1b1e36a21fdb71114be0743' +
           '4c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b',
           'cb00753f45a35e8bb5a03d699ac65007272c32ab0eded163' +
           '1a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7',
           'ca737f1014a48f4c0b6dd43cb177b0afd9e5169367544c49' +
           '4011e3317dbf9a509cb1e5dc1e85a941bbee3d7f2afbc9b1'],
  sha512: ['cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce' +
           '47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e',
           'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a' +
           '2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
           '07e547d9586f6a73f73fbac0435ed76951218fb7d0c8d788a309d785436bbb64' +
           '2e93a252a954f23912547d1e8a3b5ed6e1bfd7097821233fa0538f3db854fee6'],
  ripemd160: ['9c1185a5c5e9fc54612808977ee8f548b2258d31',
              '8eb208f7e05d987a9b044a8e98c6b087f15a0bfc',
              '37f332f68db77bd9d7edd4969571ad671cf9dd3b']
};

Object.keys(vectors).forEach(function(algo) {
  var inputs = ['', 'abc', fox];
  inputs.forEach(function(input, i) {
    var want = vectors[algo][i];
    assert.equal(crypto.createHash(algo).update(input, 'utf8').digest('hex'),
                 want, algo + '(' + JSON.stringify(input) + ')');
    // The same bytes as a Buffer, and fed in pieces.
    assert.equal(crypto.createHash(algo).update(new Buffer(input)).digest('hex'),
                 want);
    var h = crypto.createHash(algo);
    for (var j = 0; j < input.length; j += 7) {
      h.update(input.slice(j, j + 7), 'utf8');
    }
    assert.equal(h.digest('hex'), want);
  });
});

// base64 and binary digests (`openssl dgst -binary | base64`).
assert.equal(crypto.createHash('sha1').update('abc', 'utf8').digest('base64'),
             'qZk+NkcGgWq6PiVxeFDCbJzQ2J0=');
assert.equal(crypto.createHash('md5').update('abc', 'utf8').digest('base64'),
             'kAFQmDzST7DWlj99KOF/cg==');
assert.equal(crypto.createHash('sha256').update('abc', 'utf8').digest('base64'),
             'ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=');
var bin = crypto.createHash('sha1').update('x', 'utf8').digest('binary');
assert.equal(typeof bin, 'string');
assert.equal(bin.length, 20);
assert.equal(new Buffer(bin, 'binary').toString('hex'),
             '11f6ad8ec52a2984abaafd7c3b516503785c2072');
// Encoding names ignore case.
assert.equal(crypto.createHash('sha1').update('abc', 'utf8').digest('HEX'),
             vectors.sha1[1]);

// Input encodings: utf8, ascii, binary, and binary bytes above 0x7f.
// printf '\xc3\xa9' | openssl dgst -sha1 ; printf '\xe9' | openssl dgst -sha1
assert.equal(crypto.createHash('sha1').update('\u00e9', 'utf8').digest('hex'),
             'bf15be717ac1b080b4f1c456692825891ff5073d');
assert.equal(crypto.createHash('sha1').update('\u00e9', 'binary').digest('hex'),
             '1599e9fa41ec68c80230491902786bee889f5bcb');
// printf '\xe2\x82\xac' | openssl dgst -md5
assert.equal(crypto.createHash('md5').update('\u20ac', 'utf8').digest('hex'),
             'bca53fde466a76b7bee3e18997e94a7a');
assert.equal(crypto.createHash('md5').update('abc', 'ascii').digest('hex'),
             vectors.md5[1]);
// printf '\xff\x00\x80' | openssl dgst -sha256
assert.equal(crypto.createHash('sha256').update(new Buffer([0xff, 0, 0x80]))
             .digest('hex'),
             'ef192b7af54e943f206ab27075ec1805384c972c9959fc5820f1fa7d5268fcef');
assert.equal(crypto.createHash('sha256').update('\u00ff\u0000\u0080', 'binary')
             .digest('hex'),
             'ef192b7af54e943f206ab27075ec1805384c972c9959fc5820f1fa7d5268fcef');

// update() returns the hash, so calls chain.
var chained = crypto.createHash('md5');
assert.strictEqual(chained.update('a', 'utf8'), chained);

// OpenSSL's other names for the same digests (`openssl list
// -digest-algorithms`), in either case.
['SHA256', 'RSA-SHA256', 'sha256WithRSAEncryption'].forEach(function(name) {
  assert.equal(crypto.createHash(name).update('abc', 'utf8').digest('hex'),
               vectors.sha256[1], name);
});
['RSA-MD5', 'MD5', 'ssl3-md5', 'md5WithRSAEncryption'].forEach(function(name) {
  assert.equal(crypto.createHash(name).update('abc', 'utf8').digest('hex'),
               vectors.md5[1], name);
});
['RSA-SHA1', 'SHA1', 'ssl3-sha1', 'RSA-SHA1-2'].forEach(function(name) {
  assert.equal(crypto.createHash(name).update('abc', 'utf8').digest('hex'),
               vectors.sha1[1], name);
});
['RIPEMD160', 'rmd160', 'ripemd', 'RSA-RIPEMD160'].forEach(function(name) {
  assert.equal(crypto.createHash(name).update('abc', 'utf8').digest('hex'),
               vectors.ripemd160[1], name);
});
['sha512', 'SHA512', 'RSA-SHA512', 'sha384', 'sha224'].forEach(function(name) {
  assert.ok(crypto.createHash(name));
});

// An unknown digest.
assert.throws(function() { crypto.createHash('sha3000'); },
              function(e) {
                return e instanceof Error && /Digest method not supported/.test(e.message);
              });

// Data that is neither a string nor a Buffer.
[123, {}, null, undefined, [1, 2]].forEach(function(bad) {
  assert.throws(function() { crypto.createHash('sha1').update(bad); }, TypeError);
});

// ---- HMAC: RFC 2202 and RFC 4231 test cases (checked with
// `openssl dgst -ALGO -hmac KEY` / `-mac HMAC -macopt hexkey:KEY`).
function filled(n, byte) {
  var b = new Buffer(n);
  b.fill(byte);
  return b;
}
assert.equal(crypto.createHmac('md5', filled(16, 0x0b)).update('Hi There', 'utf8')
             .digest('hex'), '9294727a3638bb1c13f48ef8158bfc9d');
assert.equal(crypto.createHmac('sha1', filled(20, 0x0b)).update('Hi There', 'utf8')
             .digest('hex'), 'b617318655057264e28bc0b6fb378c8ef146be00');
var jefe = {
  md5: '750c783e6ab0b503eaa86e310a5db738',
  sha1: 'effcdf6ae5eb2fa2d27416d5f184df9c259a7c79',
  sha256: '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
  sha512: '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554' +
          '9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737',
  ripemd160: 'dda6c0213a485a9e24f4742064a7f033b43c4069'
};
Object.keys(jefe).forEach(function(algo) {
  var h = crypto.createHmac(algo, 'Jefe');
  assert.strictEqual(h.update('what do ya ', 'utf8'), h);
  h.update(new Buffer('want for nothing?'));
  assert.equal(h.digest('hex'), jefe[algo], 'HMAC-' + algo);
});
// A key longer than the block is hashed first.
assert.equal(crypto.createHmac('sha256', filled(131, 0xaa))
             .update('Test Using Larger Than Block-Size Key - Hash Key First', 'utf8')
             .digest('hex'),
             '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54');
// A string key is read as 'binary' in 0.7 and as utf8 today: the same for
// ASCII keys. base64 output:
assert.equal(crypto.createHmac('sha1', 'Jefe')
             .update('what do ya want for nothing?', 'utf8').digest('base64'),
             new Buffer(jefe.sha1, 'hex').toString('base64'));
// An Hmac digested twice gives '' (both in 0.7 and today).
var twice = crypto.createHmac('sha1', 'k');
twice.update('x', 'utf8');
twice.digest('hex');
assert.strictEqual(twice.digest('hex'), '');

assert.throws(function() { crypto.createHmac('sha1', 'k').update(5); }, TypeError);
assert.throws(function() { crypto.createHmac('nope', 'k'); }, Error);

console.log('ok');
