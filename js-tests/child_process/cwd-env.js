// The cwd and env options, and the defaults: the runtime's working
// directory and process.env as the script has changed it.
var assert = require('assert');
var fs = require('fs');
var path = require('path');
var spawn = require('child_process').spawn;
var common = require('./_common');
var mustCall = common.mustCall;

function output(child, check) {
  var out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', function (d) { out += d; });
  child.on('close', mustCall(function (code) {
    assert.strictEqual(code, 0);
    check(out);
  }));
}

function realpath(p) {
  return fs.realpathSync(p);
}

// Default: the runtime's working directory.
output(spawn('pwd'), function (out) {
  assert.strictEqual(realpath(out.trim()), realpath(process.cwd()));
});

// An absolute cwd.
output(spawn('pwd', [], { cwd: '/' }), function (out) {
  assert.strictEqual(out, '/\n');
});

// A relative cwd is relative to process.cwd().
output(spawn('pwd', [], { cwd: '..' }), function (out) {
  assert.strictEqual(realpath(out.trim()), realpath(path.dirname(process.cwd())));
});

// A program named with a path is found relative to cwd, as execvp does.
output(spawn('./sh', ['-c', 'echo relative'], { cwd: '/bin' }), function (out) {
  assert.strictEqual(out, 'relative\n');
});

// env replaces the environment.
output(spawn('sh', ['-c', 'echo "$FOO|$BAR|${HOME-unset}"'], {
  env: { FOO: 'foo value', BAR: 42, PATH: process.env.PATH }
}), function (out) {
  assert.strictEqual(out, 'foo value|42|unset\n');
});

// The program is looked up in the PATH of the child's environment.
output(spawn('env', [], { env: { ONLY: 'this', PATH: '/usr/bin:/bin' } }), function (out) {
  var lines = out.trim().split('\n').sort();
  assert.deepEqual(lines.filter(function (l) { return !/^_=/.test(l); }),
                   ['ONLY=this', 'PATH=/usr/bin:/bin']);
});

// By default the child gets process.env, with the script's changes. (The
// documentation says an empty options object means an empty environment;
// Node 0.7.4's code, like every later version, used process.env then too.)
process.env.GOJATLS_CHILD_TEST = 'set by the script';
[undefined, {}, { env: null }].forEach(function (options) {
  output(spawn('sh', ['-c', 'echo "$GOJATLS_CHILD_TEST"'], options), function (out) {
    assert.strictEqual(out, 'set by the script\n');
  });
});
