// disconnect() from either side: 'disconnect' on both sides, connected
// becomes false, and the child, no longer kept alive by the channel, ends
// with 0. From the child's side, the message it sent just before
// disconnecting still arrives. After the disconnect, send() throws (Node
// 0.7; today's node emits 'error' instead) and a second disconnect() emits
// 'error' (both).
var assert = require('assert');
var cp = require('child_process');
var common = require('./_common');
var mustCall = common.mustCall;

var watchdog = setTimeout(function () {
  throw new Error('fork-disconnect stalled');
}, 30000);
watchdog.unref();

function afterDisconnect(child) {
  assert.strictEqual(child.connected, false);
  if (common.is07) {
    assert.throws(function () {
      child.send('too late');
    }, /channel closed/);
  }
  var errors = 0;
  child.on('error', function (err) {
    errors++;
    assert.ok(/IPC channel is already disconnected/.test(err.message), err.message);
  });
  child.disconnect();
  // Node 0.7 emits the error at once; today's node on the next tick.
  process.nextTick(function () {
    assert.strictEqual(errors, 1);
  });
}

// 1. The parent disconnects.
var a = cp.fork(__dirname + '/_fork-sub.js');
var aEvents = [];
a.on('message', function (m) {
  if (m.got) {
    a.disconnect();
    aEvents.push('disconnect called');
  }
});
a.on('disconnect', mustCall(function () {
  aEvents.push('disconnect');
  afterDisconnect(a);
}));
a.on('exit', mustCall(function (code) {
  // The child's 'disconnect' listener exits with 7.
  assert.strictEqual(code, 7, 'the child saw the parent disconnect');
  assert.ok(aEvents.indexOf('disconnect') >= 0);
  second();
}));
a.send('hello');

// 2. The child disconnects (on 'bye', after sending 'last').
function second() {
  var b = cp.fork(__dirname + '/_fork-echo.js');
  var got = [];
  var disconnected = false;
  b.on('message', function (m) {
    assert.strictEqual(disconnected, false, 'no message after disconnect');
    got.push(m);
  });
  b.on('disconnect', mustCall(function () {
    disconnected = true;
    assert.deepEqual(got, ['ping', 'last']);
    afterDisconnect(b);
  }));
  b.on('exit', mustCall(function (code, signal) {
    assert.strictEqual(disconnected, true);
    assert.strictEqual(code, 0);
    assert.strictEqual(signal, null);
  }));
  b.send('ping');
  b.send('bye');
}
