// assert: the documented API where Node 0.7.4 and today's Node agree (what
// passes, what throws, and the AssertionError's properties). Runs under node
// too; 0.7's message texts are checked in legacy-07.js.
var assert = require('assert');

var AssertionError = assert.AssertionError;

// Runs block, which must throw an AssertionError; returns it.
function failure(block) {
  try {
    block();
  } catch (e) {
    if (!(e instanceof AssertionError)) {
      throw new Error('expected an AssertionError, got ' + e);
    }
    return e;
  }
  throw new Error('expected an AssertionError, nothing was thrown');
}

// assert(value, message) and assert.ok(value, [message])
assert(true);
assert(1);
assert('x');
assert({});
assert.ok(true);
assert.ok([]);
[false, 0, '', null, undefined, NaN].forEach(function(v) {
  failure(function() { assert(v); });
  failure(function() { assert.ok(v); });
});
var e = failure(function() { assert.ok(false, 'my message'); });
assert.strictEqual(e.message, 'my message');
assert.strictEqual(e.actual, false);
assert.strictEqual(e.expected, true);
assert.strictEqual(e.operator, '==');
assert.strictEqual(e.name, 'AssertionError');
assert.ok(e instanceof Error);
e = failure(function() { assert(0, 'zero'); });
assert.strictEqual(e.message, 'zero');

// equal / notEqual use == and !=
assert.equal(1, 1);
assert.equal(1, '1');
assert.equal(null, undefined);
assert.equal(0, false);
assert.equal('', 0);
failure(function() { assert.equal(1, 2); });
failure(function() { assert.equal(null, 0); });
failure(function() { assert.equal({}, {}); });
e = failure(function() { assert.equal(1, 2, 'one is not two'); });
assert.strictEqual(e.message, 'one is not two');
assert.strictEqual(e.actual, 1);
assert.strictEqual(e.expected, 2);
assert.strictEqual(e.operator, '==');

assert.notEqual(1, 2);
assert.notEqual('a', 'b');
failure(function() { assert.notEqual(1, '1'); });
e = failure(function() { assert.notEqual(null, undefined, 'nullish'); });
assert.strictEqual(e.operator, '!=');
assert.strictEqual(e.message, 'nullish');
assert.strictEqual(e.actual, null);
assert.strictEqual(e.expected, undefined);

// strictEqual / notStrictEqual use === and !==
assert.strictEqual(1, 1);
assert.strictEqual('a', 'a');
var o = {};
assert.strictEqual(o, o);
failure(function() { assert.strictEqual(1, '1'); });
failure(function() { assert.strictEqual({}, {}); });
failure(function() { assert.strictEqual(null, undefined, 'strict'); });

assert.notStrictEqual(1, '1');
assert.notStrictEqual({}, {});
failure(function() { assert.notStrictEqual(2, 2); });
e = failure(function() { assert.notStrictEqual(o, o, 'same'); });
assert.strictEqual(e.actual, o);
assert.strictEqual(e.expected, o);

// deepEqual / notDeepEqual
assert.deepEqual(1, 1);
assert.deepEqual(4, '4');
assert.deepEqual({ a: 4 }, { a: '4' });
assert.deepEqual([1, 2, 3], [1, 2, 3]);
assert.deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] });
assert.deepEqual({ a: 1, b: 2 }, { b: 2, a: 1 });
assert.deepEqual(new Date(2000, 3, 14), new Date(2000, 3, 14));
assert.deepEqual(new Buffer('abc'), new Buffer('abc'));
assert.deepEqual([], []);
assert.deepEqual({}, {});
(function() {
  var args1 = arguments;
  (function() {
    assert.deepEqual(args1, arguments);
  })(1, 2);
})(1, 2);
failure(function() { assert.deepEqual({ a: 1 }, { a: 2 }); });
failure(function() { assert.deepEqual({ a: 1 }, { a: 1, b: 2 }); });
failure(function() { assert.deepEqual({ a: 1 }, { b: 1 }); });
failure(function() { assert.deepEqual([1, 2], [1, 2, 3]); });
failure(function() { assert.deepEqual([1, 2, 3], [1, 3, 2]); });
failure(function() { assert.deepEqual(new Date(2000, 3, 14), new Date(2000, 3, 15)); });
failure(function() { assert.deepEqual(new Buffer('abc'), new Buffer('abd')); });
failure(function() { assert.deepEqual(new Buffer('abc'), new Buffer('ab')); });
failure(function() { assert.deepEqual('ab', { 0: 'a', 1: 'b' }); });
failure(function() { assert.deepEqual(1, {}); });
failure(function() { assert.deepEqual({ a: { b: [1] } }, { a: { b: [2] } }); });
(function() {
  var args = arguments;
  failure(function() { assert.deepEqual(args, [1, 2]); });
})(1, 2);
e = failure(function() { assert.deepEqual([1], [2], 'deep'); });
assert.strictEqual(e.operator, 'deepEqual');
assert.strictEqual(e.message, 'deep');
assert.deepEqual(e.actual, [1]);

