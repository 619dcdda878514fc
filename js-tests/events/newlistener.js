// The 'newListener' event.
var assert = require('assert');
var EventEmitter = require('events').EventEmitter;

var e = new EventEmitter();
var log = [];
function foo() {}
function bar() {}

// Adding the first 'newListener' listener does not announce itself.
e.on('newListener', function(event, listener) {
  assert.strictEqual(this, e);
  // Emitted before the listener is added.
  log.push([event, listener, e.listeners(event).length]);
});
assert.deepEqual(log, []);

e.on('foo', foo);
e.addListener('foo', bar);
assert.strictEqual(log.length, 2);
assert.strictEqual(log[0][0], 'foo');
assert.strictEqual(log[0][1], foo);
assert.strictEqual(log[0][2], 0);
assert.strictEqual(log[1][1], bar);
assert.strictEqual(log[1][2], 1);

// A second 'newListener' listener is announced to the first.
log = [];
function second() {}
e.on('newListener', second);
assert.strictEqual(log.length, 1);
assert.strictEqual(log[0][0], 'newListener');
assert.strictEqual(log[0][1], second);

// Removing listeners announces nothing.
log = [];
e.removeListener('foo', foo);
e.removeAllListeners('foo');
assert.deepEqual(log, []);

// A 'newListener' listener may add listeners itself (to other events).
var f = new EventEmitter();
var added = [];
f.on('newListener', function(event) {
  added.push(event);
  if (event === 'data') f.on('data-seen', function() {});
});
f.on('data', function() {});
assert.deepEqual(added, ['data', 'data-seen']);
assert.strictEqual(f.listeners('data-seen').length, 1);
assert.strictEqual(f.listeners('data').length, 1);
