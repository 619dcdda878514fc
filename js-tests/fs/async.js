// fs: the asynchronous calls, chained one after another.
var assert = require('assert');
var fs = require('fs');
var dir = require('./_tmp').tmpdir('async');
var is07 = process.version.indexOf('v0.7') === 0;

function f(name) {
  return dir + '/' + name;
}

// Checks an error passed to a callback. Node 0.7 put the syscall where the
// description goes ("ENOENT, open 'x'") and set no syscall property; today's
// node says "ENOENT: no such file or directory, open 'x'".
function failed(err, code, path, syscall) {
  assert.ok(err instanceof Error, 'expected ' + code);
  assert.strictEqual(err.code, code);
  assert.strictEqual(typeof err.errno, 'number');
  assert.strictEqual(err.path, path);
  if (is07) {
    var msg = code + ', ' + syscall + (path === undefined ? '' : " '" + path + "'");
    assert.strictEqual(err.message, msg);
    assert.strictEqual(err.syscall, undefined);
  } else {
    assert.strictEqual(err.syscall, syscall);
  }
}

// Runs the steps in order; each gets a `next` to call when done.
var steps = [];
var finished = false;
function step(fn) {
  steps.push(fn);
}
function next() {
  var fn = steps.shift();
  if (fn) fn(next);
  else finished = true;
}
process.on('exit', function() {
  assert.ok(finished, 'not every step ran; left: ' + steps.length);
});

step(function(next) {
  var sync = true;
  fs.writeFile(f('a'), 'héllo', function(err) {
    assert.strictEqual(sync, false); // never called back synchronously
    assert.ifError(err);
    assert.strictEqual(arguments.length, 1);
    next();
  });
  sync = false;
});

step(function(next) {
  fs.readFile(f('a'), function(err, data) {
    assert.ifError(err);
    assert.ok(Buffer.isBuffer(data));
    assert.strictEqual(data.toString(), 'héllo');
    fs.readFile(f('a'), 'utf8', function(err, data) {
      assert.ifError(err);
      assert.strictEqual(data, 'héllo');
      next();
    });
  });
});

step(function(next) {
  fs.writeFile(f('b'), 'ff00', 'hex', function(err) {
    assert.ifError(err);
    fs.readFile(f('b'), 'hex', function(err, data) {
      assert.ifError(err);
      assert.strictEqual(data, 'ff00');
      fs.writeFile(f('b'), new Buffer('buf'), function(err) {
        assert.ifError(err);
        assert.strictEqual(fs.readFileSync(f('b'), 'utf8'), 'buf');
        next();
      });
    });
  });
});

step(function(next) {
  fs.readFile(f('nope'), function(err, data) {
    failed(err, 'ENOENT', f('nope'), 'open');
    assert.strictEqual(data, undefined);
    fs.readFile(dir, function(err) {
      failed(err, 'EISDIR', undefined, 'read');
      fs.writeFile(dir, 'x', function(err) {
        failed(err, 'EISDIR', dir, 'open');
        next();
      });
    });
  });
});

step(function(next) {
  fs.appendFile(f('log'), 'one\n', function(err) {
    assert.ifError(err);
    fs.appendFile(f('log'), new Buffer('two\n'), function(err) {
      assert.ifError(err);
      fs.appendFile(f('log'), '74687265650a', 'hex', function(err) {
        assert.ifError(err);
        assert.strictEqual(fs.readFileSync(f('log'), 'utf8'), 'one\ntwo\nthree\n');
        next();
      });
    });
  });
});

step(function(next) {
  fs.exists(f('log'), function(yes) {
    assert.strictEqual(yes, true);
    assert.strictEqual(arguments.length, 1);
    fs.exists(f('nope'), function(yes) {
      assert.strictEqual(yes, false);
      next();
    });
  });
});

step(function(next) {
  fs.stat(f('log'), function(err, st) {
    assert.ifError(err);
    assert.ok(st instanceof fs.Stats);
    assert.strictEqual(st.isFile(), true);
    assert.strictEqual(st.size, 14);
    assert.ok(st.mtime instanceof Date);
    fs.stat(dir, function(err, st) {
      assert.ifError(err);
      assert.strictEqual(st.isDirectory(), true);
      fs.stat(f('nope'), function(err, st) {
        failed(err, 'ENOENT', f('nope'), 'stat');
        assert.strictEqual(st, undefined);
        next();
      });
    });
  });
});

step(function(next) {
  fs.symlink('log', f('link'), function(err) {
    assert.ifError(err);
    fs.lstat(f('link'), function(err, st) {
      assert.ifError(err);
      assert.strictEqual(st.isSymbolicLink(), true);
      fs.readlink(f('link'), function(err, target) {
        assert.ifError(err);
        assert.strictEqual(target, 'log');
        fs.lstat(f('nope'), function(err) {
          failed(err, 'ENOENT', f('nope'), 'lstat');
          fs.readlink(f('log'), function(err) {
            failed(err, 'EINVAL', f('log'), 'readlink');
            next();
          });
        });
      });
    });
  });
});

step(function(next) {
  // The optional type argument ('file' or 'dir') is accepted and ignored.
  fs.symlink(f('log'), f('link2'), 'file', function(err) {
    assert.ifError(err);
    fs.symlink(f('log'), f('link2'), function(err) {
      // 0.7 named the link's target in async symlink errors.
      assert.strictEqual(err.code, 'EEXIST');
      assert.strictEqual(err.path, f('log'));
      fs.realpath(f('link2'), function(err, resolved) {
        assert.ifError(err);
        assert.strictEqual(resolved, fs.realpathSync(dir) + '/log');
        fs.realpath(f('nope'), function(err) {
          assert.strictEqual(err.code, 'ENOENT');
          next();
        });
      });
    });
  });
});

