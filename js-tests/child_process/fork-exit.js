// A forked child that ends by itself (process.exit(5) right after a send)
// or is killed: the message sent just before the exit arrives, then
// 'disconnect', then 'exit' (today's node has that order too), and the
// channel is closed afterwards.
var assert = require('assert');
var cp = require('child_process');
var common = require('./_common');
var mustCall = common.mustCall;

var watchdog = setTimeout(function () {
  throw new Error('fork-exit stalled');
}, 30000);
watchdog.unref();

var child = cp.fork(__dirname + '/_fork-echo.js');
var events = [];
child.on('message', function (m) {
  events.push('message ' + m);
});
child.on('disconnect', mustCall(function () {
  events.push('disconnect');
}));
child.on('exit', mustCall(function (code, signal) {
  events.push('exit ' + code + ' ' + signal);
  assert.deepEqual(events, ['message exiting', 'disconnect', 'exit 5 null']);
  assert.strictEqual(child.connected, false);
  killed();
}));
child.send('exit');

// A child killed with SIGTERM: 'disconnect', then 'exit' with the signal.
function killed() {
  var c = cp.fork(__dirname + '/_fork-echo.js');
  var order = [];
  c.on('message', mustCall(function (m) {
    assert.strictEqual(m, 'up');
    c.kill();
  }));
  c.on('disconnect', mustCall(function () {
    order.push('disconnect');
  }));
  c.on('exit', mustCall(function (code, signal) {
    order.push('exit');
    assert.deepEqual(order, ['disconnect', 'exit']);
    assert.strictEqual(code, null);
    assert.strictEqual(signal, 'SIGTERM');
  }));
  c.send('up');
}
