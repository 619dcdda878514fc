// util.inspect() output that Node 0.7.4 printed differently from today's
// Node. The expectations follow Node 0.7.4's lib/util.js and are written by
// hand; each case says what node v20 prints instead. This file fails under
// node v20 on purpose.
var assert = require('assert');
var util = require('util');

function check(value, expected) {
  assert.strictEqual(util.inspect(value), expected);
}

// Anonymous functions have no name part. (v20: '[Function (anonymous)]')
check(function() {}, '[Function]');

// Errors without extra properties are '[' + err.toString() + ']'.
// (v20: the stack)
check(new Error('boom'), '[Error: boom]');
check(new TypeError('bad'), '[TypeError: bad]');
check(new RangeError(), '[RangeError]');
check({ e: new Error('x') }, '{ e: [Error: x] }');
// With properties, the error comes first inside braces.
var err = new Error('boom');
err.code = 'E1';
err.errno = 34;
check(err, '{ [Error: boom] code: \'E1\', errno: 34 }');

// A date without properties prints as its toString(), in local time; one
// with properties shows toUTCString() first inside braces.
// (v20: '1970-01-01T00:00:00.000Z', and that before '{ a: 1 }')
check(new Date(0), Date.prototype.toString.call(new Date(0)));
assert.ok(/^[A-Z][a-z]{2} [A-Z][a-z]{2} \d\d \d{4} \d\d:\d\d:\d\d GMT[+-]\d{4}/.test(util.inspect(new Date(0))));
var d2012 = new Date(Date.UTC(2012, 1, 26, 16, 19, 34));
check(d2012, d2012.toString());
check({ when: d2012 }, '{ when: ' + d2012.toString() + ' }');
check(new Date(NaN), 'Invalid Date');
var date = new Date(0);
date.a = 1;
check(date, '{ Thu, 01 Jan 1970 00:00:00 GMT a: 1 }');

// Functions and regexps with properties. (v20: '[Function: f] { a: 1 }')
function f() {}
f.a = 1;
check(f, '{ [Function: f] a: 1 }');
var re = /x/g;
re.a = 1;
check(re, '{ /x/g a: 1 }');

// Negative zero is '' + -0. (v20: '-0')
check(-0, '0');
check([-0], '[ 0 ]');

// Holes print as nothing. (v20: '<1 empty item>')
check([1, , 3], '[ 1, , 3 ]');
check(new Array(3), '[ , ,  ]');
check([, 'a'], '[ , \'a\' ]');
var holes = ['foo', 'bar', 'baz'];
delete holes[1];
check(holes, '[ \'foo\', , \'baz\' ]');
assert.strictEqual(util.inspect(holes, true),
                   '[ \'foo\', , \'baz\', [length]: 3 ]');

// Circular references. (v20: '<ref *1> { self: [Circular *1] }')
var c = { name: 'c' };
c.self = c;
check(c, '{ name: \'c\', self: [Circular] }');
var a = [1];
a.push(a);
check(a, '[ 1, [Circular] ]');
var inner = { up: null };
var outer = { inner: inner };
inner.up = outer;
check(outer, '{ inner: { up: [Circular] } }');
// Only ancestors count: a value seen twice side by side is printed twice.
var shared = { x: 1 };
check({ a: shared, b: shared }, '{ a: { x: 1 }, b: { x: 1 } }');

// Arrays beyond the depth are [Object] too. (v20: '[Array]')
check({ a: { b: { c: [1] } } }, '{ a: { b: { c: [Object] } } }');
check([[[[1]]]], '[ [ [ [Object] ] ] ]');
// depth null: no limit, still on one line when short. (v20 breaks lines)
assert.strictEqual(util.inspect({ a: { b: { c: { d: { e: 1 } } } } }, false, null),
                   '{ a: { b: { c: { d: { e: 1 } } } } }');

// An inspect() method on the value is called with the depth left.
// (v20 ignores a method named inspect)
var custom = { inspect: function(depth) { return 'CUSTOM ' + depth; } };
check(custom, 'CUSTOM 2');
check({ a: custom }, '{ a: CUSTOM 1 }');
check([[custom]], '[ [ CUSTOM 0 ] ]');
assert.strictEqual(util.inspect(custom, false, 5), 'CUSTOM 5');
assert.strictEqual(util.inspect(custom, false, null), 'CUSTOM null');
// ... also when inherited, but not on the prototype object itself.
function Foo() { this.a = 1; }
Foo.prototype.inspect = function() { return 'FOO ' + this.a; };
check(new Foo(), 'FOO 1');
check(Foo.prototype, '{ inspect: [Function] }');
// The util module itself is printed, not asked.
assert.ok(/^\{ format: \[Function\],/.test(util.inspect(util)));

// No class names. (v20: 'Bar { b: 2 }', '[Object: null prototype] { n: 1 }')
function Bar() { this.b = 2; }
check(new Bar(), '{ b: 2 }');
var bare = Object.create(null);
bare.n = 1;
check(bare, '{ n: 1 }');

// Strings are JSON-escaped, then ' escaped. (v20: "it's", '\x01')
check('it\'s', '\'it\\\'s\'');
check('\u0001\u001f', '\'\\u0001\\u001f\'');
check({ 'a\'b': 1 }, '{ \'a\\\'b\': 1 }');
check({ 'a"b': 1 }, '{ \'a"b\': 1 }');

// Colors: dates magenta, [Circular] and [Function] cyan, errors plain.
assert.strictEqual(util.inspect(new Date(0), false, 2, true),
                   '\u001b[35m' + new Date(0).toString() + '\u001b[39m');
assert.strictEqual(util.inspect(c, false, 2, true),
                   '{ name: \u001b[32m\'c\'\u001b[39m, ' +
                   'self: \u001b[36m[Circular]\u001b[39m }');
assert.strictEqual(util.inspect(function() {}, false, 2, true),
                   '\u001b[36m[Function]\u001b[39m');
assert.strictEqual(util.inspect(new Error('x'), false, 2, true), '[Error: x]');
// The escape codes count towards the 60 characters after which 0.7 puts
// each property on its own line.
var five = { a: 1, b: 2, c: 3, d: 4, e: 5 };
check(five, '{ a: 1, b: 2, c: 3, d: 4, e: 5 }');
assert.strictEqual(util.inspect(five, false, 2, true),
                   '{ a: \u001b[33m1\u001b[39m,\n' +
                   '  b: \u001b[33m2\u001b[39m,\n' +
                   '  c: \u001b[33m3\u001b[39m,\n' +
                   '  d: \u001b[33m4\u001b[39m,\n' +
                   '  e: \u001b[33m5\u001b[39m }');
