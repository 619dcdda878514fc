// process is an EventEmitter.
var assert = require('assert');
var EventEmitter = require('events').EventEmitter;
assert.ok(process instanceof EventEmitter);
var got = null;
process.on('custom', function (x) { got = x; assert.strictEqual(this, process); });
process.emit('custom', 42);
assert.strictEqual(got, 42);
