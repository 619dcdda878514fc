// clearTimeout and clearInterval leave the timer as Node 0.7.4's
// lib/timers.js did: ontimeout and _onTimeout null, the list links
// (_idleNext, _idlePrev) null, _idleTimeout -1. A timer that already fired
// is cleared the same way.
var assert = require('assert');

function checkCleared(t) {
  assert.strictEqual(t._idleTimeout, -1);
  assert.strictEqual(t._onTimeout, null);
  assert.strictEqual(t.ontimeout, null);
  assert.strictEqual(t._idleNext, null);
  assert.strictEqual(t._idlePrev, null);
}

var t = setTimeout(function () { assert.fail('cleared timer fired'); }, 1000);
assert.strictEqual(t._idleTimeout, 1000);
clearTimeout(t);
checkCleared(t);

var i = setInterval(function () { assert.fail('cleared interval fired'); }, 1000);
clearInterval(i);
checkCleared(i);

var fired = setTimeout(function () {
  process.nextTick(function () {
    clearTimeout(fired);
    checkCleared(fired);
    done = true;
  });
}, 1);
var done = false;
process.on('exit', function () { assert.ok(done); });
