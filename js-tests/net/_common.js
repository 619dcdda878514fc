// Helpers for the net tests (not a test itself: its name starts with '_').
var assert = require('assert');
var os = require('os');
var fs = require('fs');

// is07 is true under Node 0.7.4 (and gojatls, which is Node 0.7.4 to
// scripts); checks of behaviour that today's node changed are guarded by it.
exports.is07 = process.version === 'v0.7.4';

// mustCall(fn, [times]) wraps fn; the process fails at exit unless the
// wrapper ran exactly times times (default 1).
var checks = [];
exports.mustCall = function (fn, times) {
  var check = { name: fn.name || '<anonymous>', want: times === undefined ? 1 : times, got: 0,
                stack: new Error().stack };
  checks.push(check);
  return function () {
    check.got++;
    return fn.apply(this, arguments);
  };
};

// mustNotCall(what) returns a function that fails the test when called.
exports.mustNotCall = function (what) {
  return function () {
    throw new Error('should not be called: ' + what);
  };
};

process.on('exit', function () {
  checks.forEach(function (c) {
    assert.strictEqual(c.got, c.want, 'function ' + c.name + ' was called ' + c.got +
                       ' times, expected ' + c.want + '\n' + c.stack);
  });
});

function tmpBase() {
  if (typeof os.tmpdir === 'function') return os.tmpdir();
  if (typeof os.tmpDir === 'function') return os.tmpDir();
  return process.env.TMPDIR || '/tmp';
}

// tmpPath(name) is a path for a Unix socket in the system's temporary
// directory, unique to this process; it is removed at exit.
exports.tmpPath = function (name) {
  var p = tmpBase() + '/gojatls-net-' + process.pid + '-' + name + '-' +
      Math.floor(Math.random() * 1e9) + '.sock';
  process.on('exit', function () {
    try {
      fs.unlinkSync(p);
    } catch (e) {
    }
  });
  return p;
};

// exists(path) without fs.existsSync, which Node 0.7 lacks.
exports.exists = function (p) {
  try {
    fs.statSync(p);
    return true;
  } catch (e) {
    return false;
  }
};

// pattern(n, seed) is a Buffer of n bytes that changes along its length:
// 4 KiB blocks, each starting with its number, so that lost, repeated or
// reordered bytes show.
exports.pattern = function (n, seed) {
  var block = new Buffer(4096);
  for (var i = 0; i < block.length; i++) {
    block[i] = (i * 31 + (i >> 8) * 7 + (seed || 1)) & 0xff;
  }
  var b = new Buffer(n);
  for (var at = 0, k = 0; at < n; at += block.length, k++) {
    block.copy(b, at, 0, Math.min(block.length, n - at));
    for (var j = 0; j < 4 && at + j < n; j++) {
      b[at + j] = (k >>> (8 * j)) & 0xff;
    }
  }
  return b;
};

// concat joins Buffers (Node 0.7 has no Buffer.concat).
exports.concat = function (list) {
  var n = 0;
  list.forEach(function (b) { n += b.length; });
  var out = new Buffer(n);
  var at = 0;
  list.forEach(function (b) {
    b.copy(out, at);
    at += b.length;
  });
  return out;
};

// equalBuffers reports whether two Buffers hold the same bytes: with
// equals() where Buffers have it (gojatls, today's node), else 1 MiB at a
// time as base64 text (a byte loop in JS is slow).
exports.equalBuffers = function (a, b) {
  if (a.length !== b.length) return false;
  if (typeof a.equals === 'function') return a.equals(b);
  var step = 1024 * 1024;
  for (var at = 0; at < a.length; at += step) {
    var end = Math.min(at + step, a.length);
    if (a.slice(at, end).toString('base64') !== b.slice(at, end).toString('base64')) {
      return false;
    }
  }
  return true;
};

// isGojatls is true under gojatls, for checks of its own documented
// choices (README: Compatibility) where Node 0.7 behaved differently.
exports.isGojatls = Boolean(process.versions && process.versions.go);

// noErrors makes an 'error' on any of the sockets fail the test.
exports.noErrors = function (list) {
  list.forEach(function (s) {
    s.on('error', function (e) {
      assert.ok(false, 'unexpected error: ' + (e && e.stack || e));
    });
  });
};

// writeAll writes buf in pieces of size bytes; cb goes with the last.
exports.writeAll = function (socket, buf, size, cb) {
  for (var at = 0; at < buf.length; at += size) {
    var last = at + size >= buf.length;
    socket.write(buf.slice(at, Math.min(at + size, buf.length)), last ? cb : undefined);
  }
};

// Checker compares what arrives, chunk by chunk (Buffers or UTF-8
// strings), with the expected bytes; done() says whether all came.
function Checker(expected, what) {
  this.expected = expected;
  this.what = what;
  this.at = 0;
}
Checker.prototype.add = function (b) {
  if (typeof b === 'string') b = new Buffer(b, 'utf8');
  var end = this.at + b.length;
  assert.ok(end <= this.expected.length, this.what + ': ' + end + ' bytes, more than the ' +
            this.expected.length + ' sent');
  if (!exports.equalBuffers(b, this.expected.slice(this.at, end))) {
    var i = 0;
    while (b[i] === this.expected[this.at + i]) i++;
    assert.ok(false, this.what + ': bytes differ at offset ' + (this.at + i));
  }
  this.at = end;
};
Checker.prototype.done = function () {
  return this.at === this.expected.length;
};
exports.Checker = Checker;
