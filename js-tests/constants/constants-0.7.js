// require('constants') is Node 0.7.4's process.binding('constants'): the
// numbers the system uses, so they agree with what fs and process report.
var assert = require('assert');
var fs = require('fs');
var constants = require('constants');
assert.strictEqual(require('constants'), constants);

// Every entry is a read-only integer.
var names = Object.keys(constants);
assert.ok(names.length > 100, names.length + ' constants');
names.forEach(function (name) {
  assert.ok(/^(E|SIG|O_|S_I)[A-Z0-9_]+$/.test(name), name);
  assert.strictEqual(typeof constants[name], 'number', name);
  assert.strictEqual(constants[name] % 1, 0, name);
});
constants.ENOENT = -1;
assert.notStrictEqual(constants.ENOENT, -1);

// Errors carry the same numbers (negated, as libuv reports them).
try {
  fs.readFileSync(__dirname + '/no-such-file');
  assert.fail('read a missing file');
} catch (e) {
  assert.strictEqual(e.code, 'ENOENT');
  assert.strictEqual(-e.errno, constants.ENOENT);
}

// stat() mode bits.
var st = fs.statSync(__filename);
assert.strictEqual(st.mode & constants.S_IFMT, constants.S_IFREG);
assert.strictEqual(fs.statSync(__dirname).mode & constants.S_IFMT, constants.S_IFDIR);
assert.ok(st.mode & constants.S_IRUSR);

// open() flags: a numeric flag is used as it is (0.7's stringToFlags).
var fd = fs.openSync(__filename, constants.O_RDONLY);
assert.ok(fd >= 0);
fs.closeSync(fd);

// Signals (POSIX fixes these two numbers).
assert.strictEqual(constants.SIGKILL, 9);
assert.strictEqual(constants.SIGTERM, 15);
