// The documentation's convenience example: deflate prints a base64 string
// (Go's compressed bytes, which may differ from zlib's, so it is checked by
// inflating it back), and unzip of zlib's 'eJzT0yMAAGTvBe8=' prints the 33
// dots.
var assert = require('assert');
var zlib = require('zlib');

var input = '.................................';
var turn = 'same';
zlib.deflate(input, function(err, buffer) {
  assert.ifError(err);
  assert.strictEqual(turn, 'later');
  zlib.inflate(new Buffer(buffer.toString('base64'), 'base64'), function(err, back) {
    assert.ifError(err);
    assert.strictEqual(back.toString(), input);
  });
});

var buffer = new Buffer('eJzT0yMAAGTvBe8=', 'base64');
zlib.unzip(buffer, function(err, buffer) {
  if (!err) {
    console.log(buffer.toString());
  }
});
turn = 'later';
