// Text beyond ASCII goes through the channel unchanged both ways: accents,
// CJK, astral characters (surrogate pairs), escapes JSON writes for
// control characters and line separators, and a newline inside a string
// (JSON escapes it, so it cannot end the message early). Enough copies that
// multi-byte characters fall across read boundaries.
var assert = require('assert');
var cp = require('child_process');
var common = require('./_common');
var mustCall = common.mustCall;

var watchdog = setTimeout(function () {
  throw new Error('fork-unicode stalled');
}, 30000);
watchdog.unref();

var text = 'héllo wörld – 日本語 \ud83d\ude00 \u2028\u2029 tab\t nl\n quote" backslash\\ nul\u0000 end';
var long = new Array(20001).join(text);
var messages = [text, { key: text, 'ключ': ['ü', '\ud83d\udca9'] }, long];

var child = cp.fork(__dirname + '/_fork-echo.js');
var got = [];
child.on('message', function (m) {
  got.push(m);
  if (got.length === messages.length) {
    assert.strictEqual(got[0], text);
    assert.deepEqual(got[1], messages[1]);
    assert.strictEqual(got[2].length, long.length);
    assert.ok(got[2] === long, 'the long text came back unchanged');
    child.disconnect();
  }
});
child.on('exit', mustCall(function (code) {
  assert.strictEqual(got.length, messages.length);
  assert.strictEqual(code, 0);
}));
messages.forEach(function (m) {
  child.send(m);
});
