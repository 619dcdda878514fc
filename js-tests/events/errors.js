// The 'error' event, and bad arguments.
var assert = require('assert');
var EventEmitter = require('events').EventEmitter;

var modernNode = /^v[1-9]/.test(String(process.version));

// 'error' with no listener throws the Error given.
var e = new EventEmitter();
var er = new TypeError('the error');
assert.throws(function() { e.emit('error', er); },
              function(x) { return x === er; });

// ... also on an emitter that has other listeners.
e.on('other', function() {});
assert.throws(function() { e.emit('error', er); },
              function(x) { return x === er; });

// 'error' without an Error: Node 0.7 throws
// Error("Uncaught, unspecified 'error' event."); today's Node throws
// ERR_UNHANDLED_ERROR "Unhandled error. (...)".
[undefined, 'a string', 42, { message: 'not an Error' }, null].forEach(function(v) {
  var args = v === undefined ? ['error'] : ['error', v];
  assert.throws(function() { e.emit.apply(e, args); }, function(x) {
    assert.ok(x instanceof Error);
    if (modernNode) {
      assert.strictEqual(x.code, 'ERR_UNHANDLED_ERROR');
    } else {
      assert.strictEqual(x.constructor, Error);
      assert.strictEqual(x.message, "Uncaught, unspecified 'error' event.");
    }
    return true;
  });
});

// An error listener takes the error; emit returns true and nothing throws.
var got = [];
e.on('error', function(x, extra) { got.push([this, x, extra]); });
assert.strictEqual(e.emit('error', er, 'more'), true);
assert.strictEqual(e.emit('error', 'not an Error'), true);
assert.strictEqual(got.length, 2);
assert.strictEqual(got[0][0], e);
assert.strictEqual(got[0][1], er);
assert.strictEqual(got[0][2], 'more');
assert.strictEqual(got[1][1], 'not an Error');

// A once('error') listener handles one error; the next is thrown.
var o = new EventEmitter();
var handled = 0;
o.once('error', function() { handled++; });
o.emit('error', new Error('first'));
assert.strictEqual(handled, 1);
assert.throws(function() { o.emit('error', new Error('second')); }, /second/);

// After removeListener('error', fn) the error is thrown again.
var r = new EventEmitter();
function onErr() {}
r.on('error', onErr);
r.removeListener('error', onErr);
assert.throws(function() { r.emit('error', new Error('again')); }, /again/);

// Non-function listeners. Node 0.7 throws a plain Error naming the method;
// today's Node throws TypeError ERR_INVALID_ARG_TYPE.
function checkBad(fn, message) {
  assert.throws(fn, function(x) {
    assert.ok(x instanceof Error);
    if (modernNode) {
      assert.ok(x instanceof TypeError);
      assert.strictEqual(x.code, 'ERR_INVALID_ARG_TYPE');
    } else {
      assert.strictEqual(x.constructor, Error);
      assert.strictEqual(x.message, message);
    }
    return true;
  });
}
var b = new EventEmitter();
[undefined, null, 'fn', 1, {}, [], true].forEach(function(bad) {
  checkBad(function() { b.on('x', bad); },
           'addListener only takes instances of Function');
  checkBad(function() { b.addListener('x', bad); },
           'addListener only takes instances of Function');
  checkBad(function() { b.once('x', bad); },
           '.once only takes instances of Function');
  checkBad(function() { b.removeListener('x', bad); },
           'removeListener only takes instances of Function');
});
checkBad(function() { b.on('x'); }, 'addListener only takes instances of Function');
// Nothing was added by the failed calls.
assert.strictEqual(b.emit('x'), false);
