// Helpers for the child_process tests (not a test itself: its name starts
// with '_').
var assert = require('assert');

// is07 and mustCall as the net tests have them.
var common = require('../net/_common');
exports.is07 = common.is07;
exports.mustCall = common.mustCall;

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

exports.concat = common.concat;
exports.equalBuffers = common.equalBuffers;
exports.isGojatls = common.isGojatls;
