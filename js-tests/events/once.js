// once(): the listener runs on the next emit only, and removeListener finds
// it by the function that was passed in.
var assert = require('assert');
var EventEmitter = require('events').EventEmitter;

// Today's Node hands 'newListener' the function given to once(); Node 0.7.4
// handed it the internal wrapper, whose .listener is that function (fixed in
// 0.7.5, nodejs/node-v0.x-archive#2826). We follow 0.7.4.
var modernNode = /^v[1-9]/.test(String(process.version));

var e = new EventEmitter();
var count = 0;
var args;
assert.strictEqual(e.once('x', function(a, b) {
  count++;
  args = [a, b];
  assert.strictEqual(this, e);
}), e);
assert.strictEqual(e.emit('x', 1, 2), true);
assert.strictEqual(e.emit('x', 3, 4), false);
assert.strictEqual(count, 1);
assert.deepEqual(args, [1, 2]);
assert.strictEqual(e.listeners('x').length, 0);

// once among ordinary listeners: the others stay, order is kept.
var log = [];
var e2 = new EventEmitter();
e2.on('x', function() { log.push('on1'); });
e2.once('x', function() { log.push('once'); });
e2.on('x', function() { log.push('on2'); });
e2.emit('x');
e2.emit('x');
assert.deepEqual(log, ['on1', 'once', 'on2', 'on1', 'on2']);

// Two once listeners for the same event both run on the first emit, even
// though the first removes itself from the array the second sits in.
var both = [];
var e3 = new EventEmitter();
e3.once('x', function() { both.push(1); });
e3.once('x', function() { both.push(2); });
e3.emit('x');
e3.emit('x');
assert.deepEqual(both, [1, 2]);

// removeListener with the original function removes a once listener.
var e4 = new EventEmitter();
function never() { throw new Error('should have been removed'); }
e4.once('x', never);
assert.strictEqual(e4.removeListener('x', never), e4);
assert.strictEqual(e4.emit('x'), false);

// ... also when it shares the event with others.
var kept = 0;
e4.on('x', function() { kept++; });
e4.once('x', never);
e4.on('x', function() { kept++; });
e4.removeListener('x', never);
e4.emit('x');
assert.strictEqual(kept, 2);

// A once listener that emits the same event again is not called again.
var e5 = new EventEmitter();
var n5 = 0;
e5.once('x', function() {
  n5++;
  e5.emit('x');
});
e5.emit('x');
assert.strictEqual(n5, 1);

// once passes many arguments through.
var e6 = new EventEmitter();
var got6;
e6.once('x', function() { got6 = Array.prototype.slice.call(arguments); });
e6.emit('x', 1, 2, 3, 4, 5, 6);
assert.deepEqual(got6, [1, 2, 3, 4, 5, 6]);

// The 'newListener' event for once().
var e7 = new EventEmitter();
var announced;
e7.on('newListener', function(type, listener) { announced = listener; });
function orig() {}
e7.once('y', orig);
if (modernNode) {
  assert.strictEqual(announced, orig);
} else {
  assert.notStrictEqual(announced, orig);
  assert.strictEqual(announced.listener, orig);
}

// once with a non-function listener throws (see errors.js for messages).
assert.throws(function() { e7.once('y', 'not a function'); }, Error);
