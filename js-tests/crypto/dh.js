// DiffieHellman where Node 0.7.4 and today's node agree: a given prime
// (RFC 2409's 1024-bit MODP group), fixed private keys and explicit
// encodings. The public keys and the secret were computed with Python's
// pow(2, a, P) and pow(B, a, P) and checked with today's node.
var assert = require('assert');
var crypto = require('crypto');

var P = 'ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74' +
        '020bbea63b139b22514a08798e3404ddef9519b3cd3a431b302b0a6df25f1437' +
        '4fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b0bff5cb6f406b7ed' +
        'ee386bfb5a899fa5ae9f24117c4b1fe649286651ece65381ffffffffffffffff';
var a = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
var b = 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210';
var A = '8087115ed28670eee8569b39819c1e0003bb1e0f70cadbd632353cb3c71b2c4d' +
        'afe38b35465b8c1fc4c8d838665b3612f2aad22ff8b5fe51da0146e651371d4c' +
        'c2a761e4bfa8bf5a0adff684de103f2e3b8635dad11f1ef6314701c5ba1fc47f' +
        '5e97c9c6d1b93db12ad2e353516a92f841105e21b0112be2d2b7d12d91261fad';
var B = '06377c99288b235eb159a163b9c7f2acfa4b4292abd09cc44ff7c109647c3b10' +
        '3e86ea91cd2f822c0603811110b3e9e17b2621476416ed551c4648bdd2c00ce9' +
        '888e096393780f1156dafaeae0aaa820cc7ef249951c50b58a1cfd606085b5b7' +
        '1ff4dec507042549ab9bbcae47d61a07f7a1ea2b546ffb3e479ed2e09f445226';
var S = '50d09ef9f5cd867bfe6840fc352520b2b92605d4ca19c954c0977d7ef36451bc' +
        '6b71a35c11751b06cfacac64301fa66893cc11c888d22b0bef230826eaa145e3' +
        'cf22488ebf79a159c47225b7c13ff295b8e088110e1552d53d635f2836368a16' +
        'fe720e3d365b5e198868069e2638e0785f48021eab47036740058194140af5db';

var alice = crypto.createDiffieHellman(P, 'hex');
alice.setPrivateKey(a, 'hex');
assert.equal(alice.generateKeys('hex'), A);
var bob = crypto.createDiffieHellman(new Buffer(P, 'hex'));
bob.setPrivateKey(new Buffer(b, 'hex'));
assert.equal(bob.generateKeys('hex'), B);

assert.equal(alice.computeSecret(B, 'hex', 'hex'), S);
assert.equal(bob.computeSecret(new Buffer(A, 'hex').toString('base64'), 'base64', 'hex'), S);
assert.equal(alice.computeSecret(B, 'hex', 'base64'), new Buffer(S, 'hex').toString('base64'));

assert.equal(alice.getPrime('hex'), P);
assert.equal(alice.getPrime('base64'), new Buffer(P, 'hex').toString('base64'));
assert.equal(alice.getGenerator('hex'), '02');
assert.equal(alice.getPublicKey('hex'), A);
assert.equal(alice.getPrivateKey('hex'), a);

// Fresh random keys agree too.
var c1 = crypto.createDiffieHellman(P, 'hex');
var c2 = crypto.createDiffieHellman(P, 'hex');
var k1 = c1.generateKeys('hex');
var k2 = c2.generateKeys('hex');
assert.notEqual(k1, k2);
assert.equal(c1.computeSecret(k2, 'hex', 'hex'), c2.computeSecret(k1, 'hex', 'hex'));

// A public key set by hand.
var d = crypto.createDiffieHellman(P, 'hex');
d.setPublicKey(A, 'hex');
assert.equal(d.getPublicKey('hex'), A);

console.log('ok');
