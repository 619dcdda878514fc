// A host name that does not resolve: 'error' with code ENOTFOUND and
// syscall 'getaddrinfo' (the lookup failed, not the connect), for connect
// and for listen. ('.invalid' never resolves, by RFC 2606.)
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

var host = 'no-such-host.invalid';

var c = net.connect(80, host);
c.on('connect', function () {
  // A resolver that answers for everything: nothing to test here.
  console.log('SKIP: the resolver answers for ' + host);
  process.exit(0);
});
c.on('error', mustCall(function (err) {
  assert.strictEqual(err.code, 'ENOTFOUND');
  assert.strictEqual(err.syscall, 'getaddrinfo');
  if (common.is07) assert.strictEqual(err.message, 'getaddrinfo ENOTFOUND');
}));
c.on('close', mustCall(function (hadError) {
  assert.strictEqual(hadError, true);
}));

var s = net.createServer();
s.on('listening', common.mustNotCall('listening on ' + host));
s.on('error', mustCall(function (err) {
  assert.strictEqual(err.code, 'ENOTFOUND');
  assert.strictEqual(err.syscall, 'getaddrinfo');
  assert.strictEqual(s.address(), null);
}));
s.listen(0, host);
