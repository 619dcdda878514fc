// The listener-leak warning and setMaxListeners.
//
// Node 0.7 prints the warning with console.error, then console.trace(), once
// per event, when an event gets more listeners than the limit (10 unless
// setMaxListeners says otherwise; 0 means no limit). Today's Node emits a
// 'MaxListenersExceededWarning' process warning instead, so under today's
// Node only the listener bookkeeping is checked here.
var assert = require('assert');
var util = require('util');
var EventEmitter = require('events').EventEmitter;

var modernNode = /^v[1-9]/.test(String(process.version));

function expected(n) {
  return '(node) warning: possible EventEmitter memory leak detected. ' + n +
         ' listeners added. Use emitter.setMaxListeners() to increase limit.';
}

var printed = [];
var traces = 0;
var realError = console.error;
var realTrace = console.trace;
console.error = function() { printed.push(util.format.apply(util, arguments)); };
console.trace = function() { traces++; };

function add(e, event, n) {
  for (var i = 0; i < n; i++) e.on(event, function() {});
}

try {
  // Default limit: 10 listeners are fine, the 11th warns.
  var e = new EventEmitter();
  add(e, 'x', 10);
  assert.deepEqual(printed, []);
  add(e, 'x', 1);
  if (!modernNode) {
    assert.deepEqual(printed, [expected(11)]);
    assert.strictEqual(traces, 1);
  }
  // Once per event: more listeners do not warn again.
  add(e, 'x', 5);
  if (!modernNode) {
    assert.strictEqual(printed.length, 1);
    assert.strictEqual(traces, 1);
  }
  assert.strictEqual(e.listeners('x').length, 16);
  // Every listener still works.
  var hits = 0;
  e.on('x', function() { hits++; });
  e.emit('x');
  assert.strictEqual(hits, 1);

  // Another event on the same emitter has its own warning.
  printed = [];
  add(e, 'y', 11);
  if (!modernNode) assert.deepEqual(printed, [expected(11)]);

  // once() listeners count too.
  printed = [];
  var o = new EventEmitter();
  for (var i = 0; i < 11; i++) o.once('x', function() {});
  if (!modernNode) assert.deepEqual(printed, [expected(11)]);

  // setMaxListeners raises the limit.
  printed = [];
  var r = new EventEmitter();
  r.setMaxListeners(20);
  add(r, 'x', 20);
  assert.deepEqual(printed, []);
  add(r, 'x', 1);
  if (!modernNode) assert.deepEqual(printed, [expected(21)]);

  // ... and lowers it.
  printed = [];
  var low = new EventEmitter();
  low.setMaxListeners(1);
  low.on('x', function() {});
  assert.deepEqual(printed, []);
  low.on('x', function() {});
  if (!modernNode) assert.deepEqual(printed, [expected(2)]);

  // 0 means unlimited.
  printed = [];
  var u = new EventEmitter();
  u.setMaxListeners(0);
  add(u, 'x', 100);
  assert.deepEqual(printed, []);
  assert.strictEqual(u.listeners('x').length, 100);

  // setMaxListeners after listeners were added applies to the next one.
  printed = [];
  var late = new EventEmitter();
  add(late, 'x', 5);
  late.setMaxListeners(3);
  assert.deepEqual(printed, []);
  add(late, 'x', 1);
  if (!modernNode) assert.deepEqual(printed, [expected(6)]);

  // The limit is per emitter.
  printed = [];
  var other = new EventEmitter();
  add(other, 'x', 10);
  assert.deepEqual(printed, []);

  // A subclass that never called the constructor can still set the limit.
  printed = [];
  function Sub() {}
  util.inherits(Sub, EventEmitter);
  var s = new Sub();
  s.setMaxListeners(0);
  add(s, 'x', 50);
  assert.deepEqual(printed, []);
} finally {
  console.error = realError;
  console.trace = realTrace;
}
