// The console global is require('console'), its methods are plain functions
// (checked under node v20 too).
var assert = require('assert');
var cons = require('console');

assert.strictEqual(cons, console);
['log', 'info', 'warn', 'error', 'dir', 'time', 'timeEnd', 'trace', 'assert'
].forEach(function(name) {
  assert.strictEqual(typeof console[name], 'function', name);
});
assert.strictEqual(console.log.call({}, 'x'), undefined);
assert.strictEqual(console.error.call(null, 'x'), undefined);
