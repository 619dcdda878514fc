// fs: open flags, read and write through descriptors, and bad arguments.
var assert = require('assert');
var fs = require('fs');
var dir = require('./_tmp').tmpdir('fd');
var is07 = process.version.indexOf('v0.7') === 0;

function f(name) {
  return dir + '/' + name;
}

function read(name) {
  return fs.readFileSync(f(name), 'utf8');
}

function code(block) {
  try {
    block();
  } catch (e) {
    return e.code;
  }
  return 'no error';
}

// 'r' and 'r+' need the file; 'w' creates and truncates; 'a' appends.
assert.strictEqual(code(function() { fs.openSync(f('x'), 'r'); }), 'ENOENT');
assert.strictEqual(code(function() { fs.openSync(f('x'), 'r+'); }), 'ENOENT');
var fd = fs.openSync(f('x'), 'w');
assert.strictEqual(typeof fd, 'number');
assert.ok(fd > 2);
assert.strictEqual(fs.writeSync(fd, new Buffer('hello world'), 0, 11, null), 11);
// A read from a write-only descriptor fails.
assert.strictEqual(code(function() {
  fs.readSync(fd, new Buffer(4), 0, 4, null);
}), 'EBADF');
fs.closeSync(fd);
assert.strictEqual(read('x'), 'hello world');

fd = fs.openSync(f('x'), 'r');
var buf = new Buffer(20);
buf.fill(0);
assert.strictEqual(fs.readSync(fd, buf, 0, 5, null), 5);
assert.strictEqual(buf.toString('utf8', 0, 5), 'hello');
// Reading at the current position continues; offset places it in buf.
assert.strictEqual(fs.readSync(fd, buf, 10, 6, null), 6);
assert.strictEqual(buf.toString('utf8', 10, 16), ' world');
// At the end of the file: 0 bytes.
assert.strictEqual(fs.readSync(fd, buf, 0, 5, null), 0);
// A position reads from there and does not move the current position.
assert.strictEqual(fs.readSync(fd, buf, 0, 5, 6), 5);
assert.strictEqual(buf.toString('utf8', 0, 5), 'world');
assert.strictEqual(fs.readSync(fd, buf, 0, 5, null), 0);
// Writing to a read-only descriptor fails.
assert.strictEqual(code(function() {
  fs.writeSync(fd, new Buffer('x'), 0, 1, null);
}), 'EBADF');
fs.closeSync(fd);

// The older string forms: readSync(fd, length, position, encoding) returns
// [string, bytesRead] (gone from today's node); writeSync(fd, string,
// position, encoding).
function readString(fd, length, position) {
  if (is07) return fs.readSync(fd, length, position, 'utf8');
  var b = new Buffer(length);
  var n = fs.readSync(fd, b, 0, length, position);
  return [b.toString('utf8', 0, n), n];
}
fd = fs.openSync(f('x'), 'r+');
assert.deepEqual(readString(fd, 5, 0), ['hello', 5]);
assert.strictEqual(fs.writeSync(fd, 'HELLO', 0), 5);
assert.strictEqual(fs.writeSync(fd, '5752', 6, 'hex'), 2);
assert.strictEqual(read('x'), 'HELLO WRrld');
assert.strictEqual(fs.writeSync(fd, '', 0), 0);
fs.closeSync(fd);

// 'w+' truncates and can read back; 'a' and 'a+' append whatever the
// position; 'wx' and friends refuse an existing file.
fd = fs.openSync(f('x'), 'w+');
assert.strictEqual(fs.fstatSync(fd).size, 0);
fs.writeSync(fd, 'abc', null);
assert.deepEqual(readString(fd, 3, 0), ['abc', 3]);
fs.closeSync(fd);
fd = fs.openSync(f('x'), 'a');
fs.writeSync(fd, 'def', null);
fs.closeSync(fd);
fd = fs.openSync(f('x'), 'a+');
fs.writeSync(fd, 'ghi', null);
assert.deepEqual(readString(fd, 9, 0), ['abcdefghi', 9]);
fs.closeSync(fd);
assert.strictEqual(read('x'), 'abcdefghi');
['wx', 'wx+', 'ax', 'ax+'].forEach(function(flag) {
  assert.strictEqual(code(function() { fs.openSync(f('x'), flag); }), 'EEXIST',
                     flag);
  fs.closeSync(fs.openSync(f('new-' + flag), flag));
  assert.ok(fs.existsSync(f('new-' + flag)), flag);
});
assert.strictEqual(read('x'), 'abcdefghi');
// Opening a directory for writing fails with EISDIR.
assert.strictEqual(code(function() { fs.openSync(dir, 'w'); }), 'EISDIR');

// mode applies to created files (less the umask), as a number or an octal
// string; it defaults to 0666.
var mask = process.umask();
fs.closeSync(fs.openSync(f('m1'), 'w'));
assert.strictEqual(fs.statSync(f('m1')).mode & 511, 438 & ~mask);
fs.closeSync(fs.openSync(f('m2'), 'w', 384 /*=0600*/));
assert.strictEqual(fs.statSync(f('m2')).mode & 511, 384);
fs.closeSync(fs.openSync(f('m3'), 'w', '640'));
assert.strictEqual(fs.statSync(f('m3')).mode & 511, 416 /*=0640*/ & ~mask);

