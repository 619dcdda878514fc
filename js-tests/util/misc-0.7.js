// util behaviour of Node 0.7.4 that today's Node no longer has; written from
// Node 0.7.4's lib/util.js and docs, not checked under node v20 (which has no
// util.pump, no util.puts and another util.log, isError and inherits).
var assert = require('assert');
var util = require('util');
var EventEmitter = require('events').EventEmitter;

// The 0.7 exports.
['format', 'print', 'puts', 'debug', 'error', 'inspect', 'isArray',
 'isRegExp', 'isDate', 'isError', 'log', 'pump', 'inherits'
].forEach(function(name) {
  assert.strictEqual(typeof util[name], 'function', name);
});

// isError looks at the internal class only: objects that merely inherit
// from Error.prototype are not errors. (v20: true)
assert.strictEqual(util.isError(Object.create(Error.prototype)), false);
function MyError(msg) { this.message = msg; }
util.inherits(MyError, Error);
assert.strictEqual(util.isError(new MyError('x')), false);

// inherits replaces ctor.prototype, so methods added before are gone.
// (v20 keeps them: it only changes the prototype's prototype)
function Base() {}
Base.prototype.hello = function() { return 'hello'; };
function Derived() {}
Derived.prototype.early = function() {};
var oldPrototype = Derived.prototype;
util.inherits(Derived, Base);
assert.notStrictEqual(Derived.prototype, oldPrototype);
assert.strictEqual(Derived.prototype.early, undefined);
assert.strictEqual(new Derived().hello(), 'hello');

// util.log prints '26 Feb 16:19:34 - message' (day not padded, local time)
// through util.puts.
var logged = [];
var realPuts = util.puts;
util.puts = function(line) { logged.push(line); };
try {
  util.log('Timestamped message.');
  util.log(42);
  util.log({});
  assert.throws(function() { util.log(undefined); }, TypeError);
  assert.throws(function() { util.log(null); }, TypeError);
} finally {
  util.puts = realPuts;
}
assert.strictEqual(logged.length, 3);
var stamp = /^([1-9]|[12][0-9]|3[01]) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9] - /;
assert.ok(stamp.test(logged[0]), logged[0]);
assert.strictEqual(logged[0].replace(stamp, ''), 'Timestamped message.');
assert.strictEqual(logged[1].replace(stamp, ''), '42');
assert.strictEqual(logged[2].replace(stamp, ''), '[object Object]');

// util.pump(readable, writable, [callback]).
function FakeReadable() {
  EventEmitter.call(this);
  this.calls = [];
}
util.inherits(FakeReadable, EventEmitter);
FakeReadable.prototype.pause = function() { this.calls.push('pause'); };
FakeReadable.prototype.resume = function() { this.calls.push('resume'); };
FakeReadable.prototype.destroy = function() { this.calls.push('destroy'); };

function FakeWritable() {
  EventEmitter.call(this);
  this.full = false;
  this.written = [];
  this.ended = 0;
}
util.inherits(FakeWritable, EventEmitter);
FakeWritable.prototype.write = function(chunk) {
  this.written.push(chunk);
  return !this.full;
};
FakeWritable.prototype.end = function() { this.ended++; };

// Data flows, a full writer pauses the reader until 'drain', 'end' ends
// the writer, 'close' calls back once with no error.
var r = new FakeReadable();
var w = new FakeWritable();
var results = [];
util.pump(r, w, function(err) { results.push(err); });
r.emit('data', 'a');
assert.deepEqual(w.written, ['a']);
assert.deepEqual(r.calls, []);
w.full = true;
r.emit('data', 'b');
assert.deepEqual(w.written, ['a', 'b']);
assert.deepEqual(r.calls, ['pause']);
w.full = false;
w.emit('drain');
assert.deepEqual(r.calls, ['pause', 'resume']);
assert.strictEqual(w.ended, 0);
r.emit('end');
assert.strictEqual(w.ended, 1);
assert.deepEqual(results, []);
r.emit('close');
assert.strictEqual(results.length, 1);
assert.strictEqual(results[0], undefined);
r.emit('close');
assert.strictEqual(results.length, 1);

// A reader error ends the writer and reaches the callback, once.
r = new FakeReadable();
w = new FakeWritable();
results = [];
util.pump(r, w, function(err) { results.push(err); });
var readErr = new Error('read failed');
r.emit('error', readErr);
assert.strictEqual(w.ended, 1);
assert.deepEqual(results, [readErr]);
w.emit('error', new Error('later'));
assert.deepEqual(r.calls, ['destroy']);
assert.strictEqual(results.length, 1);

// A writer error destroys the reader.
r = new FakeReadable();
w = new FakeWritable();
results = [];
util.pump(r, w, function(err) { results.push(err); });
var writeErr = new Error('write failed');
w.emit('error', writeErr);
assert.deepEqual(r.calls, ['destroy']);
assert.deepEqual(results, [writeErr]);

// The callback is optional.
r = new FakeReadable();
w = new FakeWritable();
util.pump(r, w);
r.emit('data', 'x');
r.emit('end');
r.emit('close');
r.emit('error', new Error('ignored'));
assert.deepEqual(w.written, ['x']);
