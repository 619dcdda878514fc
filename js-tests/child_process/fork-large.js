// A 4 MiB message goes to the child and comes back whole (it is split
// across many reads and written in many pieces), and small messages sent
// around it keep their places.
var assert = require('assert');
var cp = require('child_process');
var common = require('./_common');
var mustCall = common.mustCall;

var watchdog = setTimeout(function () {
  throw new Error('fork-large stalled');
}, 60000);
watchdog.unref();

var big = common.pattern(3 * 1024 * 1024).toString('base64'); // 4 MiB of text
assert.strictEqual(big.length, 4 * 1024 * 1024);

var child = cp.fork(__dirname + '/_fork-echo.js');
var got = [];
child.on('message', function (m) {
  got.push(m);
  if (got.length === 4) {
    assert.strictEqual(got[0], 'before');
    assert.strictEqual(typeof got[1], 'object');
    assert.strictEqual(got[1].big.length, big.length);
    assert.ok(got[1].big === big, 'the big message came back unchanged');
    assert.strictEqual(got[2], 'after');
    assert.deepEqual(got[3], { array: [big.length, 'x'] });
    child.disconnect();
  }
});
child.on('exit', mustCall(function (code) {
  assert.strictEqual(got.length, 4);
  assert.strictEqual(code, 0);
}));
child.send('before');
child.send({ big: big });
child.send('after');
child.send({ array: [big.length, 'x'] });
