// removeListener and removeAllListeners.
var assert = require('assert');
var EventEmitter = require('events').EventEmitter;
var modernNode = /^v[1-9]/.test(String(process.version));

function a() { calls.push('a'); }
function b() { calls.push('b'); }
function c() { calls.push('c'); }
var calls = [];

// Removing the only listener.
var e = new EventEmitter();
e.on('x', a);
assert.strictEqual(e.removeListener('x', a), e);
assert.strictEqual(e.emit('x'), false);
assert.deepEqual(calls, []);

// Removing from the middle keeps the order of the rest.
e.on('x', a);
e.on('x', b);
e.on('x', c);
e.removeListener('x', b);
e.emit('x');
assert.deepEqual(calls, ['a', 'c']);

// Removing every listener one by one: emit returns false again.
e.removeListener('x', a);
e.removeListener('x', c);
assert.strictEqual(e.emit('x'), false);

// A function added twice is removed one at a time. Node 0.7 removes the
// first one; today's Node removes the last.
calls = [];
e.on('x', a);
e.on('x', b);
e.on('x', a);
e.removeListener('x', a);
e.emit('x');
assert.deepEqual(calls, modernNode ? ['a', 'b'] : ['b', 'a']);
e.removeAllListeners('x');

// Removing something never added, or from an unknown event, or from an
// emitter that never had listeners, is a no-op that returns the emitter.
var fresh = new EventEmitter();
assert.strictEqual(fresh.removeListener('x', a), fresh);
e.on('x', a);
assert.strictEqual(e.removeListener('x', b), e);
assert.strictEqual(e.removeListener('nope', a), e);
calls = [];
e.emit('x');
assert.deepEqual(calls, ['a']);
e.removeListener('x', a);

// A listener removed during emit still runs in that emit (emit works on a
// copy), but not in the next.
calls = [];
var e2 = new EventEmitter();
e2.on('x', function() { calls.push('remover'); e2.removeListener('x', b); });
e2.on('x', b);
e2.emit('x');
assert.deepEqual(calls, ['remover', 'b']);
calls = [];
e2.emit('x');
assert.deepEqual(calls, ['remover']);

// A listener removing itself, with two listeners.
calls = [];
var e3 = new EventEmitter();
function self() { calls.push('self'); e3.removeListener('x', self); }
e3.on('x', self);
e3.on('x', a);
e3.emit('x');
e3.emit('x');
assert.deepEqual(calls, ['self', 'a', 'a']);

// removeAllListeners during emit: the current emit still calls everyone.
calls = [];
var e4 = new EventEmitter();
e4.on('x', function() { calls.push('first'); e4.removeAllListeners('x'); });
e4.on('x', a);
e4.emit('x');
assert.deepEqual(calls, ['first', 'a']);
assert.strictEqual(e4.emit('x'), false);

// removeAllListeners(event) removes that event's listeners only.
calls = [];
var e5 = new EventEmitter();
e5.on('x', a);
e5.on('x', b);
e5.on('y', c);
assert.strictEqual(e5.removeAllListeners('x'), e5);
assert.strictEqual(e5.emit('x'), false);
assert.strictEqual(e5.emit('y'), true);
assert.deepEqual(calls, ['c']);
assert.deepEqual(e5.listeners('x'), []);
// ...and new listeners can be added afterwards.
e5.on('x', a);
assert.strictEqual(e5.emit('x'), true);

// removeAllListeners() removes everything.
calls = [];
var e6 = new EventEmitter();
e6.on('x', a);
e6.on('y', b);
e6.once('z', c);
assert.strictEqual(e6.removeAllListeners(), e6);
assert.strictEqual(e6.emit('x'), false);
assert.strictEqual(e6.emit('y'), false);
assert.strictEqual(e6.emit('z'), false);
assert.deepEqual(calls, []);
e6.on('x', a);
e6.emit('x');
assert.deepEqual(calls, ['a']);

// removeAllListeners on an emitter that never had any.
var e7 = new EventEmitter();
assert.strictEqual(e7.removeAllListeners('x'), e7);
assert.strictEqual(e7.removeAllListeners(), e7);
assert.strictEqual(e7.emit('x'), false);

// After removeAllListeners('error'), an 'error' is thrown again.
var e8 = new EventEmitter();
e8.on('error', function() {});
e8.removeAllListeners('error');
var er = new Error('unheard');
assert.throws(function() { e8.emit('error', er); }, function(x) { return x === er; });
