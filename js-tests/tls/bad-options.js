// Bad key material and bad option lists throw synchronously with a message
// naming the option.
var assert = require('assert');
var tls = require('tls');
var crypto = require('crypto');
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

// Holes in list options are TypeErrors naming the entry; an absurd length
// is refused before anything is allocated for it.
function throwsNaming(fn, Type, re) {
  assert.throws(fn, function (err) { return err instanceof Type && re.test(err.message); }, String(re));
}
throwsNaming(function () { tls.connect({ port: 1, ca: [, fixture('ca-root-cert.pem')] }); }, TypeError, /^options\.ca\[0\] must be a string or a Buffer$/);
throwsNaming(function () { tls.connect({ port: 1, crl: new Array(2) }); }, TypeError, /^options\.crl\[0\] /);
throwsNaming(function () { tls.connect({ port: 1, NPNProtocols: ['a', , 'c'] }); }, TypeError, /^options\.NPNProtocols\[1\] /);
throwsNaming(function () { tls.connect({ port: 1, ALPNProtocols: new Array(2) }); }, TypeError, /^options\.ALPNProtocols\[0\] /);
throwsNaming(function () { tls.createServer({ NPNProtocols: [, 'a'] }).listen(0); }, TypeError, /^options\.NPNProtocols\[0\] /);
throwsNaming(function () { crypto.createCredentials({ ca: [, 'x'] }); }, TypeError, /^options\.ca\[0\] /);
var huge = [fixture('ca-root-cert.pem')];
huge.length = 4294967295;
throwsNaming(function () { tls.connect({ port: 1, ca: huge }); }, RangeError, /^options\.ca has 4294967295 entries/);
throwsNaming(function () { tls.connect({ port: 1, ALPNProtocols: new Array(4294967295) }); }, RangeError, /^options\.ALPNProtocols has 4294967295 entries/);

// A servername no server would take (OpenSSL refuses it in a ClientHello)
// is refused before anything is sent.
function badServername(err) {
  return err instanceof TypeError && err.code === 'ERR_INVALID_ARG_VALUE' && /servername/.test(err.message);
}
assert.throws(function () { tls.connect({ port: 1, servername: new Array(257).join('a') }); }, badServername);
assert.throws(function () { tls.connect({ port: 1, servername: 'a\u0000b.test' }); }, badServername);
assert.throws(function () { tls.connect(1, 'localhost', { servername: new Array(200).join('\u00e9') }); }, badServername);