// Bad arguments throw at once, in the async forms too.
function throwsType(block) {
  assert.throws(block, TypeError);
  if (is07) {
    // Node 0.7's binding said just "Bad argument".
    try {
      block();
    } catch (e) {
      assert.strictEqual(e.message, 'Bad argument');
    }
  }
}
throwsType(function() { fs.statSync(42); });
throwsType(function() { fs.stat(42, function() {}); });
throwsType(function() { fs.lstatSync(null); });
throwsType(function() { fs.readFileSync({}); });
throwsType(function() { fs.readFile(undefined, function() {}); });
throwsType(function() { fs.writeFileSync(true, 'x'); });
throwsType(function() { fs.unlinkSync(1); });
throwsType(function() { fs.unlink(1, function() {}); });
throwsType(function() { fs.rmdirSync([]); });
throwsType(function() { fs.mkdirSync(7); });
throwsType(function() { fs.readdirSync(7); });
throwsType(function() { fs.renameSync(f('x'), 7); });
throwsType(function() { fs.renameSync(7, f('x')); });
throwsType(function() { fs.openSync(7, 'r'); });
throwsType(function() { fs.closeSync('3'); });
throwsType(function() { fs.close(null, function() {}); });
throwsType(function() { fs.fstatSync('x'); });
throwsType(function() { fs.readlinkSync(1); });
throwsType(function() { fs.symlinkSync(1, f('s')); });
throwsType(function() { fs.linkSync(f('x'), {}); });
throwsType(function() { fs.chmodSync(1, 420); });
throwsType(function() { fs.utimesSync(1, 0, 0); });
throwsType(function() { fs.fsyncSync('x'); });

// An unknown flag string is an Error.
assert.throws(function() { fs.openSync(f('x'), 'q'); }, Error);
assert.throws(function() { fs.open(f('x'), 'rw', function() {}); }, Error);
if (is07) {
  assert.throws(function() { fs.openSync(f('x'), 'q'); },
                /^Error: Unknown file open flag: q$/);
  // A wrong time, uid or buffer range: 0.7's own messages.
  assert.throws(function() { fs.utimesSync(f('x'), 'now', 0); },
                /^Error: Cannot parse time: now$/);
  assert.throws(function() { fs.chownSync(f('x'), 'me', 0); },
                /^Error: User and Group IDs must be an integer\.$/);
  fd = fs.openSync(f('x'), 'r+');
  assert.throws(function() { fs.readSync(fd, new Buffer(4), 4, 1, 0); },
                /^Error: Offset is out of bounds$/);
  assert.throws(function() { fs.readSync(fd, new Buffer(4), 1, 4, 0); },
                /^Error: Length extends beyond buffer$/);
  assert.throws(function() { fs.writeSync(fd, new Buffer(4), 5, 1, 0); },
                /^Error: Offset is out of bounds$/);
  assert.throws(function() { fs.writeSync(fd, new Buffer(4), 2, 3, 0); },
                /^Error: Length is extends beyond buffer$/);
  assert.throws(function() { fs.writeSync(fd, new Buffer(4), 0, 1, 'x'); },
                /^TypeError: Not an integer$/);
  fs.closeSync(fd);
  // A missing callback was allowed (a no-op took its place).
  fs.unlink(f('nope'));
  fs.writeFile(f('nocb'), 'x');
}
fd = fs.openSync(f('x'), 'r+');
assert.throws(function() { fs.readSync(fd, new Buffer(4), 1, 4, 0); });
assert.throws(function() { fs.writeSync(fd, new Buffer(4), 2, 3, 0); });
fs.closeSync(fd);

// The asynchronous descriptor calls.
var done = 0;
fs.open(f('y'), 'w+', 420, function(err, fd) {
  assert.ifError(err);
  var data = new Buffer('0123456789');
  fs.write(fd, data, 2, 5, null, function(err, written, buffer) {
    assert.ifError(err);
    assert.strictEqual(written, 5);
    assert.strictEqual(buffer, data);
    fs.write(fd, data, 0, 2, 10, function(err, written) {
      assert.ifError(err);
      assert.strictEqual(written, 2);
      // Nothing to write: called back with 0 (and, in 0.7, no buffer).
      fs.write(fd, data, 0, 0, null, function(err, written) {
        assert.ok(!err);
        assert.strictEqual(written, 0);
        var into = new Buffer(8);
        into.fill(46);
        fs.read(fd, into, 1, 7, 0, function(err, n, buffer) {
          assert.ifError(err);
          assert.strictEqual(n, 7);
          assert.strictEqual(buffer, into);
          assert.strictEqual(into.toString('binary').charCodeAt(0), 46);
          assert.strictEqual(into.slice(1, 6).toString(), '23456');
          assert.strictEqual(into[6], 0); // the hole between 5 and 10
          fs.read(fd, into, 0, 8, 100, function(err, n) {
            assert.ifError(err);
            assert.strictEqual(n, 0);
            fs.write(fd, 'xyz', 0, 'utf8', function(err, written) {
              assert.ifError(err);
              assert.strictEqual(written, 3);
              if (!is07) return finish(fd);
              // The older string form of read: (err, string, bytesRead).
              fs.read(fd, 3, 0, 'utf8', function(err, str, n) {
                assert.ifError(err);
                assert.strictEqual(str, 'xyz');
                assert.strictEqual(n, 3);
                finish(fd);
              });
            });
          });
        });
      });
    });
  });
});

function finish(fd) {
  fs.closeSync(fd);
  var data = fs.readFileSync(f('y'));
  assert.strictEqual(data.length, 12);
  assert.strictEqual(data.slice(0, 5).toString(), 'xyz56');
  assert.strictEqual(data.slice(10).toString(), '01');
  fs.read(fd, new Buffer(1), 0, 1, 0, function(err, n) {
    assert.strictEqual(err.code, 'EBADF');
    assert.strictEqual(n, 0);
    fs.write(fd, new Buffer(1), 0, 1, 0, function(err, n) {
      assert.strictEqual(err.code, 'EBADF');
      assert.strictEqual(n, 0);
      done++;
    });
  });
}

process.on('exit', function() {
  assert.strictEqual(done, 1);
});
