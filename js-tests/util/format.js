// util.format() where Node 0.7.4 and today's Node agree (checked under node
// v20). The cases where they differ are in format-0.7.js.
var assert = require('assert');
var util = require('util');

// The documentation's examples.
assert.strictEqual(util.format('%s:%s', 'foo'), 'foo:%s');
assert.strictEqual(util.format('%s:%s', 'foo', 'bar', 'baz'), 'foo:bar baz');
assert.strictEqual(util.format(1, 2, 3), '1 2 3');

// No arguments, one string, no placeholders.
assert.strictEqual(util.format(), '');
assert.strictEqual(util.format('hello'), 'hello');
assert.strictEqual(util.format(''), '');
assert.strictEqual(util.format('a', 'b', 'c'), 'a b c');

// %s
assert.strictEqual(util.format('%s', 'x'), 'x');
assert.strictEqual(util.format('%s', 42), '42');
assert.strictEqual(util.format('%s', null), 'null');
assert.strictEqual(util.format('%s', undefined), 'undefined');
assert.strictEqual(util.format('%s', true), 'true');
assert.strictEqual(util.format('%s%s', 'a', 'b'), 'ab');

// %d
assert.strictEqual(util.format('%d', 42), '42');
assert.strictEqual(util.format('%d', 1.5), '1.5');
assert.strictEqual(util.format('%d', '42'), '42');
assert.strictEqual(util.format('%d', 'x'), 'NaN');
assert.strictEqual(util.format('%d', -7), '-7');
assert.strictEqual(util.format('count: %d', 3), 'count: 3');

// %j
assert.strictEqual(util.format('%j', { a: 1, b: [1, 'x'] }), '{"a":1,"b":[1,"x"]}');
assert.strictEqual(util.format('%j', 'str'), '"str"');
assert.strictEqual(util.format('%j', 5), '5');
assert.strictEqual(util.format('%j', null), 'null');
assert.strictEqual(util.format('%j', undefined), 'undefined');
var circular = { name: 'c' };
circular.self = circular;
assert.strictEqual(util.format('%j', circular), '[Circular]');
// An error that is not about a circular structure is not swallowed.
assert.throws(function() {
  util.format('%j', { toJSON: function() { throw new RangeError('nope'); } });
}, RangeError);

// %% when arguments are left.
assert.strictEqual(util.format('%% %s', 'a'), '% a');
assert.strictEqual(util.format('%%s%s', 'foo'), '%sfoo');
// A lone format string is returned as it is, %% included.
assert.strictEqual(util.format('100%%'), '100%%');

// Unknown placeholders stay.
assert.strictEqual(util.format('%x %s', 1), '%x 1');
assert.strictEqual(util.format('%', 1), '% 1');

// Extra arguments: objects are inspected, the rest converted to strings.
assert.strictEqual(util.format('a', { b: 1 }), 'a { b: 1 }');
assert.strictEqual(util.format('a', [1, 2]), 'a [ 1, 2 ]');
assert.strictEqual(util.format('a', 'b', 3, true), 'a b 3 true');
assert.strictEqual(util.format('a', null, undefined), 'a null undefined');
assert.strictEqual(util.format('%s', 'a', { b: 'c' }), 'a { b: \'c\' }');

// A first argument that is not a string: every argument is inspected.
assert.strictEqual(util.format({ a: 1 }, 2), '{ a: 1 } 2');
assert.strictEqual(util.format(null), 'null');
assert.strictEqual(util.format(undefined), 'undefined');
assert.strictEqual(util.format([1], [2]), '[ 1 ] [ 2 ]');
