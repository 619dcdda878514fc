// crypto.randomBytes where Node 0.7.4 and today's node agree.
var assert = require('assert');
var crypto = require('crypto');

// Sync: a Buffer of the size asked for.
var a = crypto.randomBytes(32);
var b = crypto.randomBytes(32);
assert.ok(Buffer.isBuffer(a));
assert.equal(a.length, 32);
assert.notEqual(a.toString('hex'), b.toString('hex'));
assert.equal(crypto.randomBytes(0).length, 0);
assert.equal(crypto.randomBytes(1000).length, 1000);

// Sizes that are not numbers from 0 up throw (0.7: TypeError; today
// TypeError or RangeError).
[-1, 'x', Math.pow(2, 32), {}].forEach(function(bad) {
  assert.throws(function() { crypto.randomBytes(bad); }, Error);
  assert.throws(function() { crypto.randomBytes(bad, function() {}); }, Error);
});

// Async: the callback runs later, with (null, buffer).
var pending = 3;
var sync = true;
[1, 16, 256].forEach(function(size) {
  crypto.randomBytes(size, function(err, buf) {
    assert.ok(!sync);
    assert.strictEqual(err, null);
    assert.ok(Buffer.isBuffer(buf));
    assert.equal(buf.length, size);
    if (--pending === 0) console.log('ok');
  });
});
sync = false;
process.on('exit', function() {
  assert.equal(pending, 0);
});
