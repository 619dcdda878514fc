// require('stream') is the Stream constructor, an EventEmitter.
var assert = require('assert');
var util = require('util');
var EventEmitter = require('events').EventEmitter;
var Stream = require('stream');

var modernNode = /^v[1-9]/.test(String(process.version));

assert.strictEqual(typeof Stream, 'function');
assert.strictEqual(Stream.Stream, Stream);
assert.strictEqual(require('stream').Stream, Stream);
assert.strictEqual(typeof Stream.prototype.pipe, 'function');

var s = new Stream();
assert.ok(s instanceof Stream);
assert.ok(s instanceof EventEmitter);

// It has everything an EventEmitter has.
var got;
s.on('data', function(d) { got = [this, d]; });
assert.strictEqual(s.emit('data', 'x'), true);
assert.strictEqual(got[0], s);
assert.strictEqual(got[1], 'x');
assert.throws(function() { s.emit('error', new Error('unheard')); }, /unheard/);

// The base class has pipe() only: no readable/writable flags, and no
// pause/resume/write/end of its own.
assert.strictEqual(s.readable, undefined);
assert.strictEqual(s.writable, undefined);
assert.strictEqual(Stream.prototype.pause, undefined);
assert.strictEqual(Stream.prototype.resume, undefined);
assert.strictEqual(Stream.prototype.write, undefined);
assert.strictEqual(Stream.prototype.end, undefined);
if (!modernNode) {
  // Node 0.7's Stream is made with util.inherits (today's sets the
  // prototypes directly), and creates no own properties.
  assert.strictEqual(Stream.super_, EventEmitter);
  assert.deepEqual(Object.keys(new Stream()), []);
}

// Subclassing with the constructor called.
function Called() {
  Stream.call(this);
  this.readable = true;
}
util.inherits(Called, Stream);
var c = new Called();
assert.ok(c instanceof Stream);
assert.ok(c instanceof EventEmitter);
assert.strictEqual(c.readable, true);
assert.strictEqual(typeof c.pipe, 'function');
var n = 0;
c.once('data', function() { n++; });
c.emit('data');
c.emit('data');
assert.strictEqual(n, 1);

// Subclassing without calling the constructor.
function NotCalled() { this.writable = true; }
util.inherits(NotCalled, Stream);
var nc = new NotCalled();
assert.ok(nc instanceof Stream);
nc.on('drain', function() { n++; });
assert.strictEqual(nc.emit('drain'), true);
assert.strictEqual(n, 2);

// pipe() between the two returns the destination and announces the source.
var announced = null;
nc.on('pipe', function(src) {
  announced = src;
  assert.strictEqual(this, nc);
});
nc.write = function() { return true; };
nc.end = function() {};
assert.strictEqual(c.pipe(nc), nc);
assert.strictEqual(announced, c);
