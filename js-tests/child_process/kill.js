// child.kill([signal]): SIGTERM by default, a name, or a number; 'exit'
// then has code null and the signal's name. An unknown signal throws.
var assert = require('assert');
var spawn = require('child_process').spawn;
var common = require('./_common');
var mustCall = common.mustCall;

function sleeper() {
  // cat waits for its stdin, which stays open until the child is killed.
  return spawn('cat');
}

var a = sleeper();
a.on('exit', mustCall(function (code, signal) {
  assert.strictEqual(code, null);
  assert.strictEqual(signal, 'SIGTERM');
  assert.strictEqual(a.exitCode, null);
  assert.strictEqual(a.signalCode, 'SIGTERM');
  assert.strictEqual(a.killed, true);
  // After the exit, kill() does nothing.
  a.kill();
  a.kill('SIGKILL');
}));
assert.strictEqual(a.killed, false);
a.kill();
assert.strictEqual(a.killed, true);

var b = sleeper();
b.on('exit', mustCall(function (code, signal) {
  assert.strictEqual(code, null);
  assert.strictEqual(signal, 'SIGKILL');
}));
b.kill('SIGKILL');

// A number (later Node's form; Node 0.7 took names only).
var c = sleeper();
c.on('exit', mustCall(function (code, signal) {
  assert.strictEqual(code, null);
  assert.strictEqual(signal, 'SIGINT');
}));
c.kill(2);

// A signal the child handles does not end it.
var d = spawn('sh', ['-c', 'trap "echo got HUP; exit 7" HUP; echo ready; while :; do sleep 1; done']);
d.stdout.setEncoding('utf8');
var dOut = '';
d.stdout.on('data', function (chunk) {
  dOut += chunk;
  if (dOut === 'ready\n') d.kill('SIGHUP');
});
d.on('exit', mustCall(function (code, signal) {
  assert.strictEqual(code, 7);
  assert.strictEqual(signal, null);
  assert.strictEqual(d.killed, true);
}));
d.on('close', mustCall(function () {
  assert.strictEqual(dOut, 'ready\ngot HUP\n');
}));

// Unknown signals throw, and nothing is sent.
var e = sleeper();
var unknown = ['SIGFOO', 'TERM', 12345, 'constructor'];
// Node 0.7 knew upper-case names only; today's node takes 'sigterm' too.
if (common.is07) unknown.push('sigterm');
unknown.forEach(function (sig) {
  assert.throws(function () {
    e.kill(sig);
  }, function (err) {
    return err instanceof Error && err.message === 'Unknown signal: ' + sig;
  });
});
assert.strictEqual(e.killed, false);
e.on('exit', mustCall(function (code, signal) {
  assert.strictEqual(signal, 'SIGTERM');
}));
e.kill('SIGTERM');
