// Options are checked as 0.7.4's lib checks them (only when set and not
// 0), with its messages; valid tuning options Go cannot apply are
// accepted and the data still round-trips. The constants are zlib.h's.
var assert = require('assert');
var zlib = require('zlib');

function throwsMessage(opts, message) {
  assert.throws(function() { zlib.createDeflate(opts); }, function(e) {
    return e instanceof Error && e.message === message;
  });
}

throwsMessage({chunkSize: 63}, 'Invalid chunk size: 63');
throwsMessage({windowBits: 7}, 'Invalid windowBits: 7');
throwsMessage({windowBits: 16}, 'Invalid windowBits: 16');
throwsMessage({level: 10}, 'Invalid compression level: 10');
throwsMessage({level: -2}, 'Invalid compression level: -2');
throwsMessage({memLevel: 10}, 'Invalid memLevel: 10');
throwsMessage({strategy: 5}, 'Invalid strategy: 5');
throwsMessage({dictionary: 'abc'},
              'Invalid dictionary: it should be a Buffer instance');

var expected = {
  Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3,
  Z_FINISH: 4, Z_BLOCK: 5, Z_TREES: 6,
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1,
  Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4, Z_BUF_ERROR: -5,
  Z_VERSION_ERROR: -6,
  Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9,
  Z_DEFAULT_COMPRESSION: -1,
  Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4,
  Z_DEFAULT_STRATEGY: 0,
  Z_BINARY: 0, Z_TEXT: 1, Z_ASCII: 1, Z_UNKNOWN: 2, Z_DEFLATED: 8, Z_NULL: 0,
  Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15,
  Z_MIN_CHUNK: 64, Z_MAX_CHUNK: Infinity, Z_DEFAULT_CHUNK: 16384,
  Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9, Z_DEFAULT_MEMLEVEL: 8,
  Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1
};
Object.keys(expected).forEach(function(k) {
  assert.strictEqual(zlib[k], expected[k], k);
});

var input = new Buffer(100000);
for (var i = 0; i < input.length; i++) input[i] = (i * i) % 251;

var variants = [
  {level: 0}, {level: 1}, {level: 9}, {level: -1},
  {windowBits: 8}, {windowBits: 9}, {memLevel: 1}, {memLevel: 9},
  {strategy: zlib.Z_FILTERED}, {strategy: zlib.Z_HUFFMAN_ONLY},
  {strategy: zlib.Z_RLE}, {strategy: zlib.Z_FIXED},
  {chunkSize: 64}, {chunkSize: 1 << 20}
];
var pending = variants.length;
variants.forEach(function(opts) {
  var out = [];
  var d = zlib.createDeflate(opts);
  d.on('data', function(c) {
    if (opts.chunkSize) assert.ok(c.length <= opts.chunkSize);
    out.push(c);
  });
  d.on('end', function() {
    var inf = zlib.createInflate(opts);
    var back = [];
    var n = 0;
    inf.on('data', function(c) { back.push(c); n += c.length; });
    inf.on('end', function() {
      assert.strictEqual(n, input.length, JSON.stringify(opts));
      var all = new Buffer(n), off = 0;
      back.forEach(function(c) { c.copy(all, off); off += c.length; });
      assert.strictEqual(all.toString('base64'), input.toString('base64'));
      pending--;
    });
    out.forEach(function(c) { inf.write(c); });
    inf.end();
  });
  d.end(input);
});
process.on('exit', function() { assert.strictEqual(pending, 0); });