assert.notDeepEqual({ a: 1 }, { a: 2 });
assert.notDeepEqual([1, 2], [2, 1]);
assert.notDeepEqual(new Date(1), new Date(2));
failure(function() { assert.notDeepEqual({ a: [1] }, { a: [1] }); });
e = failure(function() { assert.notDeepEqual(1, '1', 'loose'); });
assert.strictEqual(e.operator, 'notDeepEqual');
assert.strictEqual(e.message, 'loose');

// throws(block, [error], [message])
assert.throws(function() { throw new Error('Wrong value'); });
assert.throws(function() { throw new Error('Wrong value'); }, Error);
assert.throws(function() { throw new TypeError('x'); }, TypeError);
assert.throws(function() { throw new TypeError('x'); }, Error);
assert.throws(function() { throw new Error('Wrong value'); }, /value/);
assert.throws(function() { throw new Error('Wrong value'); }, function(err) {
  if ((err instanceof Error) && /value/.test(err)) {
    return true;
  }
}, 'unexpected error');
assert.throws(function() { throw new AssertionError({ actual: 1, expected: 2, operator: '==' }); },
              AssertionError);
assert.throws(function() { assert.equal(1, 2); }, AssertionError);
// A string second argument is the message.
assert.throws(function() { throw new Error('x'); }, 'a message');
// Nothing thrown.
e = failure(function() { assert.throws(function() {}); });
assert.strictEqual(e.actual, undefined);
failure(function() { assert.throws(function() {}, Error); });
failure(function() { assert.throws(function() {}, /x/, 'msg'); });
// doesNotThrow(block, [error], [message])
assert.doesNotThrow(function() {});
assert.doesNotThrow(function() { return 1; }, 'message');
failure(function() {
  assert.doesNotThrow(function() { throw new TypeError('x'); }, TypeError);
});
failure(function() {
  assert.doesNotThrow(function() { throw new Error('Wrong value'); }, /value/);
});
// An error that does not match the given one is thrown again unchanged.
var thrown = new RangeError('range');
try {
  assert.doesNotThrow(function() { throw thrown; }, TypeError);
  throw new Error('not reached');
} catch (err) {
  assert.strictEqual(err, thrown);
}

// ifError(value)
assert.ifError(null);
assert.ifError(undefined);
assert.throws(function() { assert.ifError(new Error('callback error')); }, /callback error/);

// fail(actual, expected, message, operator)
e = failure(function() { assert.fail(1, 2, 'failed', '>'); });
assert.strictEqual(e.message, 'failed');
assert.strictEqual(e.actual, 1);
assert.strictEqual(e.expected, 2);
assert.strictEqual(e.operator, '>');
e = failure(function() { assert.fail(1, 2, undefined, '>'); });
assert.strictEqual(e.message, '1 > 2');

// Generated messages for numbers and booleans read the same in 0.7 and today.
assert.strictEqual(failure(function() { assert.equal(1, 2); }).message, '1 == 2');
assert.strictEqual(failure(function() { assert.notEqual(3, 3); }).message, '3 != 3');
assert.strictEqual(failure(function() { assert.equal(true, false); }).message, 'true == false');

// AssertionError made directly.
e = new AssertionError({ message: 'direct', actual: 'a', expected: 'b', operator: 'op' });
assert.ok(e instanceof Error);
assert.ok(e instanceof AssertionError);
assert.strictEqual(e.name, 'AssertionError');
assert.strictEqual(e.message, 'direct');
assert.strictEqual(e.actual, 'a');
assert.strictEqual(e.expected, 'b');
assert.strictEqual(e.operator, 'op');
assert.strictEqual(typeof e.stack, 'string');
assert.ok(/direct/.test(e.stack));
