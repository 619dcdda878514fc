// fork() and send() with bad arguments throw at once, with the error types
// today's node uses (TypeError), before anything is started or sent. (Bad
// handles for send's second argument: fork-send-bad.js.)
var assert = require('assert');
var cp = require('child_process');
var common = require('./_common');
var mustCall = common.mustCall;

function typeError(fn) {
  assert.throws(fn, function (err) {
    return err instanceof TypeError;
  });
}

var child = __dirname + '/_fork-echo.js';
typeError(function () { cp.fork(); });
typeError(function () { cp.fork(5); });
typeError(function () { cp.fork(null, []); });
typeError(function () { cp.fork({}); });
typeError(function () { cp.fork(child, 'not an array'); });
typeError(function () { cp.fork(child, 5); });
typeError(function () { cp.fork(child, [], 'not an object'); });

var c = cp.fork(child);
// undefined and functions are not JSON: node refuses them rather than send
// something the other side cannot parse.
typeError(function () { c.send(undefined); });
typeError(function () { c.send(function () {}); });
typeError(function () { c.send({ server: true }, {}); });
// Values JSON drops or changes go as JSON.stringify has them.
c.send({ f: function () {}, u: undefined, n: null, d: new Date(0), nan: NaN });
c.on('message', mustCall(function (m) {
  assert.deepEqual(m, { n: null, d: '1970-01-01T00:00:00.000Z', nan: null });
  c.disconnect();
}));
c.on('exit', mustCall(function (code) {
  assert.strictEqual(code, 0);
}));
