// console.assert is assert.ok with a util.format message: it throws an
// AssertionError (Node 0.7.4; node v20 only prints 'Assertion failed', so
// this test is for 0.7 only).
var assert = require('assert');

console.assert(true);
console.assert(1, 'not %s', 'shown');
console.assert('x');
console.assert({});

function thrown(fn) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('console.assert did not throw');
}

var err = thrown(function() { console.assert(false, 'value was %d', 42); });
assert.ok(err instanceof assert.AssertionError);
assert.strictEqual(err.name, 'AssertionError');
assert.strictEqual(err.message, 'value was 42');
assert.strictEqual(err.actual, false);
assert.strictEqual(err.expected, true);

err = thrown(function() { console.assert(0, 'a', 'b', { c: 1 }); });
assert.strictEqual(err.message, 'a b { c: 1 }');

err = thrown(function() { console.assert(null); });
assert.strictEqual(err.name, 'AssertionError');
err = thrown(function() { console.assert(); });
assert.strictEqual(err.name, 'AssertionError');
err = thrown(function() { console.assert(''); });
assert.strictEqual(err.name, 'AssertionError');

// Works as a bare function.
var check = console.assert;
check(true);
err = thrown(function() { check(false, 'bare'); });
assert.strictEqual(err.message, 'bare');
