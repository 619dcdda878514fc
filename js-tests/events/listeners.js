// listeners(event) returns an array of the event's listeners.
var assert = require('assert');
var util = require('util');
var EventEmitter = require('events').EventEmitter;

// Node 0.7 returns the emitter's own array: the docs say it "can be
// manipulated, e.g. to remove listeners". Today's Node returns a copy and
// unwraps once() listeners. We follow 0.7.
var modernNode = /^v[1-9]/.test(String(process.version));

function a() {}
function b() {}

var e = new EventEmitter();
assert.ok(Array.isArray(e.listeners('x')));
assert.strictEqual(e.listeners('x').length, 0);

e.on('x', a);
assert.deepEqual(e.listeners('x'), [a]);
e.on('x', b);
assert.deepEqual(e.listeners('x'), [a, b]);
assert.deepEqual(e.listeners('y'), []);

// The docs' example: inspect of the array.
var server = new EventEmitter();
server.on('connection', function(stream) {});
assert.strictEqual(util.inspect(server.listeners('connection')), '[ [Function] ]'.replace(
  '[Function]', modernNode ? '[Function (anonymous)]' : '[Function]'));

// once() listeners appear too (0.7: as the wrapper, whose .listener is the
// function given).
var o = new EventEmitter();
o.once('x', a);
var l = o.listeners('x');
assert.strictEqual(l.length, 1);
if (modernNode) {
  assert.strictEqual(l[0], a);
} else {
  assert.strictEqual(l[0].listener, a);
}

if (!modernNode) {
  // Manipulating the returned array changes who is called.
  var calls = [];
  var m = new EventEmitter();
  m.on('x', function() { calls.push(1); });
  m.on('x', function() { calls.push(2); });
  m.listeners('x').splice(0, 1);
  m.emit('x');
  assert.deepEqual(calls, [2]);

  // Also with a single listener (stored unwrapped until asked for).
  calls = [];
  var s = new EventEmitter();
  s.on('x', function() { calls.push('only'); });
  s.listeners('x').length = 0;
  s.emit('x');
  assert.deepEqual(calls, []);

  // Pushing onto the array adds a listener.
  var p = new EventEmitter();
  p.listeners('x').push(function() { calls.push('pushed'); });
  p.emit('x');
  assert.deepEqual(calls, ['pushed']);

  // Repeated calls give the same array.
  assert.strictEqual(p.listeners('x'), p.listeners('x'));

  // Emptying the 'error' array means nobody listens: the error is thrown.
  var er = new Error('x');
  var q = new EventEmitter();
  q.on('error', a);
  q.listeners('error').pop();
  assert.throws(function() { q.emit('error', er); }, function(x) { return x === er; });
} else {
  // Today's Node: a copy.
  var c = new EventEmitter();
  c.on('x', a);
  c.listeners('x').pop();
  assert.strictEqual(c.emit('x'), true);
}
