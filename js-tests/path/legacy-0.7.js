// path: behaviour of Node 0.7.4 that today's Node changed, so this test
// fails under node v20 on purpose.
var assert = require('assert');
var path = require('path');

// 0.7.4 documents that join ignores non-string arguments; Node >= 0.10 throws.
assert.equal(path.join('foo', {}, 'bar'), 'foo/bar');
assert.equal(path.join('x', true, 7, 'y', null, {}), 'x/y');
assert.equal(path.join(undefined), '.');
assert.equal(path.join(1, 2), '.');
// resolve ignores them as well (documented in 0.7.4).
assert.equal(path.resolve('/a', 5, 'b', null), '/a/b');
assert.equal(path.resolve({}), process.cwd());

// In 0.7 a trailing slash stays part of the last portion (fixed in 0.10).
assert.equal(path.basename('/a/b/'), 'b/');
assert.equal(path.basename('a/'), 'a/');
assert.equal(path.basename('/file.ext/', '.ext'), 'file.ext/');
assert.equal(path.extname('file.ext/'), '');
assert.equal(path.extname('file.ext//'), '');
assert.equal(path.extname('file./'), '');
// 0.7 strips ext even when it is the whole basename.
assert.equal(path.basename('/a', 'a'), '');
assert.equal(path.basename('aaa/bbb', 'bbb'), '');
// basename, dirname and extname coerce their argument to a string.
assert.equal(path.basename(123), '123');
assert.equal(path.basename(null), 'null');
// dirname('//a') is '/' in 0.7 ('//' today).
assert.equal(path.dirname('//a'), '/');
assert.equal(path.dirname(5), '.');
assert.equal(path.extname(1.5), '.5');

// path.exists and path.existsSync: 0.7's older names for fs.exists and
// fs.existsSync (removed from path in later versions).
assert.strictEqual(path.existsSync(__filename), true);
assert.strictEqual(path.existsSync(__filename + '.does-not-exist'), false);
var calls = 0;
path.exists(__filename, function(exists) {
  calls++;
  assert.strictEqual(exists, true);
  path.exists(__dirname + '/no/such/file', function(exists) {
    calls++;
    assert.strictEqual(exists, false);
  });
});
process.on('exit', function() {
  assert.equal(calls, 2);
});
