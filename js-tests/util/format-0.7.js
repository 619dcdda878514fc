// util.format() cases where Node 0.7.4 differs from today's Node. These
// expectations follow Node 0.7.4's lib/util.js and are written by hand; they
// fail under node v20 (noted per case).
var assert = require('assert');
var util = require('util');

// 0.7 checked "any arguments left?" before looking at the placeholder, so a
// %% after the last argument is kept. (v20: 'a %')
assert.strictEqual(util.format('%s %%', 'a'), 'a %%');
assert.strictEqual(util.format('%s:%%:%s', 'x'), 'x:%%:%s');

// A non-string first argument: strings are inspected, so they get quotes.
// (v20: '1 a')
assert.strictEqual(util.format(1, 'a'), '1 \'a\'');

// %s is String(): objects print as [object Object]. (v20: '{ a: 1 }')
assert.strictEqual(util.format('%s', { a: 1 }), '[object Object]');
assert.strictEqual(util.format('%s', [1, 2]), '1,2');

// Extra function arguments are not objects, so they are converted with
// String(), which gives their source. (v20: 'a [Function: f]')
function f() { return 1; }
assert.strictEqual(util.format('a', f), 'a ' + String(f));

// %d of -0 is '' + -0. (v20: '-0')
assert.strictEqual(util.format('%d', -0), '0');
