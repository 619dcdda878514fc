// pipe(): data flow and backpressure between two small JS streams.
var assert = require('assert');
var util = require('util');
var Stream = require('stream');

// Reader is a readable stream fed by push(); it emits queued chunks as
// 'data' until paused.
function Reader() {
  Stream.call(this);
  this.readable = true;
  this.paused = false;
  this.queue = [];
  this.pauses = 0;
  this.resumes = 0;
}
util.inherits(Reader, Stream);
Reader.prototype.push = function(chunk) {
  this.queue.push(chunk);
  this.flow();
};
Reader.prototype.flow = function() {
  while (!this.paused && this.queue.length > 0) {
    this.emit('data', this.queue.shift());
  }
};
Reader.prototype.pause = function() {
  this.paused = true;
  this.pauses++;
};
Reader.prototype.resume = function() {
  this.paused = false;
  this.resumes++;
  this.flow();
};
Reader.prototype.finish = function() {
  this.readable = false;
  this.emit('end');
};

// Writer is a writable stream that holds what it is given until flush();
// write() returns false once `limit` chunks are held.
function Writer(limit) {
  Stream.call(this);
  this.writable = true;
  this.limit = limit;
  this.held = [];
  this.out = [];
  this.ends = 0;
}
util.inherits(Writer, Stream);
Writer.prototype.write = function(chunk) {
  if (!this.writable) throw new Error('write after end');
  this.held.push(chunk);
  return this.held.length < this.limit;
};
Writer.prototype.flush = function() {
  this.out = this.out.concat(this.held);
  this.held = [];
  this.emit('drain');
};
Writer.prototype.end = function() {
  this.writable = false;
  this.ends++;
};

// Backpressure: the reader is paused when write() returns false and
// resumed on 'drain'; nothing is lost or reordered.
var r = new Reader();
var w = new Writer(3);
assert.strictEqual(r.pipe(w), w);
var chunks = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
chunks.forEach(function(ch) { r.push(ch); });
// a and b fit, c fills the writer: paused after three.
assert.deepEqual(w.held, ['a', 'b', 'c']);
assert.strictEqual(r.paused, true);
assert.strictEqual(r.pauses, 1);
assert.strictEqual(r.queue.length, 7);

w.flush();
assert.strictEqual(r.resumes, 1);
assert.deepEqual(w.held, ['d', 'e', 'f']);
assert.strictEqual(r.pauses, 2);

w.flush();
assert.deepEqual(w.held, ['g', 'h', 'i']);
assert.strictEqual(r.pauses, 3);

w.flush();
assert.deepEqual(w.held, ['j']);
assert.strictEqual(r.paused, false);
assert.strictEqual(r.resumes, 3);
assert.strictEqual(r.pauses, 3);

// 'drain' while the reader is readable resumes it even when not paused.
w.flush();
assert.strictEqual(r.resumes, 4);
assert.deepEqual(w.out, chunks);

r.finish();
assert.strictEqual(w.ends, 1);
assert.strictEqual(w.writable, false);

// Once the pipe is done, 'drain' on the writer resumes nothing.
w.emit('drain');
assert.strictEqual(r.resumes, 4);

// After the pipe is taken down, 'drain' resumes nothing, even while the
// reader is still readable.
var r1 = new Reader();
var w1 = new Writer(1);
r1.pipe(w1, { end: false });
r1.push('x');
assert.strictEqual(r1.pauses, 1);
r1.emit('end');
assert.strictEqual(r1.readable, true);
w1.flush();
assert.strictEqual(r1.resumes, 0);

// A reader that is no longer readable is not resumed on 'drain'.
var r2 = new Reader();
var w2 = new Writer(1);
r2.pipe(w2);
r2.push('x');
assert.strictEqual(r2.pauses, 1);
r2.readable = false;
w2.flush();
assert.strictEqual(r2.resumes, 0);

// A writer that is no longer writable is not written to.
var r3 = new Reader();
var w3 = new Writer(10);
r3.pipe(w3);
w3.writable = false;
r3.push('dropped');
assert.deepEqual(w3.held, []);
assert.strictEqual(r3.pauses, 0);

// A source without pause()/resume() is not paused or resumed, and pipe
// does not fail.
var bare = new Stream();
bare.readable = true;
var w4 = new Writer(1);
bare.pipe(w4);
bare.emit('data', 'one');
bare.emit('data', 'two');
assert.deepEqual(w4.held, ['one', 'two']);
w4.flush();
assert.deepEqual(w4.out, ['one', 'two']);

// Chunks are passed through as they are: Buffers, strings, objects.
var r5 = new Reader();
var w5 = new Writer(100);
r5.pipe(w5);
var buf = new Buffer('bytes');
var obj = { any: 'thing' };
r5.push(buf);
r5.push('text');
r5.push(obj);
assert.strictEqual(w5.held[0], buf);
assert.strictEqual(w5.held[1], 'text');
assert.strictEqual(w5.held[2], obj);

// One source piped to two destinations: both get the data; either one
// being full pauses the source.
var r6 = new Reader();
var wa = new Writer(10);
var wb = new Writer(2);
r6.pipe(wa);
r6.pipe(wb);
r6.push(1);
r6.push(2);
r6.push(3);
assert.deepEqual(wa.held, [1, 2]);
assert.deepEqual(wb.held, [1, 2]);
assert.strictEqual(r6.paused, true);
wb.flush();
assert.deepEqual(wa.held, [1, 2, 3]);
assert.deepEqual(wb.held, [3]);
r6.finish();
assert.strictEqual(wa.ends, 1);
assert.strictEqual(wb.ends, 1);

// a.pipe(b).pipe(c) through a stream that is both readable and writable.
function Upper() {
  Stream.call(this);
  this.readable = true;
  this.writable = true;
}
util.inherits(Upper, Stream);
Upper.prototype.write = function(s) {
  this.emit('data', String(s).toUpperCase());
  return true;
};
Upper.prototype.end = function() {
  this.writable = false;
  this.readable = false;
  this.emit('end');
};
var src = new Reader();
var up = new Upper();
var sink = new Writer(100);
var pipes = [];
up.on('pipe', function(s) { pipes.push(['up', s]); });
sink.on('pipe', function(s) { pipes.push(['sink', s]); });
assert.strictEqual(src.pipe(up).pipe(sink), sink);
assert.deepEqual(pipes, [['up', src], ['sink', up]]);
src.push('hello');
src.push(' world');
src.finish();
assert.deepEqual(sink.held, ['HELLO', ' WORLD']);
assert.strictEqual(sink.ends, 1);
