// Messages whose cmd starts with 'NODE_' are 'internalMessage' events, not
// 'message' ones, both ways; a cmd that only looks similar (not a string,
// no underscore, lower case) is an ordinary message. A bare 'NODE_' is
// internal in Node 0.7 (the prefix test); today's node wants more after it.
var assert = require('assert');
var cp = require('child_process');
var common = require('./_common');
var mustCall = common.mustCall;

var watchdog = setTimeout(function () {
  throw new Error('fork-internal stalled');
}, 30000);
watchdog.unref();

var a = cp.fork(__dirname + '/_fork-internal.js');
var messages = [];
var internal = [];
a.on('message', function (m) { messages.push(m); });
a.on('internalMessage', function (m) { internal.push(m); });
a.on('exit', mustCall(function (code) {
  assert.strictEqual(code, 0);
  var bare = { cmd: 'NODE_', n: 5 };
  var wantInternal = [{ cmd: 'NODE_TEST', n: 1 }];
  var wantMessages = [{ cmd: 'NODEX', n: 2 }, { cmd: 5, n: 3 }, { cmd: 'node_lower', n: 4 }];
  if (common.is07) {
    wantInternal.push(bare);
  } else {
    wantMessages.push(bare);
  }
  wantMessages.push('done');
  assert.deepEqual(internal, wantInternal);
  assert.deepEqual(messages, wantMessages);
  toChild();
}));

// The parent's internal message reaches the child's 'internalMessage'
// (which the echo child answers with an ordinary message).
function toChild() {
  var b = cp.fork(__dirname + '/_fork-echo.js');
  var got = [];
  b.on('message', function (m) {
    got.push(m);
    if (got.length === 2) {
      assert.deepEqual(got, [{ internal: { cmd: 'NODE_PING', x: 1 } }, { cmd: 'NODEPING' }]);
      b.disconnect();
    }
  });
  b.on('internalMessage', function () {
    throw new Error('the echo child sends no internal message');
  });
  b.on('exit', mustCall(function (code) {
    assert.strictEqual(got.length, 2);
    assert.strictEqual(code, 0);
  }));
  b.send({ cmd: 'NODE_PING', x: 1 });
  b.send({ cmd: 'NODEPING' });
}
