// Sign and Verify where Node 0.7.4 and today's node agree (output formats
// given explicitly). RSA PKCS #1 v1.5 signatures are deterministic: each
// expected one was made with
//   printf '%s' "$fox" | openssl dgst -DIGEST -sign fixtures/rsa-key.pem
// and checked with today's node.
var assert = require('assert');
var crypto = require('crypto');
var fs = require('fs');

function fixture(name) {
  return fs.readFileSync(__dirname + '/fixtures/' + name, 'ascii');
}
var rsaKey = fixture('rsa-key.pem');
var rsaKeyPKCS8 = fixture('rsa-key-pkcs8.pem');
var rsaPub = fixture('rsa-pub.pem');
var rsaCert = fixture('rsa-cert.pem');
var ecKey = fixture('ec-key.pem');
var ecPub = fixture('ec-pub.pem');

var fox = 'The quick brown fox jumps over the lazy dog';
var sha256Sig =
    '8f24084f44f526e714846085fc7e3572b1dcdbb31d27375b255c1a03e998db9a' +
    '8f0d11fe3a152f6d21de0ffe94cb8977f3af8ca06efca14e823bf7c2ac7d6b27' +
    'e1ac500cdfd69e2248270e043f762e0ef86ae604c567ec0955d0b4f9e3c702d4' +
    '6038dede42b90abc41f288237f0586cef5e93dad2cc3c035d1671b48c5180f57' +
    'd1f5afa9aca86e3642568493e96ef5cbbc22edc154133728a5deab9f21d2612e' +
    'a8dfaeab9f73c0ffc995d00e2c01e879d50dd424a4e2bbd86685af60b20e4bd1' +
    'e6fda26f30b585af8248c437c553dd39eb276938f725437a66fbe012fee5a03a' +
    '2aac05c5bea79232688a3e3760ea8bff941347e1a7890cf79e93933600fb6c54';
var sha1Sig64 =
    'dQ+zW0NaFtjPnSB+FHW0cS3N4aoZH9aDm0/R8hFPnmdOrfgtGKX8ZZG7cEW6B3KBz9q+kD3w' +
    'e7v+sujC0nUAGl/jxAvEDRGCs/QU0xd+CQlqeuTX1MWbTu6szpcazKTvxwMB9NqNzLpfOBrb' +
    'XGBvBtAfrG/xfq/vg8PU9tQ+ZqX9RUwESoYp2+4TgZyXROh3/FnmRtjK3UK1wzQul+aZy7Q3' +
    '0aoTS0c+yCnX9jBo0z+BxRvScMLnBuFFT9nKZwSM2O6PiM+0Q0rSnuVL5Yz7DPv/ojg7Bgq5' +
    '5i6vv8Aaadr7YTMgOM0wKT01sDEOzN8k/6GlInxIT8Qkw8PtrtWWhw==';
var md5Sig =
    'a17e45f5d6d0e278e00c67d3f570752949a9892c4d7b8bb6fc25b428bac5b15e' +
    '44664f8cd623ca6354cfe2a9addb15010ba9eda599d2b571201f549a28c00501' +
    'cf131b6db1ad3451ac3cc8c5cb8626e8cbe0d74984414ca7866220c6599a40d8' +
    '6c7f6501347322ea694b16dd7cf245c9c7bf7cec0332e9865316f35322b47963' +
    '68b304bdc2d23b4e23cf24b5698e813484c3945b1fe3aa00bf3f5ab10340cee6' +
    '002b29f6532724638d1fcae2bb1c6aeb4c6225b64c9c5a5f0eee22d9726e1a37' +
    'f75a2a3db2d7614ade44a53c09d01cd2fe7d51ed2180f3f5347d188464762f49' +
    '30725e98b40305e0aa086d0beb08d2ef1437353a494d1f178872fede7d884c02';
