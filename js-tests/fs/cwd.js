// fs: relative paths resolve against process.cwd(), which process.chdir()
// changes; errors show the path as the script gave it.
var assert = require('assert');
var fs = require('fs');
var dir = require('./_tmp').tmpdir('cwd');
var is07 = process.version.indexOf('v0.7') === 0;
var real = fs.realpathSync(dir);

process.chdir(dir);
assert.strictEqual(fs.realpathSync(process.cwd()), real);

fs.writeFileSync('rel.txt', 'relative');
assert.strictEqual(fs.readFileSync(dir + '/rel.txt', 'utf8'), 'relative');
assert.strictEqual(fs.readFileSync('./rel.txt', 'utf8'), 'relative');
assert.ok(fs.existsSync('rel.txt'));
assert.strictEqual(fs.realpathSync('rel.txt'), real + '/rel.txt');
assert.strictEqual(fs.realpathSync('.'), real);
assert.strictEqual(fs.realpathSync(''), real);

try {
  fs.readFileSync('missing.txt');
  assert.fail('no error');
} catch (err) {
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.path, 'missing.txt');
  if (is07) {
    assert.strictEqual(err.message,
                       "ENOENT, no such file or directory 'missing.txt'");
  }
}
try {
  fs.readFileSync('');
  assert.fail('no error');
} catch (err) {
  assert.strictEqual(err.code, 'ENOENT');
}
// A trailing slash keeps its meaning: rel.txt is not a directory.
assert.throws(function() { fs.statSync('rel.txt/'); }, function(err) {
  return err.code === 'ENOTDIR';
});

fs.mkdirSync('sub');
process.chdir('sub');
fs.writeFileSync('../up.txt', 'up');
fs.writeFileSync('here.txt', 'here');
assert.deepEqual(fs.readdirSync('..').sort(), ['rel.txt', 'sub', 'up.txt']);
assert.deepEqual(fs.readdirSync('.'), ['here.txt']);
fs.symlinkSync('../rel.txt', 'link');
assert.strictEqual(fs.readFileSync('link', 'utf8'), 'relative');
fs.renameSync('here.txt', '../moved.txt');
assert.ok(fs.existsSync(dir + '/moved.txt'));
var fd = fs.openSync('../up.txt', 'r');
assert.strictEqual(fs.fstatSync(fd).size, 2);
fs.closeSync(fd);

var pending = 3;
fs.readFile('../up.txt', 'utf8', function(err, data) {
  assert.ifError(err);
  assert.strictEqual(data, 'up');
  pending--;
});
fs.stat('nothing', function(err) {
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.path, 'nothing');
  if (is07) assert.strictEqual(err.message, "ENOENT, stat 'nothing'");
  pending--;
});
var got = '';
fs.createReadStream('../rel.txt', { encoding: 'utf8' })
  .on('data', function(s) { got += s; })
  .on('end', function() {
    assert.strictEqual(got, 'relative');
    pending--;
  });
process.on('exit', function() {
  assert.strictEqual(pending, 0);
});
