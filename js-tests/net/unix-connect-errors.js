// Connecting to a Unix socket path that does not exist, or that is not a
// socket, errors as in Node 0.7 (libuv's connect(2) errno): ENOENT for a
// missing path, ECONNREFUSED for a regular file or a directory. Each
// socket emits one 'error' (syscall connect) and 'close' with had_error.
var assert = require('assert');
var net = require('net');
var fs = require('fs');
var common = require('./_common');
var mustCall = common.mustCall;

var file = common.tmpPath('regular');
fs.writeFileSync(file, 'not a socket');
var dir = common.tmpPath('dir');
fs.mkdirSync(dir);
process.on('exit', function () {
  fs.rmdirSync(dir); // (tmpPath removes the file)
});

[
  [common.tmpPath('missing'), 'ENOENT'],
  ['/nonexistent-gojatls-dir/socket', 'ENOENT'],
  [file, 'ECONNREFUSED'],
  [dir, 'ECONNREFUSED']
].forEach(function (c) {
  var s = net.connect(c[0]);
  s.on('connect', common.mustNotCall('connect to ' + c[0]));
  s.on('error', mustCall(function (err) {
    assert.strictEqual(err.code, c[1], c[0]);
    assert.strictEqual(err.syscall, 'connect');
  }));
  s.on('close', mustCall(function (hadError) {
    assert.strictEqual(hadError, true);
  }));
});
