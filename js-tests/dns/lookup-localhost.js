// dns.lookup('localhost') through the system resolver (the hosts file: no
// network needed): a loopback address, its family matching it (127.0.0.1
// or ::1, whichever the system lists first), the callback after lookup has
// returned; and with family 4, 127.0.0.1.
var assert = require('assert');
var dns = require('dns');

var seen = [];
var returned = false;

dns.lookup('localhost', function (err, address, family) {
  assert.ifError(err);
  assert.ok(returned, 'callback before lookup returned');
  assert.ok(address === '127.0.0.1' || address === '::1', address);
  assert.strictEqual(family, address === '::1' ? 6 : 4);
  seen.push('any');
});

dns.lookup('localhost', 4, function (err, address, family) {
  assert.ifError(err);
  assert.strictEqual(address, '127.0.0.1');
  assert.strictEqual(family, 4);
  seen.push('4');
});
returned = true;

process.on('exit', function () {
  assert.deepEqual(seen.sort(), ['4', 'any']);
});
