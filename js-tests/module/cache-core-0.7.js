// require() returns require.cache[name].exports for a core module name when
// the script put an entry there (0.7.4's Module._load looks in the cache
// before loading a native module), whatever its shape: 0.7 only asked
// whether the entry was truthy.
var assert = require('assert');
var util = require('util');
var mine = { mine: true };
require.cache.util = { exports: mine };
assert.strictEqual(require('util'), mine);
require.cache.util = {};
assert.strictEqual(require('util'), undefined);
require.cache.util = null;
assert.strictEqual(require('util'), util);
delete require.cache.util;
assert.strictEqual(require('util'), util);
// Built-in modules load their peers without looking in the cache.
require.cache.stream = { exports: {} };
assert.strictEqual(typeof require('net').Socket.prototype.pipe, 'function');
delete require.cache.stream;
