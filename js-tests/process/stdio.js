// stdout/stderr are writable streams; stdin is a readable stream that
// starts paused. (The harness gives an empty stdin: 'end' follows resume().)
var assert = require('assert');
var Stream = require('stream');
assert.ok(process.stdout instanceof Stream);
assert.ok(process.stderr instanceof Stream);
assert.ok(process.stdin instanceof Stream);
assert.strictEqual(process.stdout.writable, true);
assert.strictEqual(process.stdout.fd, 1);
assert.strictEqual(process.stderr.fd, 2);
assert.strictEqual(process.stdin.fd, 0);
assert.strictEqual(process.stdout.write('out\n'), true);
process.stdout.write(new Buffer('buf\n'));
process.stdout.write('6869210a', 'hex');
var ended = false;
process.stdin.on('data', function (d) { assert.fail('no data expected: ' + d); });
process.stdin.on('end', function () { ended = true; });
process.stdin.resume();
process.on('exit', function () {
  assert.ok(ended);
});
