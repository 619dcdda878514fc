// pipe(): errors on either side take the pipe down, and are thrown when
// nobody else listens for them.
var assert = require('assert');
var Stream = require('stream');

var modernNode = /^v[1-9]/.test(String(process.version));

function source() {
  var s = new Stream();
  s.readable = true;
  return s;
}
function dest() {
  var d = new Stream();
  d.writable = true;
  d.calls = [];
  d.write = function(c) { d.calls.push('write ' + c); return true; };
  d.end = function() { d.calls.push('end'); };
  d.destroy = function() { d.calls.push('destroy'); };
  return d;
}
var EVENTS = ['data', 'end', 'close', 'error', 'drain'];
function total(s) {
  var n = 0;
  EVENTS.forEach(function(ev) { n += s.listeners(ev).length; });
  return n;
}
function isErr(er) {
  return function(x) { return x === er; };
}

// An error on the source with no other listener is thrown out of emit,
// after the pipe is taken down.
var s = source();
var d = dest();
s.pipe(d);
var er = new Error('source failed');
assert.throws(function() { s.emit('error', er); }, isErr(er));
assert.strictEqual(total(s), 0);
assert.strictEqual(total(d), 0);
s.emit('data', 'late');
s.emit('end');
assert.deepEqual(d.calls, []);

// The same for an error on the destination.
var s2 = source();
var d2 = dest();
s2.pipe(d2);
var er2 = new Error('dest failed');
assert.throws(function() { d2.emit('error', er2); }, isErr(er2));
assert.strictEqual(total(s2), 0);
assert.strictEqual(total(d2), 0);
s2.emit('data', 'late');
assert.deepEqual(d2.calls, []);

// With another error listener the error is not thrown; the listener gets
// it and the pipe is still taken down. Added before or after pipe().
['before', 'after'].forEach(function(when) {
  var s3 = source();
  var d3 = dest();
  var heard = [];
  function onErr(x) { heard.push(x); }
  if (when === 'before') s3.on('error', onErr);
  s3.pipe(d3);
  if (when === 'after') s3.on('error', onErr);
  var er3 = new Error('handled');
  assert.strictEqual(s3.emit('error', er3), true);
  assert.deepEqual(heard, [er3]);
  assert.deepEqual(s3.listeners('error'), [onErr]);
  assert.strictEqual(total(s3), 1);
  assert.strictEqual(total(d3), 0);
  s3.emit('data', 'late');
  s3.emit('end');
  assert.deepEqual(d3.calls, [], when);
});

// A handled error on the destination.
var s4 = source();
var d4 = dest();
var heard4 = [];
d4.on('error', function(x) { heard4.push(x); });
s4.pipe(d4);
var er4 = new Error('dest handled');
d4.emit('error', er4);
assert.deepEqual(heard4, [er4]);
assert.strictEqual(total(s4), 0);
s4.emit('data', 'late');
assert.deepEqual(d4.calls, []);

// An error listener on the other side does not count: an error on the
// source is thrown even though the destination listens for errors.
var s5 = source();
var d5 = dest();
d5.on('error', function() {});
s5.pipe(d5);
var er5 = new Error('other side');
assert.throws(function() { s5.emit('error', er5); }, isErr(er5));

// Error values that are not Errors: Node 0.7's pipe rethrows the value
// itself; today's Node re-emits it and so throws ERR_UNHANDLED_ERROR.
var s6 = source();
s6.pipe(dest());
assert.throws(function() { s6.emit('error', 'a string'); }, function(x) {
  if (modernNode) return x instanceof Error && x.code === 'ERR_UNHANDLED_ERROR';
  return x === 'a string';
});
assert.strictEqual(total(s6), 0);

// After an error is thrown, the streams can be piped again.
var s7 = source();
var d7 = dest();
s7.pipe(d7);
assert.throws(function() { s7.emit('error', new Error('first')); }, /first/);
s7.pipe(d7);
s7.emit('data', 'again');
s7.emit('end');
assert.deepEqual(d7.calls, ['write again', 'end']);
