// fs: the synchronous calls, on a fresh temporary directory.
var assert = require('assert');
var fs = require('fs');
var dir = require('./_tmp').tmpdir('sync');
var is07 = process.version.indexOf('v0.7') === 0;

function f(name) {
  return dir + '/' + name;
}

// Calls block() and returns what it threw, checking code, path and the
// syscall. Node 0.7's messages read "ENOENT, no such file or directory 'x'";
// today's read "ENOENT: no such file or directory, open 'x'".
function fails(block, code, path, syscall) {
  var err;
  try {
    block();
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof Error, 'expected ' + code);
  assert.strictEqual(err.code, code);
  assert.strictEqual(typeof err.errno, 'number');
  assert.strictEqual(err.path, path);
  assert.strictEqual(err.syscall, syscall);
  return err;
}

// writeFileSync / readFileSync
fs.writeFileSync(f('a.txt'), 'héllo');
var buf = fs.readFileSync(f('a.txt'));
assert.ok(Buffer.isBuffer(buf));
assert.strictEqual(buf.length, 6);
assert.strictEqual(fs.readFileSync(f('a.txt'), 'utf8'), 'héllo');
assert.strictEqual(fs.readFileSync(f('a.txt'), 'hex'), '68c3a96c6c6f');
fs.writeFileSync(f('a.txt'), '6869', 'hex');
assert.strictEqual(fs.readFileSync(f('a.txt'), 'utf8'), 'hi');
fs.writeFileSync(f('a.txt'), new Buffer([0, 1, 2, 255]));
assert.deepEqual(Array.prototype.slice.call(fs.readFileSync(f('a.txt'))),
                 [0, 1, 2, 255]);
if (is07) {
  // 0.7 wrote any other value as a string; today's node refuses it.
  fs.writeFileSync(f('a.txt'), 42);
  assert.strictEqual(fs.readFileSync(f('a.txt'), 'utf8'), '42');
}
fs.writeFileSync(f('empty'), '');
assert.strictEqual(fs.readFileSync(f('empty')).length, 0);
assert.strictEqual(fs.readFileSync(f('empty'), 'utf8'), '');

// A file bigger than any one read.
var big = new Buffer(300 * 1024);
for (var i = 0; i < big.length; i++) big[i] = i % 251;
fs.writeFileSync(f('big'), big);
var back = fs.readFileSync(f('big'));
assert.strictEqual(back.length, big.length);
assert.strictEqual(back.toString('base64'), big.toString('base64'));

// appendFileSync creates, then appends.
fs.appendFileSync(f('log'), 'one\n');
fs.appendFileSync(f('log'), new Buffer('two\n'));
fs.appendFileSync(f('log'), '74687265650a', 'hex');
assert.strictEqual(fs.readFileSync(f('log'), 'utf8'), 'one\ntwo\nthree\n');

// existsSync
assert.strictEqual(fs.existsSync(f('log')), true);
assert.strictEqual(fs.existsSync(dir), true);
assert.strictEqual(fs.existsSync(f('nope')), false);

// statSync
var st = fs.statSync(f('log'));
assert.ok(st instanceof fs.Stats);
assert.strictEqual(st.size, 14);
assert.strictEqual(st.isFile(), true);
assert.strictEqual(st.isDirectory(), false);
assert.strictEqual(st.isSymbolicLink(), false);
assert.strictEqual(st.isBlockDevice(), false);
assert.strictEqual(st.isCharacterDevice(), false);
assert.strictEqual(st.isFIFO(), false);
assert.strictEqual(st.isSocket(), false);
['dev', 'ino', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'size', 'blksize',
 'blocks'].forEach(function(k) {
  assert.strictEqual(typeof st[k], 'number', k);
});
['atime', 'mtime', 'ctime'].forEach(function(k) {
  assert.ok(st[k] instanceof Date, k);
  assert.ok(Math.abs(st[k].getTime() - Date.now()) < 3600 * 1000, k);
});
assert.strictEqual(st.nlink, 1);
if (is07) {
  // Node 0.7 built the Dates from whole seconds, and listed exactly these
  // properties, in this order.
  assert.strictEqual(st.mtime.getTime() % 1000, 0);
  assert.deepEqual(Object.keys(st), ['dev', 'ino', 'mode', 'nlink', 'uid',
    'gid', 'rdev', 'size', 'blksize', 'blocks', 'atime', 'mtime', 'ctime']);
}
var dst = fs.statSync(dir);
assert.strictEqual(dst.isDirectory(), true);
assert.strictEqual(dst.isFile(), false);
var nullst = fs.statSync('/dev/null');
assert.strictEqual(nullst.isCharacterDevice(), true);
assert.strictEqual(nullst.isFile(), false);

