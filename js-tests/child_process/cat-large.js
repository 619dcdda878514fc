// 4 MiB through `cat`: stdin.write() returns false when its queue is full
// and 'drain' follows; every byte comes back in order.
var assert = require('assert');
var spawn = require('child_process').spawn;
var common = require('./_common');
var mustCall = common.mustCall;

var total = 4 * 1024 * 1024;
var data = common.pattern(total);
var chunkSize = 64 * 1024;
var cat = spawn('cat');

var sawFalse = false;
var drains = 0;
var offset = 0;
function writeMore() {
  while (offset < total) {
    var chunk = data.slice(offset, offset + chunkSize);
    offset += chunk.length;
    if (!cat.stdin.write(chunk)) {
      sawFalse = true;
      cat.stdin.once('drain', function () {
        drains++;
        writeMore();
      });
      return;
    }
  }
  cat.stdin.end();
}
writeMore();

common.collect(cat.stdout, mustCall(function (out) {
  assert.strictEqual(out.length, total);
  assert.ok(common.equalBuffers(out, data), 'the bytes came back in order');
}));

// The same through two children piped by stdout.pipe(stdin).
var first = spawn('cat');
var second = spawn('cat');
first.stdout.pipe(second.stdin);
var sent = common.pattern(1024 * 1024);
first.stdin.end(sent);
common.collect(second.stdout, mustCall(function (out) {
  assert.ok(common.equalBuffers(out, sent), 'piped bytes came back in order');
}));

cat.on('close', mustCall(function (code) {
  assert.strictEqual(code, 0);
  assert.ok(sawFalse, 'write() returned false at least once');
  assert.ok(drains > 0, "'drain' came");
}));