step(function(next) {
  fs.link(f('log'), f('hard'), function(err) {
    assert.ifError(err);
    assert.strictEqual(fs.statSync(f('log')).nlink, 2);
    fs.link(f('nope'), f('hard2'), function(err) {
      failed(err, 'ENOENT', f('nope'), 'link');
      fs.unlink(f('hard'), function(err) {
        assert.ifError(err);
        assert.strictEqual(fs.existsSync(f('hard')), false);
        fs.unlink(f('hard'), function(err) {
          failed(err, 'ENOENT', f('hard'), 'unlink');
          next();
        });
      });
    });
  });
});

step(function(next) {
  fs.mkdir(f('d'), function(err) {
    assert.ifError(err);
    assert.strictEqual(fs.statSync(f('d')).mode & 511, 511 & ~process.umask());
    fs.mkdir(f('d2'), 448 /*=0700*/, function(err) {
      assert.ifError(err);
      assert.strictEqual(fs.statSync(f('d2')).mode & 511, 448);
      fs.mkdir(f('d'), function(err) {
        failed(err, 'EEXIST', f('d'), 'mkdir');
        next();
      });
    });
  });
});

step(function(next) {
  fs.writeFileSync(f('d/x'), '');
  fs.writeFileSync(f('d/y'), '');
  fs.readdir(f('d'), function(err, names) {
    assert.ifError(err);
    assert.deepEqual(names.sort(), ['x', 'y']);
    fs.readdir(f('nope'), function(err, names) {
      failed(err, 'ENOENT', f('nope'), is07 ? 'readdir' : 'scandir');
      assert.strictEqual(names, undefined);
      next();
    });
  });
});

step(function(next) {
  fs.rename(f('d/x'), f('d/z'), function(err) {
    assert.ifError(err);
    assert.deepEqual(fs.readdirSync(f('d')).sort(), ['y', 'z']);
    fs.rename(f('nope'), f('nope2'), function(err) {
      failed(err, 'ENOENT', f('nope'), 'rename');
      next();
    });
  });
});

step(function(next) {
  fs.rmdir(f('d'), function(err) {
    failed(err, 'ENOTEMPTY', f('d'), 'rmdir');
    fs.unlinkSync(f('d/y'));
    fs.unlinkSync(f('d/z'));
    fs.rmdir(f('d'), function(err) {
      assert.ifError(err);
      assert.strictEqual(fs.existsSync(f('d')), false);
      next();
    });
  });
});

step(function(next) {
  fs.chmod(f('log'), 384 /*=0600*/, function(err) {
    assert.ifError(err);
    assert.strictEqual(fs.statSync(f('log')).mode & 511, 384);
    var st = fs.statSync(f('log'));
    fs.chown(f('log'), st.uid, st.gid, function(err) {
      assert.ifError(err);
      fs.chmod(f('nope'), 384, function(err) {
        failed(err, 'ENOENT', f('nope'), 'chmod');
        next();
      });
    });
  });
});

step(function(next) {
  fs.utimes(f('log'), 1000000000, new Date(1100000000000), function(err) {
    assert.ifError(err);
    if (is07) assert.strictEqual(arguments.length, 0); // 0.7: no arguments
    var st = fs.statSync(f('log'));
    assert.strictEqual(st.atime.getTime(), 1000000000000);
    assert.strictEqual(st.mtime.getTime(), 1100000000000);
    fs.utimes(f('nope'), 1, 1, function(err) {
      failed(err, 'ENOENT', f('nope'), 'utime');
      next();
    });
  });
});

// Descriptors: open, fstat, ftruncate, fchmod, fchown, futimes, fsync,
// fdatasync, close.
step(function(next) {
  fs.open(f('log'), 'r+', function(err, fd) {
    assert.ifError(err);
    assert.strictEqual(typeof fd, 'number');
    fs.fstat(fd, function(err, st) {
      assert.ifError(err);
      assert.strictEqual(st.size, 14);
      fs.truncate(fd, 3, function(err) {
        assert.ifError(err);
        assert.strictEqual(fs.readFileSync(f('log'), 'utf8'), 'one');
        fs.fchmod(fd, 420 /*=0644*/, function(err) {
          assert.ifError(err);
          assert.strictEqual(fs.fstatSync(fd).mode & 511, 420);
          fs.fchown(fd, st.uid, st.gid, function(err) {
            assert.ifError(err);
            fs.futimes(fd, 1000000000, 1000000000, function(err) {
              assert.ifError(err);
              assert.strictEqual(fs.fstatSync(fd).mtime.getTime(), 1000000000000);
              fs.fsync(fd, function(err) {
                assert.ifError(err);
                fs.fdatasync(fd, function(err) {
                  assert.ifError(err);
                  fs.close(fd, function(err) {
                    assert.ifError(err);
                    fs.close(fd, function(err) {
                      failed(err, 'EBADF', undefined, 'close');
                      fs.fstat(fd, function(err) {
                        failed(err, 'EBADF', undefined, 'fstat');
                        next();
                      });
                    });
                  });
                });
              });
            });
          });
        });
      });
    });
  });
});

step(function(next) {
  fs.truncate(f('log'), 1, function(err) {
    assert.ifError(err);
    assert.strictEqual(fs.readFileSync(f('log'), 'utf8'), 'o');
    next();
  });
});

next();
