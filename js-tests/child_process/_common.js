// Helpers for the child_process tests (not a test itself: its name starts
// with '_').
var assert = require('assert');

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

process.on('exit', function () {
  checks.forEach(function (c) {
    assert.strictEqual(c.got, c.want, 'function ' + c.name + ' was called ' + c.got +
                       ' times, expected ' + c.want + '\n' + c.stack);
  });
});

// collect(stream, done) gathers a readable stream's Buffers and calls
// done(buffer) at its end.
exports.collect = function (stream, done) {
  var chunks = [];
  stream.on('data', function (chunk) {
    assert.ok(Buffer.isBuffer(chunk), 'data is a Buffer');
    chunks.push(chunk);
  });
  stream.on('end', function () {
    done(exports.concat(chunks));
  });
};

// pattern(n) is a Buffer of n bytes that changes along its length, so that
// lost, repeated or reordered bytes show: a block of 65521 bytes (a prime,
// so that it never lines up with read or write sizes), repeated with the
// repetition number mixed in.
exports.pattern = function (n) {
  var blockSize = 65521;
  var block = new Buffer(blockSize);
  for (var i = 0; i < blockSize; i++) {
    block[i] = (i * 31 + (i >> 8) * 7) & 0xff;
  }
  var b = new Buffer(n);
  for (var at = 0, k = 0; at < n; at += blockSize, k++) {
    block.copy(b, at, 0, Math.min(blockSize, n - at));
    b[at] = k & 0xff;
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

// equalBuffers reports whether two Buffers hold the same bytes.
exports.equalBuffers = function (a, b) {
  return a.length === b.length && a.toString('base64') === b.toString('base64');
};

// isGojatls is true under gojatls, for checks of its own choices where
// Node 0.7 had something else (which handles fork()'s send() takes).
exports.isGojatls = Boolean(process.versions && process.versions.go);
