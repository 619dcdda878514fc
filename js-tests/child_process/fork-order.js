// Many messages sent in one tick all arrive, in order, both ways: 2000
// messages go to an echoing child and come back, each with its index.
// (fork-large.js and fork-unicode.js have messages split across reads.)
var assert = require('assert');
var cp = require('child_process');
var common = require('./_common');
var mustCall = common.mustCall;

var watchdog = setTimeout(function () {
  throw new Error('fork-order stalled');
}, 60000);
watchdog.unref();

var N = 2000;
var child = cp.fork(__dirname + '/_fork-echo.js');
var next = 0;
child.on('message', function (m) {
  assert.deepEqual(m, { i: next, text: 'message ' + next, list: [next, String(next)] });
  next++;
  if (next === N) {
    child.disconnect();
  }
});
child.on('exit', mustCall(function (code) {
  assert.strictEqual(next, N, 'every message came back');
  assert.strictEqual(code, 0);
}));
for (var i = 0; i < N; i++) {
  assert.strictEqual(child.send({ i: i, text: 'message ' + i, list: [i, String(i)] }), true);
}
