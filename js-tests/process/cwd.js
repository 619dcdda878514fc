// cwd() and chdir(): relative paths and errors.
var assert = require('assert');
var path = require('path');
var start = process.cwd();
assert.strictEqual(start, __dirname);
process.chdir('..');
assert.strictEqual(process.cwd(), path.dirname(__dirname));
process.chdir(start);
assert.strictEqual(process.cwd(), start);
assert.throws(function () { process.chdir('/no/such/dir/here'); }, function (err) {
  return err instanceof Error && err.code === 'ENOENT';
});
assert.strictEqual(process.cwd(), start);
