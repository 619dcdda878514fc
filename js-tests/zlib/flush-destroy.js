// flush(): the output so far is decodable on its own (Z_SYNC_FLUSH), so an
// Inflate fed with it gives back everything written before the flush.
// destroy(): no more 'data' or 'end', and 'close' on a later turn.
var assert = require('assert');
var zlib = require('zlib');

var step = 0;
var deflate = zlib.createDeflate();
var inflate = zlib.createInflate();
var text = '';
deflate.on('data', function(d) { inflate.write(d); });
inflate.on('data', function(d) { text += d; });
deflate.write('first part, ');
deflate.write('second part');
deflate.flush(function() {
  // The flushed output is on its way through inflate: a flush of inflate
  // answers after it.
  inflate.flush(function() {
    assert.strictEqual(text, 'first part, second part');
    step++;
  });
});


var big = new Buffer(1 << 20);
var d = zlib.createGzip();
var afterDestroy = false;
d.on('data', function() { assert.ok(!afterDestroy, 'data after destroy'); });
d.on('end', function() { throw new Error('end after destroy'); });
d.write(big);
d.write(big);
d.end(big);
var sameTurn = true;
d.on('close', function() {
  assert.ok(!sameTurn);
  assert.strictEqual(d.readable, false);
  assert.strictEqual(d.writable, false);
  step++;
});
d.destroy();
afterDestroy = true;
sameTurn = false;

process.on('exit', function() { assert.strictEqual(step, 2); });
