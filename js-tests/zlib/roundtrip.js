// Every compressor with its decompressors (and Unzip for gzip and
// deflate), for sizes 0, 1, 64 KiB+1 and 256 KiB+3 (several deflate
// blocks and windows; larger only slows the race-detector suite, where
// Go's flate is instrumented), written in one piece and in chunks of odd
// sizes, and through the convenience methods: what comes out is what went
// in, byte for byte.
var assert = require('assert');
var zlib = require('zlib');
var crypto = require('crypto');

function digest(b) {
  return crypto.createHash('sha1').update(b).digest('hex');
}

var pairs = [
  ['Deflate', 'Inflate', 'deflate', 'inflate'],
  ['Deflate', 'Unzip', 'deflate', 'unzip'],
  ['Gzip', 'Gunzip', 'gzip', 'gunzip'],
  ['Gzip', 'Unzip', 'gzip', 'unzip'],
  ['DeflateRaw', 'InflateRaw', 'deflateRaw', 'inflateRaw']
];
var sizes = [0, 1, 64 * 1024 + 1, 256 * 1024 + 3];

// data is compressible but not trivially so: text mixed with a
// pseudo-random byte stream.
var made = {};
function data(n) {
  if (made[n]) return made[n];
  var b = new Buffer(n);
  if (n > 65537) {
    // Big inputs repeat the 64 KiB+1 one (a period longer than deflate's
    // 32 KiB window): generating bytes one by one in JS is slow.
    var block = data(65537);
    for (var off = 0; off < n; off += block.length) {
      block.copy(b, off, 0, Math.min(block.length, n - off));
    }
    made[n] = b;
    return b;
  }
  var x = 12345;
  for (var i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    b[i] = (i % 7 === 0) ? (x >> 16) & 0xff : 97 + (i % 26);
  }
  made[n] = b;
  return b;
}

function concat(list) {
  var n = 0;
  list.forEach(function(b) { n += b.length; });
  var out = new Buffer(n);
  var off = 0;
  list.forEach(function(b) { b.copy(out, off); off += b.length; });
  return out;
}

// through writes input to stream in chunks of the given sizes (cycled;
// 0 means all at once) and calls back with everything it emitted.
function through(stream, input, chunks, cb) {
  var out = [];
  var ended = false;
  stream.on('data', function(d) {
    assert.ok(Buffer.isBuffer(d));
    assert.ok(d.length <= 16 * 1024, 'data of at most chunkSize bytes');
    assert.ok(!ended);
    out.push(d);
  });
  stream.on('error', function(e) { throw e; });
  stream.on('end', function() {
    ended = true;
    cb(concat(out));
  });
  var off = 0, k = 0;
  while (chunks[0] !== 0 && off < input.length) {
    var n = chunks[k++ % chunks.length];
    stream.write(input.slice(off, Math.min(off + n, input.length)));
    off += n;
  }
  stream.end(chunks[0] === 0 ? input : undefined);
}

var jobs = [];
pairs.forEach(function(p) {
  sizes.forEach(function(size) {
    [[0], [1, 7, 333, 4099], [65537]].forEach(function(chunks) {
      // Small odd chunks are written up to 64 KiB+1; 256 KiB+3 in big ones.
      if (size > 70000 && chunks[0] === 1) return;
      jobs.push(function(next) {
        var input = data(size);
        through(zlib['create' + p[0]](), input, chunks, function(packed) {
          through(zlib['create' + p[1]](), packed, chunks, function(back) {
            assert.strictEqual(back.length, size, p.join('/') + ' ' + size);
            assert.ok(digest(back) === digest(input),
                      p.join('/') + ' ' + size + ' bytes differ');
            next();
          });
        });
      });
    });
    jobs.push(function(next) {
      var input = data(size);
      zlib[p[2]](input, function(err, packed) {
        assert.ifError(err);
        assert.ok(Buffer.isBuffer(packed));
        zlib[p[3]](packed, function(err, back) {
          assert.ifError(err);
          assert.strictEqual(back.length, size);
          assert.ok(digest(back) === digest(input));
          next();
        });
      });
    });
  });
});

// A string goes in as UTF-8.
jobs.push(function(next) {
  zlib.gzip('h\u00e9llo \u20ac', function(err, packed) {
    assert.ifError(err);
    zlib.gunzip(packed, function(err, back) {
      assert.ifError(err);
      assert.strictEqual(back.toString(), 'h\u00e9llo \u20ac');
      next();
    });
  });
});

var done = 0;
(function run() {
  var job = jobs.shift();
  if (!job) {
    console.log('ok', done);
    return;
  }
  job(function() { done++; run(); });
})();
process.on('exit', function() { assert.strictEqual(jobs.length, 0); });
