// zlib under node and gojatls: what both must print alike. Compressed
// bytes are not printed (Go's deflate output differs from zlib's); their
// round trips, decompressed data and zlib's errors are.
var zlib = require('zlib');

var lines = [];
function out(s) { lines.push(s); }

var input = new Buffer(new Array(3000).join('zlib differential \u00e9 '));
var pairs = [['deflate', 'inflate'], ['deflate', 'unzip'], ['gzip', 'gunzip'],
             ['gzip', 'unzip'], ['deflateRaw', 'inflateRaw']];
var bad = [
  ['gunzip', 'hello'], ['inflate', 'hello'], ['unzip', 'hello'],
  ['inflateRaw', 'hello'], ['gunzip', ''], ['inflate', ''],
  ['gunzip', 'H4sIAAAAAAAAA0tMSk5JTQMA7zmOSwYAAAA=', 'truncate'],
  ['gunzip', 'H4sIAAAAAAAAA0tMSk5JTQMA7zmOSwYAAAA=', 'crc'],
  ['inflate', 'eJxLTEpOSU0DAAgeAlY=', 'crc'],
  ['inflate', 'eLsGLAIVywARCkgkADouBn0=']
];

var jobs = [];
pairs.forEach(function(p) {
  jobs.push(function(next) {
    zlib[p[0]](input, function(err, packed) {
      zlib[p[1]](packed, function(err2, back) {
        out(p.join('/') + ' ' + (err || err2) + ' ' + back.length + ' ' +
            (back.toString() === input.toString()));
        next();
      });
    });
  });
});
jobs.push(function(next) {
  zlib.unzip(new Buffer('eJzT0yMAAGTvBe8=', 'base64'), function(err, b) {
    out('doc ' + err + ' ' + b.toString());
    next();
  });
});
bad.forEach(function(c) {
  jobs.push(function(next) {
    var b = new Buffer(c[1], c[1] === 'hello' ? 'utf8' : 'base64');
    if (c[2] === 'truncate') b = b.slice(0, 10);
    if (c[2] === 'crc') b[b.length - 1] ^= 1;
    zlib[c[0]](b, function(err, res) {
      out(c[0] + ' ' + c[1] + ' ' + (c[2] || '') + ': ' + err.message + ' ' +
          err.errno + ' ' + err.code + ' ' + res);
      next();
    });
  });
});
['Z_NO_FLUSH', 'Z_SYNC_FLUSH', 'Z_FINISH', 'Z_OK', 'Z_STREAM_END',
 'Z_NEED_DICT', 'Z_DATA_ERROR', 'Z_BUF_ERROR', 'Z_BEST_COMPRESSION',
 'Z_DEFAULT_COMPRESSION', 'Z_HUFFMAN_ONLY', 'Z_DEFAULT_STRATEGY'].forEach(function(k) {
  out(k + ' ' + zlib[k]);
});

(function run() {
  var job = jobs.shift();
  if (job) return job(run);
  console.log(lines.join('\n'));
})();