var ripemdSig =
    '52d37c89924c66556e0881dad3691e502477812f6859bb29ec4a824e9f8291dc' +
    '81d8c883b6f4435681107431acd2bf3303bc83e4234bdc6c076f00b6a32d8e63' +
    '80ef23e616d274fe27e28388be9c71f024e8068aceea8ec771fdd2334a7d00e6' +
    '80b351c434ef1097b56085975d090df8dd4da517ca5c35c3765596dfd5fc16f2' +
    'dbc04146108c1e46686a7612f29d8ef7a9e47e532091e1c30c13f3a49741750d' +
    '15573c460f46349030ddf6b67a6f9ae2b3e91b290265d6ae5f94b2fe8d8992eb' +
    'f398f09498480971d3f69f7096d76e597cb220e5e837f45d593736ed976be4c9' +
    'cce5a6ba1901f57936bc832f289af1c09f2e1f6cee7cc0c3f62c5a2fad160608';

function sign(algo, key, format) {
  var s = crypto.createSign(algo);
  assert.strictEqual(s.update(fox.slice(0, 10), 'utf8'), s);
  s.update(new Buffer(fox.slice(10)));
  return s.sign(key, format);
}
function verify(algo, object, sig, format, data) {
  var v = crypto.createVerify(algo);
  assert.strictEqual(v.update(data === undefined ? fox : data, 'utf8'), v);
  return v.verify(object, sig, format);
}

assert.equal(sign('RSA-SHA256', rsaKey, 'hex'), sha256Sig);
assert.equal(sign('sha256', rsaKey, 'hex'), sha256Sig);
assert.equal(sign('RSA-SHA256', rsaKeyPKCS8, 'hex'), sha256Sig);
assert.equal(sign('RSA-SHA1', rsaKey, 'base64'), sha1Sig64);
assert.equal(sign('RSA-MD5', rsaKey, 'hex'), md5Sig);
assert.equal(sign('RSA-RIPEMD160', rsaKey, 'hex'), ripemdSig);
assert.equal(new Buffer(sign('RSA-SHA256', rsaKey, 'binary'), 'binary').toString('hex'),
             sha256Sig);
// A Buffer key.
assert.equal(sign('RSA-SHA256', new Buffer(rsaKey), 'hex'), sha256Sig);

// Verify with a public key or a certificate, in each format.
[rsaPub, rsaCert, new Buffer(rsaCert)].forEach(function(object) {
  assert.strictEqual(verify('RSA-SHA256', object, sha256Sig, 'hex'), true);
  assert.strictEqual(verify('RSA-SHA1', object, sha1Sig64, 'base64'), true);
  assert.strictEqual(verify('RSA-MD5', object, new Buffer(md5Sig, 'hex').toString('binary'),
                            'binary'), true);
  assert.strictEqual(verify('RSA-RIPEMD160', object, ripemdSig, 'hex'), true);
  // Other data, another digest, a damaged signature: false.
  assert.strictEqual(verify('RSA-SHA256', object, sha256Sig, 'hex', fox + '.'), false);
  assert.strictEqual(verify('RSA-SHA1', object, sha256Sig, 'hex'), false);
  assert.strictEqual(verify('RSA-SHA256', object, '00' + sha256Sig.slice(2), 'hex'),
                     false);
});

// ECDSA: randomized, so check a round trip and a signature made with
// printf '%s' "$fox" | openssl dgst -sha256 -sign fixtures/ec-key.pem
var ecSig = '30460221009616977ec6b6da30f6fafbf60e7dd346e09c6f2d1b329d8e591e78951076b04d' +
            '022100d595cfdb17cd5dfa41e2b3484fb531aee460ad2ed13be039e1dfeed52ac45aa2';
assert.strictEqual(verify('sha256', ecPub, ecSig, 'hex'), true);
assert.strictEqual(verify('sha256', ecPub, ecSig, 'hex', 'other'), false);
assert.strictEqual(verify('sha256', ecPub, sign('sha256', ecKey, 'hex'), 'hex'), true);
assert.strictEqual(verify('sha256', rsaPub, ecSig, 'hex'), false);

// Unknown digests and wrong arguments throw.
assert.throws(function() { crypto.createSign('nope'); });
assert.throws(function() { crypto.createVerify('nope'); });
assert.throws(function() { crypto.createSign('RSA-SHA256').update(5); }, TypeError);
assert.throws(function() { crypto.createVerify('RSA-SHA256').update({}); }, TypeError);

console.log('ok');
