// silent: true makes the child's stdout and stderr pipes the parent reads
// (child.stdout, child.stderr); child.stdin is a pipe too. Without it the
// child prints to this process's own stdout (checked by fork-silent.out),
// and all it printed is out before 'exit'.
var assert = require('assert');
var cp = require('child_process');
var common = require('./_common');
var mustCall = common.mustCall;

var watchdog = setTimeout(function () {
  throw new Error('fork-silent stalled');
}, 30000);
watchdog.unref();

console.log('before');
var quiet = cp.fork(__dirname + '/_fork-print.js', ['quiet'], { silent: true });
assert.ok(quiet.stdin, 'stdin is a pipe');
assert.ok(quiet.stdout, 'stdout is a pipe');
assert.ok(quiet.stderr, 'stderr is a pipe');
var out = '';
var err = '';
quiet.stdout.setEncoding('utf8');
quiet.stderr.setEncoding('utf8');
quiet.stdout.on('data', function (d) { out += d; });
quiet.stderr.on('data', function (d) { err += d; });
quiet.on('exit', mustCall(function (code) {
  assert.strictEqual(code, 0);
  assert.strictEqual(out, 'child stdout quiet\n');
  assert.strictEqual(err, 'child stderr\n');
  loud();
}));

function loud() {
  var c = cp.fork(__dirname + '/_fork-print.js', ['loud'], { silent: false });
  assert.strictEqual(c.stdout, null);
  assert.strictEqual(c.stderr, null);
  c.on('exit', mustCall(function (code) {
    assert.strictEqual(code, 0);
    console.log('after');
  }));
}
