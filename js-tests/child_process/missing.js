// A program that cannot be run. Node 0.7.4 forked, the exec failed in the
// child, which wrote 'execvp(): <reason>' to its stderr and exited with
// 127 (the documentation's example looks for /^execvp\(\)/). Today's node
// emits 'error' (ENOENT) instead and no 'exit'. gojatls does as Node 0.7,
// and also emits 'error' when the script listens for it.
var assert = require('assert');
var fs = require('fs');
var cp = require('child_process');
var common = require('./_common');
var mustCall = common.mustCall;

if (common.is07) {
  // The documentation's example.
  var child = cp.spawn('bad_command');
  child.stderr.setEncoding('utf8');
  var failed = false;
  child.stderr.on('data', function (data) {
    if (/^execvp\(\)/.test(data)) {
      failed = true;
    }
  });
  child.on('exit', mustCall(function (code, signal) {
    assert.strictEqual(code, 127);
    assert.strictEqual(signal, null);
    assert.ok(failed, "the child's stderr said execvp() failed");
  }));

  var text = '';
  var c2 = cp.spawn('./no/such/program', ['x']);
  c2.stderr.on('data', function (d) { text += d; });
  c2.stdout.on('data', function () { throw new Error('no stdout expected'); });
  c2.on('close', mustCall(function (code) {
    assert.strictEqual(code, 127);
    assert.strictEqual(text, 'execvp(): No such file or directory\n');
  }));

  // A file that is not executable.
  var c3 = cp.spawn(__filename);
  var text3 = '';
  c3.stderr.on('data', function (d) { text3 += d; });
  c3.on('exit', mustCall(function (code) {
    assert.strictEqual(code, 127);
    assert.strictEqual(text3, 'execvp(): Permission denied\n');
  }));

  // A working directory that does not exist: chdir() fails in the child.
  var c4 = cp.spawn('pwd', [], { cwd: '/no/such/dir' });
  var text4 = '';
  c4.stderr.on('data', function (d) { text4 += d; });
  c4.on('exit', mustCall(function (code) {
    assert.strictEqual(code, 127);
    assert.strictEqual(text4, 'chdir(): No such file or directory\n');
  }));

  // execFile reports it as a failed command.
  cp.execFile('bad_command', ['a'], mustCall(function (err, stdout, stderr) {
    assert.ok(err instanceof Error);
    assert.strictEqual(err.code, 127);
    assert.strictEqual(stderr, 'execvp(): No such file or directory\n');
    assert.strictEqual(err.message, 'Command failed: execvp(): No such file or directory\n');
  }));
}

// With an 'error' listener, both Node 0.7 (gojatls) and today's node give
// an 'error' with code ENOENT.
var c5 = cp.spawn('bad_command_with_listener', ['arg']);
c5.on('error', mustCall(function (err) {
  assert.ok(err instanceof Error);
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.syscall, 'spawn bad_command_with_listener');
  assert.strictEqual(err.path, 'bad_command_with_listener');
  assert.deepEqual(err.spawnargs, ['arg']);
  assert.strictEqual(err.message, 'spawn bad_command_with_listener ENOENT');
}));
assert.strictEqual(c5.pid, undefined);

// exec: the shell itself reports the missing command, with 127.
cp.exec('bad_command_in_shell', mustCall(function (err, stdout, stderr) {
  assert.strictEqual(err.code, 127);
  assert.ok(/bad_command_in_shell/.test(stderr));
}));
