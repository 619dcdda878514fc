// spawn('echo', args): a ChildProcess (an EventEmitter) with a pid and
// three streams; stdout gives Buffers, then 'end' and 'close'; 'exit' has
// code 0 and signal null; 'close' (later Node's) comes after it.
var assert = require('assert');
var EventEmitter = require('events').EventEmitter;
var Stream = require('stream');
var spawn = require('child_process').spawn;
var common = require('./_common');
var mustCall = common.mustCall;

var child = spawn('echo', ['hello', 'world']);
assert.ok(child instanceof EventEmitter);
assert.strictEqual(typeof child.pid, 'number');
assert.ok(child.pid > 0);
assert.ok(child.stdin instanceof Stream);
assert.ok(child.stdout instanceof Stream);
assert.ok(child.stderr instanceof Stream);
assert.strictEqual(child.stdin.writable, true);
assert.strictEqual(child.stdout.readable, true);
assert.strictEqual(child.stderr.readable, true);
assert.strictEqual(child.exitCode, null);
assert.strictEqual(child.signalCode, null);
assert.strictEqual(child.killed, false);

var events = [];
common.collect(child.stdout, mustCall(function (out) {
  events.push('stdout end');
  assert.strictEqual(out.toString(), 'hello world\n');
}));
child.stdout.on('close', mustCall(function () {
  events.push('stdout close');
}));
common.collect(child.stderr, mustCall(function (err) {
  assert.strictEqual(err.length, 0);
}));

child.on('exit', mustCall(function (code, signal) {
  events.push('exit');
  assert.strictEqual(this, child);
  assert.strictEqual(code, 0);
  assert.strictEqual(signal, null);
  assert.strictEqual(child.exitCode, 0);
  assert.strictEqual(child.signalCode, null);
}));

child.on('close', mustCall(function (code, signal) {
  events.push('close');
  assert.strictEqual(code, 0);
  assert.strictEqual(signal, null);
}));

process.on('exit', function () {
  assert.strictEqual(events.length, 4);
  // ('exit' may come from the ChildProcess's own listener of stdout's
  // 'close', which runs before the script's, registered later.)
  if (common.is07) {
    // Node 0.7.4 emitted 'exit' only once stdout and stderr had closed;
    // today's node emits it when the process ends, maybe before.
    assert.ok(events.indexOf('stdout end') < events.indexOf('exit'));
  }
  assert.ok(events.indexOf('stdout end') < events.indexOf('close'));
  assert.ok(events.indexOf('exit') < events.indexOf('close'));
});

// Without args.
var bare = spawn('echo');
common.collect(bare.stdout, mustCall(function (out) {
  assert.strictEqual(out.toString(), '\n');
}));
bare.on('exit', mustCall(function (code) {
  assert.strictEqual(code, 0);
}));

// Arguments reach the program as they are: no shell, no splitting.
var raw = spawn('echo', ['a  b', '$HOME', '*', '']);
common.collect(raw.stdout, mustCall(function (out) {
  assert.strictEqual(out.toString(), 'a  b $HOME * \n');
}));

// Several at once.
var done = 0;
for (var i = 0; i < 8; i++) {
  (function (n) {
    var c = spawn('echo', [String(n)]);
    common.collect(c.stdout, function (out) {
      assert.strictEqual(out.toString(), n + '\n');
      done++;
    });
  })(i);
}
process.on('exit', function () {
  assert.strictEqual(done, 8);
});
