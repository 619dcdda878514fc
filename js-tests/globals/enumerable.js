// Only the globals Node 0.7 had are enumerable: scripts check
// for leaked globals with for-in. Today's Node has more (setImmediate,
// structuredClone, ...), so the exact list is checked for gojatls only.
var assert = require('assert');
var keys = [];
for (var k in global) {
  keys.push(k);
}
var allowed = ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval',
               'console', 'Buffer', 'process', 'global'];
keys.forEach(function (k) {
  if (process.version === 'v0.7.4') {
    assert.ok(allowed.indexOf(k) !== -1, 'unexpected enumerable global: ' + k);
  }
});
allowed.forEach(function (k) {
  assert.ok(k in global, 'missing global: ' + k);
});
assert.strictEqual(global.global, global);
assert.strictEqual(typeof require, 'function');
assert.strictEqual(typeof module, 'object');
assert.strictEqual(typeof exports, 'object');
assert.strictEqual(global.require, undefined);
assert.strictEqual(global.module, undefined);
assert.strictEqual(global.exports, undefined);
assert.strictEqual(global.__filename, undefined);
assert.strictEqual(this, module.exports);
