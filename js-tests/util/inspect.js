// util.inspect() where Node 0.7.4 and today's Node print the same (checked
// under node v20). What 0.7 printed differently is in inspect-0.7.js and
// inspect-wrap.js.
var assert = require('assert');
var util = require('util');

function check(value, expected) {
  assert.strictEqual(util.inspect(value), expected);
}

// Primitives.
check(1, '1');
check(1.5, '1.5');
check(-3, '-3');
check(NaN, 'NaN');
check(Infinity, 'Infinity');
check(-Infinity, '-Infinity');
check(true, 'true');
check(false, 'false');
check(undefined, 'undefined');
check(null, 'null');
check('x', '\'x\'');
check('', '\'\'');
check('a"b', '\'a"b\'');
check('a\nb\tc\\d', '\'a\\nb\\tc\\\\d\'');
check('caf\u00e9', '\'caf\u00e9\'');

// Objects and arrays.
check({}, '{}');
check([], '[]');
check({ a: 1, b: 'x' }, '{ a: 1, b: \'x\' }');
check([1, 2, 3], '[ 1, 2, 3 ]');
check(['a', null, undefined, true], '[ \'a\', null, undefined, true ]');
check({ a: [1, 2], b: { c: {} } }, '{ a: [ 1, 2 ], b: { c: {} } }');
check([[1, [2]]], '[ [ 1, [ 2 ] ] ]');

// Keys are quoted unless they are identifiers ($ counts as not one).
check({ 'a-b': 1 }, '{ \'a-b\': 1 }');
check({ 1: 'one' }, '{ \'1\': \'one\' }');
check({ $x: 1 }, '{ \'$x\': 1 }');
check({ _y: 1, Z9: 2 }, '{ _y: 1, Z9: 2 }');
check({ 'a b': 1 }, '{ \'a b\': 1 }');
check({ '': 1 }, '{ \'\': 1 }');

// Array properties that are not indexes follow the elements.
var arr = [1, 2];
arr.foo = 'bar';
check(arr, '[ 1, 2, foo: \'bar\' ]');

// Depth: two levels by default, then [Object].
check({ a: { b: { c: { d: 1 } } } }, '{ a: { b: { c: [Object] } } }');
// Empty objects are printed at any depth.
check({ a: { b: { c: {} } } }, '{ a: { b: { c: {} } } }');
assert.strictEqual(util.inspect({ a: { b: 1 } }, false, 0), '{ a: [Object] }');
assert.strictEqual(util.inspect({ a: { b: { c: 1 } } }, false, 1),
                   '{ a: { b: [Object] } }');
assert.strictEqual(util.inspect({ a: { b: { c: 1 } } }, false, null),
                   '{ a: { b: { c: 1 } } }');
assert.strictEqual(util.inspect({ a: 1 }, false, 0), '{ a: 1 }');

// Functions with names, regexps.
function foo() {}
check(foo, '[Function: foo]');
check({ f: foo }, '{ f: [Function: foo] }');
check(/a\/b/gi, '/a\\/b/gi');
check({ r: /x/ }, '{ r: /x/ }');
check(new RegExp('a+b', 'm'), '/a+b/m');

// Getters and setters are not called.
var o = {};
Object.defineProperty(o, 'gs', { get: function() { throw new Error('called'); },
                                 set: function() {}, enumerable: true });
Object.defineProperty(o, 'g', { get: function() { throw new Error('called'); },
                                enumerable: true });
Object.defineProperty(o, 's', { set: function() {}, enumerable: true });
check(o, '{ gs: [Getter/Setter], g: [Getter], s: [Setter] }');

// showHidden shows non-enumerable properties in brackets.
var hidden = { a: 1 };
Object.defineProperty(hidden, 'b', { value: 2, enumerable: false });
check(hidden, '{ a: 1 }');
assert.strictEqual(util.inspect(hidden, true), '{ a: 1, [b]: 2 }');
assert.strictEqual(util.inspect([1, 2], true), '[ 1, 2, [length]: 2 ]');
assert.strictEqual(util.inspect([], true), '[ [length]: 0 ]');

// Colors.
assert.strictEqual(util.inspect(5, false, 2, true), '\u001b[33m5\u001b[39m');
assert.strictEqual(util.inspect(true, false, 2, true), '\u001b[33mtrue\u001b[39m');
assert.strictEqual(util.inspect('s', false, 2, true), '\u001b[32m\'s\'\u001b[39m');
assert.strictEqual(util.inspect(null, false, 2, true), '\u001b[1mnull\u001b[22m');
assert.strictEqual(util.inspect(undefined, false, 2, true),
                   '\u001b[90mundefined\u001b[39m');
assert.strictEqual(util.inspect(/x/, false, 2, true), '\u001b[31m/x/\u001b[39m');
assert.strictEqual(util.inspect(foo, false, 2, true),
                   '\u001b[36m[Function: foo]\u001b[39m');
// Property names are not colored.
assert.strictEqual(util.inspect({ a: 1 }, false, 2, true),
                   '{ a: \u001b[33m1\u001b[39m }');
assert.strictEqual(util.inspect({ a: { b: {} } }, false, 0, true),
                   '{ a: \u001b[36m[Object]\u001b[39m }');
// colors false or missing: no escapes.
assert.strictEqual(util.inspect(5, false, 2, false), '5');

// Buffers use their own inspect().
check(new Buffer('abc'), '<Buffer 61 62 63>');
check({ b: new Buffer([0, 255]) }, '{ b: <Buffer 00 ff> }');

// The documentation's example does not throw.
assert.strictEqual(typeof util.inspect(util, true, null), 'string');
