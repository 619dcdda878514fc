// pipe(): what 'end' and 'close' on the source do to the destination, the
// {end: false} option, and the listeners pipe leaves behind.
var assert = require('assert');
var Stream = require('stream');

var modernNode = /^v[1-9]/.test(String(process.version));

function source() {
  var s = new Stream();
  s.readable = true;
  return s;
}

// dest records calls to write, end and destroy.
function dest(withDestroy) {
  var d = new Stream();
  d.writable = true;
  d.calls = [];
  d.write = function(c) { d.calls.push('write ' + c); return true; };
  d.end = function() { d.calls.push('end'); d.writable = false; };
  if (withDestroy !== false) {
    d.destroy = function() { d.calls.push('destroy'); d.writable = false; };
  }
  return d;
}

var EVENTS = ['data', 'end', 'close', 'error', 'drain', 'pipe'];
function counts(s) {
  var o = {};
  EVENTS.forEach(function(ev) { o[ev] = s.listeners(ev).length; });
  return o;
}
var NONE = counts(new Stream());

// 'end' ends the destination once.
var s = source();
var d = dest();
s.pipe(d);
s.emit('data', 'x');
s.emit('end');
assert.deepEqual(d.calls, ['write x', 'end']);
// Everything pipe added is gone again.
assert.deepEqual(counts(s), NONE);
assert.deepEqual(counts(d), NONE);
// 'close' after 'end' does not destroy; more 'end's do nothing; later data
// is not written.
s.emit('close');
s.emit('end');
s.emit('data', 'late');
assert.deepEqual(d.calls, ['write x', 'end']);

// The user's own 'end' listeners run, in the order added.
var order = [];
var s1 = source();
var d1 = dest();
s1.on('end', function() { order.push('before'); });
s1.pipe(d1);
s1.on('end', function() { order.push('after'); });
d1.end = function() { order.push('dest.end'); };
s1.emit('end');
assert.deepEqual(order, ['before', 'dest.end', 'after']);

// Ending the destination may make the source close at once (a socket piped
// to itself does): the destination is then not destroyed as well.
var sx = source();
var dx = dest();
sx.pipe(dx);
dx.end = function() { dx.calls.push('end'); sx.emit('close'); };
sx.emit('end');
assert.deepEqual(dx.calls, ['end']);
// ... and the other way round: destroying it makes the source end.
var sy = source();
var dy = dest();
sy.pipe(dy);
dy.destroy = function() { dy.calls.push('destroy'); sy.emit('end'); };
sy.emit('close');
assert.deepEqual(dy.calls, ['destroy']);

// 'close' without 'end' destroys the destination instead of ending it.
var s2 = source();
var d2 = dest();
s2.pipe(d2);
s2.emit('close');
assert.deepEqual(d2.calls, ['destroy']);
assert.deepEqual(counts(s2), NONE);
assert.deepEqual(counts(d2), NONE);
s2.emit('end');
assert.deepEqual(d2.calls, ['destroy']);

// ... and does nothing to a destination that has no destroy().
var s3 = source();
var d3 = dest(false);
s3.pipe(d3);
s3.emit('close');
assert.deepEqual(d3.calls, []);
assert.deepEqual(counts(s3), NONE);

// {end: false}: the destination stays open, but the pipe is still taken
// down on 'end'.
var s4 = source();
var d4 = dest();
s4.pipe(d4, { end: false });
s4.emit('data', 'a');
s4.emit('end');
s4.emit('data', 'b');
assert.deepEqual(d4.calls, ['write a']);
assert.strictEqual(d4.writable, true);
assert.deepEqual(counts(s4), NONE);
assert.deepEqual(counts(d4), NONE);

// {end: false} and 'close': no destroy either.
var s5 = source();
var d5 = dest();
s5.pipe(d5, { end: false });
s5.emit('close');
assert.deepEqual(d5.calls, []);
assert.deepEqual(counts(s5), NONE);

// Other options objects end the destination as the default does.
[{}, { end: true }, { end: 0 }, { end: undefined }, null].forEach(function(opt) {
  var so = source();
  var dd = dest();
  so.pipe(dd, opt);
  so.emit('end');
  assert.deepEqual(dd.calls, ['end'], 'options ' + JSON.stringify(opt));
});

// A destination marked _isStdio (process.stdout and process.stderr are) is
// never ended or destroyed by pipe.
var s6 = source();
var d6 = dest();
d6._isStdio = true;
s6.pipe(d6);
s6.emit('data', 'out');
s6.emit('end');
var s7 = source();
s7.pipe(d6);
s7.emit('close');
assert.deepEqual(d6.calls, ['write out']);
assert.deepEqual(counts(s6), NONE);
assert.deepEqual(counts(d6), NONE);

// The destination ending or closing takes the pipe down: later data is not
// written and the source's 'end' no longer ends it. (Today's Node no longer
// listens for the destination's 'end', only 'close'.)
(modernNode ? ['close'] : ['end', 'close']).forEach(function(ev) {
  var s8 = source();
  var d8 = dest();
  s8.pipe(d8);
  d8.emit(ev);
  s8.emit('data', 'late');
  s8.emit('end');
  assert.deepEqual(d8.calls, [], 'dest ' + ev);
  assert.deepEqual(counts(s8), NONE);
  assert.deepEqual(counts(d8), NONE);
});

// Two sources into one destination: the first to end ends it (Node 0.7
// dropped counting sources, nodejs/node-v0.x-archive#2161).
var sa = source();
var sb = source();
var dm = dest();
sa.pipe(dm);
sb.pipe(dm);
sa.emit('data', 1);
sb.emit('data', 2);
sa.emit('end');
assert.deepEqual(dm.calls, ['write 1', 'write 2', 'end']);
// sb's data is no longer written: dm is not writable.
sb.emit('data', 3);
sb.emit('end');
assert.deepEqual(dm.calls, ['write 1', 'write 2', 'end', 'end']);

// Listeners the user added are left alone by the clean-up.
var s9 = source();
var d9 = dest();
function mine() {}
s9.on('data', mine);
s9.on('end', mine);
d9.on('drain', mine);
s9.pipe(d9);
s9.emit('end');
assert.deepEqual(s9.listeners('data'), [mine]);
assert.deepEqual(s9.listeners('end'), [mine]);
assert.deepEqual(d9.listeners('drain'), [mine]);
