// A host name that does not resolve: 'error' with code ENOTFOUND and
// syscall 'getaddrinfo' (the lookup failed, not the connect), for connect
// and for listen. ('.invalid' never resolves, by RFC 2606.)
var assert = require('assert');
var net = require('net');
var common = require('./_common');

var host = 'no-such-host.invalid';
var seen = [];
var skipped = false;

// A resolver that answers for everything: nothing to test here. The skip
// comes before any check has run or is due at exit, so it exits with 0.
function skip() {
  skipped = true;
  console.log('SKIP: the resolver answers for ' + host);
  process.exit(0);
}

var c = net.connect(80, host);
c.on('connect', skip);
c.on('error', function (err) {
  if (err.syscall === 'connect' && err.code !== 'ENOTFOUND') {
    skip(); // the lookup gave an address; connecting to it failed
  }
  assert.strictEqual(err.code, 'ENOTFOUND');
  assert.strictEqual(err.syscall, 'getaddrinfo');
  if (common.is07) assert.strictEqual(err.message, 'getaddrinfo ENOTFOUND');
  seen.push('connect error');
});
c.on('close', function (hadError) {
  assert.strictEqual(hadError, true);
  seen.push('connect close');
  listen();
});

function listen() {
  var s = net.createServer();
  s.on('listening', common.mustNotCall('listening on ' + host));
  s.on('error', function (err) {
    assert.strictEqual(err.code, 'ENOTFOUND');
    assert.strictEqual(err.syscall, 'getaddrinfo');
    assert.strictEqual(s.address(), null);
    seen.push('listen error');
  });
  s.listen(0, host);
}

process.on('exit', function () {
  if (!skipped) {
    assert.deepEqual(seen, ['connect error', 'connect close', 'listen error']);
  }
});
