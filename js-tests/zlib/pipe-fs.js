// The documentation's file example, both ways: fs.ReadStream -> Gzip ->
// fs.WriteStream, then the .gz file -> Gunzip -> a file equal to the
// input. Then backpressure and pause/resume on a stream directly.
var assert = require('assert');
var crypto = require('crypto');
var fs = require('fs');
var zlib = require('zlib');
var dir = require('../fs/_tmp').tmpdir('zlib-pipe');

function digest(b) {
  return crypto.createHash('sha1').update(b).digest('hex');
}

var input = new Buffer(3 * 1024 * 1024 + 7);
for (var i = 0; i < 65536; i++) input[i] = (i * 7919) % 253;
for (var off = 65536; off < input.length; off += 65536) {
  input.copy(input, off, 0, Math.min(65536, input.length - off));
}
fs.writeFileSync(dir + '/input.txt', input);

var steps = 0;
var inp = fs.createReadStream(dir + '/input.txt');
var out = fs.createWriteStream(dir + '/input.txt.gz');
inp.pipe(zlib.createGzip()).pipe(out);
out.on('close', function() {
  steps++;
  var gz = fs.readFileSync(dir + '/input.txt.gz');
  assert.ok(gz.length < input.length / 10);
  var back = fs.createWriteStream(dir + '/back.txt');
  fs.createReadStream(dir + '/input.txt.gz').pipe(zlib.createGunzip()).pipe(back);
  back.on('close', function() {
    var got = fs.readFileSync(dir + '/back.txt');
    assert.strictEqual(got.length, input.length);
    assert.strictEqual(digest(got), digest(input));
    steps++;
  });
});

// write() returns false once a write waits behind another, and 'drain'
// follows; a paused stream sends nothing more to the binding until
// resume().
var g = zlib.createDeflate();
var flushed = false, resumed = false, drained = false;
var data = [];
g.on('data', function(d) { data.push(d); });
assert.strictEqual(g.write('a', function() {
  g.pause();
  // Ten round trips of other streams, one after another, happen while g
  // stays paused: its queued writes must not move meanwhile.
  var left = 10;
  (function another() {
    zlib.deflate('x', function() {
      assert.strictEqual(flushed, false);
      if (--left > 0) return another();
      resumed = true;
      g.resume();
    });
  })();
}), true);
assert.strictEqual(g.write('b'), true);
assert.strictEqual(g.flush(function() {
  assert.ok(resumed);
  flushed = true;
}), false);
g.on('drain', function() {
  drained = true;
  g.end();
});
g.on('end', function() {
  var n = 0;
  data.forEach(function(d) { n += d.length; });
  var all = new Buffer(n), o = 0;
  data.forEach(function(d) { d.copy(all, o); o += d.length; });
  zlib.inflate(all, function(err, back) {
    assert.ifError(err);
    assert.strictEqual(back.toString(), 'ab');
    steps++;
  });
});

process.on('exit', function() {
  assert.ok(flushed && drained);
  assert.strictEqual(steps, 3);
});
