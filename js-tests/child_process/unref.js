// child.unref() (later Node): the program may end while the child runs.
// The child here never ends by itself, so this test only finishes if
// unref() works.
var assert = require('assert');
var spawn = require('child_process').spawn;

var child = spawn('sh', ['-c', 'exec sleep 600'], { stdio: 'ignore' });
assert.strictEqual(typeof child.pid, 'number');
child.on('exit', function () {
  throw new Error('the child should outlive the program');
});
child.unref();
// ref() then unref() again: the handle counts once.
child.ref();
child.unref();

// Today's node would leave the child running after the program; gojatls
// kills it at the end anyway. Tidy up for both.
process.on('exit', function () {
  child.kill();
});
