// DiffieHellman where Node 0.7.4 differs from today's node: 'binary'
// strings by default, computeSecret's output encoding defaulting to its
// input encoding, small generated primes, and 0.7's error messages.
var assert = require('assert');
var crypto = require('crypto');

function throwsWith(fn, message) {
  assert.throws(fn, function(e) {
    return e instanceof Error && e.message === message;
  });
}
function hex(binaryString) {
  return new Buffer(binaryString, 'binary').toString('hex');
}

// RFC 2409's 1024-bit MODP prime and the keys of dh.js.
var P = 'ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74' +
        '020bbea63b139b22514a08798e3404ddef9519b3cd3a431b302b0a6df25f1437' +
        '4fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b0bff5cb6f406b7ed' +
        'ee386bfb5a899fa5ae9f24117c4b1fe649286651ece65381ffffffffffffffff';
var a = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
var B = '06377c99288b235eb159a163b9c7f2acfa4b4292abd09cc44ff7c109647c3b10' +
        '3e86ea91cd2f822c0603811110b3e9e17b2621476416ed551c4648bdd2c00ce9' +
        '888e096393780f1156dafaeae0aaa820cc7ef249951c50b58a1cfd606085b5b7' +
        '1ff4dec507042549ab9bbcae47d61a07f7a1ea2b546ffb3e479ed2e09f445226';
var S = '50d09ef9f5cd867bfe6840fc352520b2b92605d4ca19c954c0977d7ef36451bc' +
        '6b71a35c11751b06cfacac64301fa66893cc11c888d22b0bef230826eaa145e3' +
        'cf22488ebf79a159c47225b7c13ff295b8e088110e1552d53d635f2836368a16' +
        'fe720e3d365b5e198868069e2638e0785f48021eab47036740058194140af5db';
function binary(h) { return new Buffer(h, 'hex').toString('binary'); }

// The prime as a 'binary' string (the default); results as 'binary'
// strings.
var alice = crypto.createDiffieHellman(binary(P));
alice.setPrivateKey(binary(a));
var pub = alice.generateKeys();
assert.equal(typeof pub, 'string');
assert.equal(hex(alice.getPrime()), P);
assert.strictEqual(alice.getGenerator(), '\u0002');
assert.equal(hex(alice.computeSecret(binary(B))), S);
// Output encoding defaults to the input encoding (today: a Buffer).
assert.equal(alice.computeSecret(B, 'hex'), S);
// setPublicKey and setPrivateKey return the object.
assert.strictEqual(alice.setPublicKey(pub), alice);

// A prime of the given bit length, generated (with generator 2): today's
// OpenSSL refuses lengths this small.
var gen = crypto.createDiffieHellman(128);
assert.equal(gen.getPrime().length, 16);
assert.ok(gen.getPrime().charCodeAt(0) >= 0x80);
var peer = crypto.createDiffieHellman(gen.getPrime('base64'), 'base64');
var gk = gen.generateKeys('base64');
var pk = peer.generateKeys('base64');
assert.equal(gen.computeSecret(pk, 'base64', 'hex'), peer.computeSecret(gk, 'base64', 'hex'));
assert.ok(crypto.createDiffieHellman(128) instanceof crypto.DiffieHellman);

// Errors, with 0.7's messages.
throwsWith(function() { crypto.createDiffieHellman(); }, 'Initialization failed');
throwsWith(function() { crypto.createDiffieHellman(0); }, 'Initialization failed');
throwsWith(function() { crypto.createDiffieHellman({}); }, 'Initialization failed');
throwsWith(function() { crypto.createDiffieHellman(-8); }, 'Initialization failed');
var fresh = crypto.createDiffieHellman(P, 'hex');
throwsWith(function() { fresh.getPublicKey(); },
           'No public key - did you forget to generate one?');
throwsWith(function() { fresh.getPrivateKey(); },
           'No private key - did you forget to generate one?');
throwsWith(function() { fresh.computeSecret(B, 'hex'); },
           'No private key - did you forget to generate one?');
fresh.generateKeys();
throwsWith(function() { fresh.computeSecret(); },
           'First argument must be other party\'s public key');
throwsWith(function() { fresh.computeSecret('01', 'hex'); }, 'Supplied key is too small');
throwsWith(function() { fresh.computeSecret(P, 'hex'); }, 'Supplied key is too large');
throwsWith(function() { fresh.setPublicKey(); }, 'First argument must be public key');
throwsWith(function() { fresh.setPrivateKey(); }, 'First argument must be private key');
assert.throws(function() { fresh.computeSecret(5); }, TypeError);
throwsWith(function() { crypto.DiffieHellman.prototype.generateKeys.call(
    new crypto.Hash('md5')); }, 'DiffieHellman expected');

// An encoding it does not know: undefined (and a complaint on stderr).
assert.strictEqual(fresh.getPrime('utf8'), undefined);

console.log('ok');
