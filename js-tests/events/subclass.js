// Subclassing EventEmitter the ways Node 0.7 code does it.
var assert = require('assert');
var util = require('util');
var events = require('events');
var EventEmitter = events.EventEmitter;

// 1. The constructor is called, util.inherits sets up the prototype.
function Called() {
  EventEmitter.call(this);
  this.name = 'called';
}
util.inherits(Called, EventEmitter);
Called.prototype.fire = function(x) { return this.emit('fire', x); };

var c = new Called();
assert.ok(c instanceof Called);
assert.ok(c instanceof EventEmitter);
assert.strictEqual(Called.super_, EventEmitter);
var got;
c.on('fire', function(x) { got = [this, x]; });
assert.strictEqual(c.fire(7), true);
assert.strictEqual(got[0], c);
assert.strictEqual(got[1], 7);
assert.strictEqual(c.name, 'called');

// 2. The constructor is never called: listeners are set up on first use.
function Lazy() { this.name = 'lazy'; }
util.inherits(Lazy, EventEmitter);
var l = new Lazy();
assert.strictEqual(l.emit('x'), false);
assert.deepEqual(l.listeners('x'), []);
var lazy = new Lazy();
assert.strictEqual(lazy.removeListener('x', function() {}), lazy);
assert.strictEqual(lazy.removeAllListeners('x'), lazy);
assert.strictEqual(lazy.removeAllListeners(), lazy);
var n = 0;
var fresh = new Lazy();
fresh.once('x', function() { n++; });
fresh.on('x', function() { n++; });
fresh.emit('x');
fresh.emit('x');
assert.strictEqual(n, 3);
var er = new Error('lazy error');
assert.throws(function() { new Lazy().emit('error', er); },
              function(x) { return x === er; });

// Two instances of a subclass do not share listeners (the table is per
// instance, not on the prototype).
var p1 = new Lazy();
var p2 = new Lazy();
p1.on('x', function() {});
assert.strictEqual(p2.emit('x'), false);
var q1 = new Called();
var q2 = new Called();
q1.on('x', function() {});
assert.strictEqual(q2.emit('x'), false);

// 3. Prototype set by hand, the pre-util.inherits way.
function Manual() {}
Manual.prototype = new EventEmitter();
var m1 = new Manual();
var m2 = new Manual();
m1.on('x', function() {});
assert.ok(m1 instanceof EventEmitter);
assert.strictEqual(m1.emit('x'), true);
// Node 0.7's constructor creates nothing, so each instance gets its own
// listeners on first use. Today's constructor puts _events on the shared
// prototype object, so there m2 sees m1's listener.
var modernNode = /^v[1-9]/.test(String(process.version));
assert.strictEqual(m2.emit('x'), modernNode);

// 4. Mixing EventEmitter.prototype's methods into a plain object.
var plain = {};
for (var k in EventEmitter.prototype) plain[k] = EventEmitter.prototype[k];
var pv;
plain.on('v', function(v) { pv = v; });
assert.strictEqual(plain.emit('v', 'ok'), true);
assert.strictEqual(pv, 'ok');

// 5. Calling the methods on another object with .call.
var other = {};
EventEmitter.prototype.on.call(other, 'z', function() { pv = 'called'; });
EventEmitter.prototype.emit.call(other, 'z');
assert.strictEqual(pv, 'called');

// 6. A subclass overriding emit or on still works with the base methods.
function Logged() { EventEmitter.call(this); this.log = []; }
util.inherits(Logged, EventEmitter);
Logged.prototype.emit = function(type) {
  this.log.push(type);
  return EventEmitter.prototype.emit.apply(this, arguments);
};
var lg = new Logged();
lg.once('a', function() {});
lg.emit('a', 1);
lg.emit('a', 2);
assert.deepEqual(lg.log, ['a', 'a']);

// The emitter's own methods are not enumerable own properties of instances.
var plainEmitter = new EventEmitter();
assert.strictEqual(plainEmitter.hasOwnProperty('on'), false);
assert.strictEqual(typeof plainEmitter.on, 'function');
