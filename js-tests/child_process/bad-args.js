// Wrong argument types throw TypeErrors, synchronously, before anything
// runs. (Node 0.7 checked little and gave no messages of its own; today's
// node words them differently, so only the types are compared here.)
var assert = require('assert');
var cp = require('child_process');
var common = require('./_common');

function typeError(fn) {
  assert.throws(fn, function (err) {
    return err instanceof TypeError;
  });
}

typeError(function () { cp.spawn(); });
typeError(function () { cp.spawn(123); });
typeError(function () { cp.spawn(null, []); });
typeError(function () { cp.spawn('echo', 'not an array'); });
typeError(function () { cp.spawn('echo', [], 5); });
typeError(function () { cp.spawn('echo', [], { cwd: 5 }); });
typeError(function () { cp.spawn('echo', [], { stdio: 'bogus' }); });
typeError(function () { cp.spawn('echo', [], { stdio: [{}] }); });
typeError(function () { cp.spawn('echo', [], { stdio: ['pipe', 'nonsense'] }); });
typeError(function () { cp.exec(5); });
typeError(function () { cp.exec(); });
typeError(function () { cp.execFile(5); });

typeError(function () { cp.fork(5); });
typeError(function () { cp.fork('x.js', 'not an array'); });
// (fork-bad-args.js has the rest of fork's and send()'s.)

// Arguments are turned into strings, as Node did.
var child = cp.spawn('echo', [1, true, null]);
var out = '';
child.stdout.on('data', function (d) { out += d; });
child.on('close', common.mustCall(function () {
  assert.strictEqual(out, '1 true null\n');
}));

// spawn(command, options), as later Node allows.
var c2 = cp.spawn('pwd', { cwd: '/' });
var out2 = '';
c2.stdout.on('data', function (d) { out2 += d; });
c2.on('close', common.mustCall(function () {
  assert.strictEqual(out2, '/\n');
}));