// mkdirSync: mode 0777 less the umask by default; a number or octal string.
fs.mkdirSync(f('d1'));
var mask = process.umask();
assert.strictEqual(fs.statSync(f('d1')).mode & 511, 511 & ~mask);
fs.mkdirSync(f('d2'), 448 /*=0700*/);
assert.strictEqual(fs.statSync(f('d2')).mode & 511, 448);
fs.mkdirSync(f('d3'), '750');
assert.strictEqual(fs.statSync(f('d3')).mode & 511, 488 /*=0750*/ & ~mask);
fails(function() { fs.mkdirSync(f('d1')); }, 'EEXIST', f('d1'), 'mkdir');
fails(function() { fs.mkdirSync(f('no/such')); }, 'ENOENT', f('no/such'),
      'mkdir');

// readdirSync: names without '.' and '..'.
fs.writeFileSync(f('d1/x'), 'x');
fs.writeFileSync(f('d1/y'), 'y');
fs.mkdirSync(f('d1/z'));
assert.deepEqual(fs.readdirSync(f('d1')).sort(), ['x', 'y', 'z']);
assert.deepEqual(fs.readdirSync(f('d2')), []);
fails(function() { fs.readdirSync(f('nope')); }, 'ENOENT', f('nope'),
      is07 ? 'readdir' : 'scandir');
fails(function() { fs.readdirSync(f('log')); }, 'ENOTDIR', f('log'),
      is07 ? 'readdir' : 'scandir');

// renameSync
fs.renameSync(f('d1/x'), f('d1/x2'));
assert.deepEqual(fs.readdirSync(f('d1')).sort(), ['x2', 'y', 'z']);
assert.strictEqual(fs.readFileSync(f('d1/x2'), 'utf8'), 'x');
fs.renameSync(f('d1/y'), f('d1/x2')); // replaces
assert.strictEqual(fs.readFileSync(f('d1/x2'), 'utf8'), 'y');
fs.renameSync(f('d2'), f('d1/z')); // a directory over an empty one
assert.strictEqual(fs.existsSync(f('d2')), false);
fails(function() { fs.renameSync(f('nope'), f('nope2')); }, 'ENOENT',
      f('nope'), 'rename');

// unlinkSync, rmdirSync
fails(function() { fs.rmdirSync(f('d1')); }, 'ENOTEMPTY', f('d1'), 'rmdir');
fails(function() { fs.rmdirSync(f('log')); }, 'ENOTDIR', f('log'), 'rmdir');
fails(function() { fs.unlinkSync(f('d1')); }, 'EISDIR', f('d1'), 'unlink');
fails(function() { fs.unlinkSync(f('nope')); }, 'ENOENT', f('nope'),
      'unlink');
fs.unlinkSync(f('d1/x2'));
fs.rmdirSync(f('d1/z'));
assert.deepEqual(fs.readdirSync(f('d1')), []);
fs.rmdirSync(f('d1'));
assert.strictEqual(fs.existsSync(f('d1')), false);

// readFileSync errors
var err = fails(function() { fs.readFileSync(f('nope')); }, 'ENOENT',
                f('nope'), 'open');
if (is07) {
  assert.strictEqual(err.message,
                     "ENOENT, no such file or directory '" + f('nope') + "'");
}
err = fails(function() { fs.readFileSync(dir); }, 'EISDIR', undefined,
            'read');
if (is07) {
  assert.strictEqual(err.message, 'EISDIR, illegal operation on a directory');
}
fails(function() { fs.writeFileSync(dir, 'x'); }, 'EISDIR', dir, 'open');
fails(function() { fs.appendFileSync(f('no/such'), 'x'); }, 'ENOENT',
      f('no/such'), 'open');

// chmodSync
fs.chmodSync(f('log'), 384 /*=0600*/);
assert.strictEqual(fs.statSync(f('log')).mode & 511, 384);
fs.chmodSync(f('log'), '644');
assert.strictEqual(fs.statSync(f('log')).mode & 511, 420 /*=0644*/);
fails(function() { fs.chmodSync(f('nope'), 420); }, 'ENOENT', f('nope'),
      'chmod');

// chownSync to the owner it already has
st = fs.statSync(f('log'));
fs.chownSync(f('log'), st.uid, st.gid);
fails(function() { fs.chownSync(f('nope'), st.uid, st.gid); }, 'ENOENT',
      f('nope'), 'chown');

// utimesSync: seconds or Dates
fs.utimesSync(f('log'), 1000000000, 1100000000);
st = fs.statSync(f('log'));
assert.strictEqual(st.atime.getTime(), 1000000000 * 1000);
assert.strictEqual(st.mtime.getTime(), 1100000000 * 1000);
fs.utimesSync(f('log'), new Date(1200000000000), new Date(1300000000000));
st = fs.statSync(f('log'));
assert.strictEqual(st.atime.getTime(), 1200000000000);
assert.strictEqual(st.mtime.getTime(), 1300000000000);
fails(function() { fs.utimesSync(f('nope'), 1, 1); }, 'ENOENT', f('nope'),
      'utime');

