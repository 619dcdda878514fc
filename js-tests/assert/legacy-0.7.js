// assert: what Node 0.7.4 did that today's Node changed (message texts,
// operator names, the looser deepEqual, throws() re-throwing). This test
// fails under node v20 on purpose.
var assert = require('assert');

function failure(block) {
  try {
    block();
  } catch (e) {
    if (!(e instanceof assert.AssertionError)) {
      throw e;
    }
    return e;
  }
  throw new Error('expected an AssertionError, nothing was thrown');
}

function message(block) {
  return failure(block).message;
}

// Generated messages: JSON forms of actual and expected around the operator
// (today's Node uses util.inspect and longer texts).
assert.strictEqual(message(function() { assert.equal(1, 2); }), '1 == 2');
assert.strictEqual(message(function() { assert.equal('a', 'b'); }), '"a" == "b"');
assert.strictEqual(message(function() { assert.notEqual('a', 'a'); }), '"a" != "a"');
assert.strictEqual(message(function() { assert.strictEqual(1, '1'); }), '1 === "1"');
assert.strictEqual(message(function() { assert.strictEqual(undefined, null); }),
                   '"undefined" === null');
assert.strictEqual(message(function() { assert.notStrictEqual(2, 2); }), '2 !== 2');
assert.strictEqual(message(function() { assert.ok(false); }), 'false == true');
assert.strictEqual(message(function() { assert(0); }), '0 == true');
assert.strictEqual(message(function() { assert(''); }), '"" == true');
assert.strictEqual(message(function() { assert.ok(undefined); }), '"undefined" == true');
assert.strictEqual(message(function() { assert.ok(NaN); }), '"NaN" == true');
assert.strictEqual(message(function() { assert.equal(Infinity, -Infinity); }),
                   '"Infinity" == "-Infinity"');
assert.strictEqual(message(function() { assert.deepEqual({ a: 1 }, { a: [2, 'x'] }); }),
                   '{"a":1} deepEqual {"a":[2,"x"]}');
assert.strictEqual(message(function() { assert.notDeepEqual([1], [1]); }),
                   '[1] notDeepEqual [1]');
assert.strictEqual(message(function() { assert.equal(/a/g, 1); }), '"/a/g" == 1');
assert.strictEqual(message(function() { assert.deepEqual({ u: undefined }, 1); }),
                   '{"u":"undefined"} deepEqual 1');
assert.strictEqual(message(function() { assert.fail('x', 'y', undefined, 'op'); }),
                   '"x" op "y"');
// Each side is cut to 128 characters.
var long = new Array(201).join('x');
assert.strictEqual(message(function() { assert.equal(long, 1); }),
                   ('"' + long).slice(0, 128) + ' == 1');
// A cycle cannot be JSON: its String form is used.
var cyc = {};
cyc.self = cyc;
assert.strictEqual(message(function() { assert.equal(cyc, 1); }), '[object Object] == 1');

// toString and stack start with 'AssertionError: message'.
var e = failure(function() { assert.equal(1, 2); });
assert.strictEqual(e.toString(), 'AssertionError: 1 == 2');
assert.strictEqual(String(e), 'AssertionError: 1 == 2');
assert.strictEqual(e.stack.split('\n')[0], 'AssertionError: 1 == 2');
e = failure(function() { assert.ok(false, 'custom'); });
assert.strictEqual(e.toString(), 'AssertionError: custom');
assert.strictEqual(e.stack.split('\n')[0], 'AssertionError: custom');

// Own enumerable properties, in 0.7's order (no code or generatedMessage).
assert.deepEqual(Object.keys(e), ['name', 'message', 'actual', 'expected', 'operator']);

// Operators as 0.7 named them.
assert.strictEqual(failure(function() { assert.strictEqual(1, 2); }).operator, '===');
assert.strictEqual(failure(function() { assert.notStrictEqual(1, 1); }).operator, '!==');
assert.strictEqual(failure(function() { assert.ok(false); }).operator, '==');
// A custom message is kept as given.
assert.strictEqual(message(function() { assert.strictEqual(1, 2, 'mine'); }), 'mine');

// equal and deepEqual use plain ==, so NaN is never equal to itself.
failure(function() { assert.equal(NaN, NaN); });
assert.notEqual(NaN, NaN);
failure(function() { assert.deepEqual(NaN, NaN); });
failure(function() { assert.deepEqual([NaN], [NaN]); });

// 0.7's deepEqual only looks at own enumerable keys.
assert.deepEqual([], {});
assert.deepEqual(/a/g, /b/);
assert.deepEqual(new Error('a'), new TypeError('b'));
function A() { this.x = 1; }
function B() { this.x = 1; }
assert.deepEqual(new A(), new B());
assert.deepEqual({ 0: 'a', 1: 'b' }, ['a', 'b']);
failure(function() { assert.deepEqual({ 0: 'a', 1: 'b', length: 2 }, ['a', 'b']); });
// null and undefined are objects-vs-not, so unequal.
failure(function() { assert.deepEqual(null, undefined); });
failure(function() { assert.deepEqual(null, {}); });
assert.notDeepEqual(null, undefined);
// Functions compare as values (== on non-objects).
failure(function() { assert.deepEqual(function() {}, function() {}); });
// Only the first argument being an arguments object is special.
(function() {
  var args = arguments;
  failure(function() { assert.deepEqual(args, [1, 2]); });
  assert.deepEqual([1, 2], args);
})(1, 2);

// throws: the texts of the "missing" failures, with 0.7's doubled period.
assert.strictEqual(message(function() { assert.throws(function() {}); }),
                   'Missing expected exception..');
assert.strictEqual(message(function() { assert.throws(function() {}, Error); }),
                   'Missing expected exception (Error)..');
assert.strictEqual(message(function() { assert.throws(function() {}, 'because'); }),
                   'Missing expected exception. because');
assert.strictEqual(message(function() { assert.throws(function() {}, TypeError, 'because'); }),
                   'Missing expected exception (TypeError). because');
assert.strictEqual(message(function() {
  assert.doesNotThrow(function() { throw new TypeError('t'); }, TypeError);
}), 'Got unwanted exception (TypeError)..');
assert.strictEqual(message(function() {
  assert.doesNotThrow(function() { throw new TypeError('t'); }, TypeError, 'oops');
}), 'Got unwanted exception (TypeError). oops');

// A thrown value that does not match is thrown again unchanged.
var thrown = new RangeError('range');
function rethrown(block) {
  try {
    block();
  } catch (err) {
    return err;
  }
  throw new Error('nothing thrown');
}
assert.strictEqual(rethrown(function() {
  assert.throws(function() { throw thrown; }, /nomatch/);
}), thrown);
assert.strictEqual(rethrown(function() {
  assert.throws(function() { throw thrown; }, TypeError);
}), thrown);
assert.strictEqual(rethrown(function() {
  assert.throws(function() { throw thrown; }, function() { return false; });
}), thrown);
// doesNotThrow re-throws whatever the block threw.
assert.strictEqual(rethrown(function() {
  assert.doesNotThrow(function() { throw thrown; });
}), thrown);
assert.strictEqual(rethrown(function() {
  assert.doesNotThrow(function() { throw thrown; }, 'message');
}), thrown);

// ifError throws its argument itself when it is truthy.
var err = new Error('callback error');
assert.strictEqual(rethrown(function() { assert.ifError(err); }), err);
assert.strictEqual(rethrown(function() { assert.ifError('text'); }), 'text');
assert.ifError(0);
assert.ifError(false);
assert.ifError('');
