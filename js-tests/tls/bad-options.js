// Bad key material throws synchronously with a message naming the option.
var assert = require('assert');
var tls = require('tls');
var fixture = require('./_fixtures');

assert.throws(function () {
  tls.createServer({ key: 'not a key', cert: fixture('server-cert.pem') });
}, /key/);
assert.throws(function () {
  tls.createServer({ key: fixture('server-key.pem'), cert: 'not a cert' });
}, /cert/);
assert.throws(function () {
  tls.connect({ port: 1, ca: ['not a certificate'] });
}, /ca/);
assert.throws(function () {
  tls.createServer({ key: 42 });
}, TypeError);
// A server with no key or certificate may be created.
var s = tls.createServer({});
assert.ok(s instanceof tls.Server);