// symlinkSync, readlinkSync, lstatSync, linkSync, realpathSync
fs.symlinkSync('log', f('link'));
assert.strictEqual(fs.readlinkSync(f('link')), 'log');
assert.strictEqual(fs.lstatSync(f('link')).isSymbolicLink(), true);
assert.strictEqual(fs.statSync(f('link')).isSymbolicLink(), false);
assert.strictEqual(fs.statSync(f('link')).isFile(), true);
assert.strictEqual(fs.readFileSync(f('link'), 'utf8'), 'one\ntwo\nthree\n');
fs.symlinkSync(f('nope'), f('dangling'));
assert.strictEqual(fs.existsSync(f('dangling')), false);
assert.strictEqual(fs.lstatSync(f('dangling')).isSymbolicLink(), true);
fails(function() { fs.readlinkSync(f('log')); }, 'EINVAL', f('log'),
      'readlink');
fails(function() { fs.lstatSync(f('nope')); }, 'ENOENT', f('nope'), 'lstat');
fs.linkSync(f('log'), f('hard'));
assert.strictEqual(fs.statSync(f('log')).nlink, 2);
assert.strictEqual(fs.statSync(f('hard')).ino, fs.statSync(f('log')).ino);
fails(function() { fs.linkSync(f('nope'), f('hard2')); }, 'ENOENT',
      f('nope'), 'link');
fs.mkdirSync(f('real'));
fs.symlinkSync(f('real'), f('dirlink'));
var realDir = fs.realpathSync(dir);
assert.strictEqual(fs.realpathSync(f('dirlink')), realDir + '/real');
assert.strictEqual(fs.realpathSync(f('dirlink/../log')), realDir + '/log');
assert.strictEqual(fs.realpathSync(f('link')), realDir + '/log');
if (is07) {
  // 0.7's optional cache of known answers (today's node ignores it).
  var cache = {};
  assert.strictEqual(fs.realpathSync(f('link'), cache), realDir + '/log');
  assert.strictEqual(cache[f('link')], realDir + '/log');
  cache[f('link')] = '/cached';
  assert.strictEqual(fs.realpathSync(f('link'), cache), '/cached');
}
assert.strictEqual(fs.realpathSync('/'), '/');
// '..' is taken lexically, before links are followed.
fs.mkdirSync(f('real/deep'));
fs.symlinkSync(f('real/deep'), f('deeplink'));
assert.strictEqual(fs.realpathSync(f('deeplink')), realDir + '/real/deep');
assert.strictEqual(fs.realpathSync(f('deeplink/..')), realDir);
fs.unlinkSync(f('deeplink'));
err = fails(function() { fs.realpathSync(f('nope')); }, 'ENOENT',
            realDir + '/nope', 'lstat');
fs.unlinkSync(f('dangling'));
fs.unlinkSync(f('hard'));
fs.unlinkSync(f('link'));

// truncateSync (by descriptor, as in 0.7; and by name) and ftruncateSync
fs.writeFileSync(f('t'), 'abcdefgh');
var fd = fs.openSync(f('t'), 'r+');
fs.ftruncateSync(fd, 5);
assert.strictEqual(fs.readFileSync(f('t'), 'utf8'), 'abcde');
fs.closeSync(fd);
fs.truncateSync(f('t'), 2);
assert.strictEqual(fs.readFileSync(f('t'), 'utf8'), 'ab');
fs.truncateSync(f('t'));
assert.strictEqual(fs.readFileSync(f('t'), 'utf8'), '');

// fstatSync, fchmodSync, fchownSync, futimesSync, fsyncSync, fdatasyncSync
fd = fs.openSync(f('t'), 'a');
fs.writeSync(fd, new Buffer('1234'), 0, 4, null);
st = fs.fstatSync(fd);
assert.strictEqual(st.size, 4);
assert.strictEqual(st.isFile(), true);
fs.fchmodSync(fd, 416 /*=0640*/);
assert.strictEqual(fs.fstatSync(fd).mode & 511, 416);
fs.fchownSync(fd, st.uid, st.gid);
fs.futimesSync(fd, 1000000000, new Date(1000000001000));
assert.strictEqual(fs.fstatSync(fd).atime.getTime(), 1000000000000);
assert.strictEqual(fs.fstatSync(fd).mtime.getTime(), 1000000001000);
fs.fsyncSync(fd);
fs.fdatasyncSync(fd);
fs.closeSync(fd);
fails(function() { fs.fstatSync(fd); }, 'EBADF', undefined, 'fstat');
fails(function() { fs.closeSync(fd); }, 'EBADF', undefined, 'close');

console.log('ok');
