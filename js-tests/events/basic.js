// EventEmitter basics: on/addListener, emit's arguments, `this`, order and
// return values.
var assert = require('assert');
var events = require('events');
var EventEmitter = events.EventEmitter;

assert.strictEqual(typeof EventEmitter, 'function');
assert.strictEqual(EventEmitter.prototype.on, EventEmitter.prototype.addListener);

var e = new EventEmitter();
assert.ok(e instanceof EventEmitter);

// emit with no listeners returns false, with one returns true.
assert.strictEqual(e.emit('nothing'), false);
assert.strictEqual(e.emit('nothing', 1, 2, 3, 4, 5), false);

// on() returns the emitter, so calls chain.
var calls = [];
assert.strictEqual(e.on('a', function() { calls.push('a1'); }), e);
assert.strictEqual(e.addListener('a', function() { calls.push('a2'); }), e);
e.on('a', function() { calls.push('a3'); });
assert.strictEqual(e.emit('a'), true);
assert.deepEqual(calls, ['a1', 'a2', 'a3']);

// Listeners run in the order they were added, synchronously, each time.
calls = [];
e.emit('a');
e.emit('a');
assert.deepEqual(calls, ['a1', 'a2', 'a3', 'a1', 'a2', 'a3']);

// Arguments reach the listener exactly, for every count (the fast paths for
// 0-3 arguments and the general one), with one listener and with several.
function checkArgs(n, several) {
  var em = new EventEmitter();
  var want = [];
  for (var i = 0; i < n; i++) want.push({ n: i });
  var got = [];
  function record() {
    assert.strictEqual(this, em);
    got.push(Array.prototype.slice.call(arguments));
  }
  em.on('x', record);
  if (several) em.on('x', record);
  assert.strictEqual(em.emit.apply(em, ['x'].concat(want)), true);
  assert.strictEqual(got.length, several ? 2 : 1);
  for (var j = 0; j < got.length; j++) {
    assert.strictEqual(got[j].length, n, n + ' args');
    for (var k = 0; k < n; k++) assert.strictEqual(got[j][k], want[k]);
  }
}
for (var n = 0; n <= 6; n++) {
  checkArgs(n, false);
  checkArgs(n, true);
}

// undefined arguments are passed as given, not dropped.
var seen;
e.on('u', function() { seen = arguments.length; });
e.emit('u', undefined, undefined);
assert.strictEqual(seen, 2);

// `this` is the emitter, for on and once, one listener or several.
var thisValues = [];
var t = new EventEmitter();
t.on('t', function() { thisValues.push(this); });
t.emit('t');
t.on('t', function() { thisValues.push(this); });
t.once('t', function() { thisValues.push(this); });
t.emit('t');
assert.strictEqual(thisValues.length, 4);
thisValues.forEach(function(v) { assert.strictEqual(v, t); });

// Event names are any string; those of Object.prototype are ordinary names.
var odd = new EventEmitter();
assert.strictEqual(odd.emit('constructor'), false);
assert.strictEqual(odd.emit('toString'), false);
assert.strictEqual(odd.emit('hasOwnProperty'), false);
var hits = 0;
odd.on('constructor', function() { hits++; });
odd.on('__proto__', function() { hits++; });
odd.on('', function() { hits++; });
assert.strictEqual(odd.emit('constructor'), true);
assert.strictEqual(odd.emit('__proto__'), true);
assert.strictEqual(odd.emit(''), true);
assert.strictEqual(hits, 3);

// The same function can be added twice and then runs twice.
var twice = 0;
var e2 = new EventEmitter();
function inc() { twice++; }
e2.on('x', inc);
e2.on('x', inc);
e2.emit('x');
assert.strictEqual(twice, 2);

// A listener added during emit is not called by that emit, only the next.
var e3 = new EventEmitter();
var order = [];
e3.on('x', function() {
  order.push('first');
  e3.on('x', function() { order.push('added'); });
});
e3.emit('x');
assert.deepEqual(order, ['first']);
e3.emit('x');
assert.deepEqual(order, ['first', 'first', 'added']);

// emit is re-entrant: a listener may emit on the same emitter.
var e4 = new EventEmitter();
var depth = [];
e4.on('r', function(n) {
  depth.push(n);
  if (n < 3) e4.emit('r', n + 1);
});
e4.emit('r', 0);
assert.deepEqual(depth, [0, 1, 2, 3]);

// An exception from a listener propagates out of emit and stops the rest.
var e5 = new EventEmitter();
var after = false;
e5.on('x', function() { throw new Error('boom'); });
e5.on('x', function() { after = true; });
assert.throws(function() { e5.emit('x'); }, /boom/);
assert.strictEqual(after, false);

// Each emitter has its own listeners.
var a = new EventEmitter();
var b = new EventEmitter();
a.on('x', function() {});
assert.strictEqual(b.emit('x'), false);
assert.strictEqual(a.emit('x'), true);

// Node 0.7's constructor sets nothing on the instance, so a new emitter has
// no own properties (and util.inspect shows {}); today's Node sets
// _events, _eventsCount, _maxListeners and more.
if (!/^v[1-9]/.test(String(process.version))) {
  assert.deepEqual(Object.keys(new EventEmitter()), []);
}
