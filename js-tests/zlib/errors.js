// Bad input gives an 'error' event (or the convenience callback's err)
// with zlib's message, errno and code, as node reports them (checked with
// node 20, whose messages and numbers are zlib's own).
var assert = require('assert');
var zlib = require('zlib');

function gz() {
  // gzip of 'abcdef' made by node's zlib.
  return new Buffer('H4sIAAAAAAAAA0tMSk5JTQMA7zmOSwYAAAA=', 'base64');
}

var cases = [
  ['gunzip', new Buffer('hello'), 'incorrect header check', -3, 'Z_DATA_ERROR'],
  ['inflate', new Buffer('hello'), 'incorrect header check', -3, 'Z_DATA_ERROR'],
  ['unzip', new Buffer('hello'), 'incorrect header check', -3, 'Z_DATA_ERROR'],
  ['inflateRaw', new Buffer('hello'), 'invalid stored block lengths', -3, 'Z_DATA_ERROR'],
  ['gunzip', gz().slice(0, 10), 'unexpected end of file', -5, 'Z_BUF_ERROR'],
  ['gunzip', new Buffer(0), 'unexpected end of file', -5, 'Z_BUF_ERROR'],
  ['inflate', new Buffer(0), 'unexpected end of file', -5, 'Z_BUF_ERROR'],
  ['inflateRaw', new Buffer(0), 'unexpected end of file', -5, 'Z_BUF_ERROR'],
  ['unzip', new Buffer(0), 'unexpected end of file', -5, 'Z_BUF_ERROR']
];

// A flipped bit in the CRC of a gzip member, in its length, and in the
// Adler-32 of a zlib stream.
var badCrc = gz();
badCrc[badCrc.length - 5] ^= 1;
cases.push(['gunzip', badCrc, 'incorrect data check', -3, 'Z_DATA_ERROR']);
var badLength = gz();
badLength[badLength.length - 1] ^= 1;
cases.push(['gunzip', badLength, 'incorrect length check', -3, 'Z_DATA_ERROR']);
var badAdler = new Buffer('eJxLTEpOSU0DAAgeAlY=', 'base64'); // deflate('abcdef')
badAdler[badAdler.length - 1] ^= 1;
cases.push(['inflate', badAdler, 'incorrect data check', -3, 'Z_DATA_ERROR']);
// A stream made with a dictionary, inflated without one and with a wrong
// one.
var withDict = new Buffer('eLsGLAIVywARCkgkADouBn0=', 'base64'); // deflate('hello hello hello', {dictionary: 'hello'})

var pending = cases.length + 3;
cases.forEach(function(c) {
  zlib[c[0]](c[1], function(err, result) {
    assert.ok(err instanceof Error, c[0] + ' ' + c[2]);
    assert.strictEqual(result, undefined);
    assert.strictEqual(err.message, c[2]);
    assert.strictEqual(err.errno, c[3]);
    assert.strictEqual(err.code, c[4]);
    pending--;
  });
});

var noDict = zlib.createInflate();
noDict.on('error', function(err) {
  assert.strictEqual(err.message, 'Missing dictionary');
  assert.strictEqual(err.errno, 2);
  assert.strictEqual(err.code, 'Z_NEED_DICT');
  pending--;
});
noDict.on('end', function() { throw new Error('end after an error'); });
noDict.end(withDict);

var wrongDict = zlib.createInflate({dictionary: new Buffer('xx')});
wrongDict.on('error', function(err) {
  assert.strictEqual(err.message, 'Bad dictionary');
  assert.strictEqual(err.errno, 2);
  pending--;
});
wrongDict.end(withDict);

var rightDict = zlib.createInflate({dictionary: new Buffer('hello')});
var got = '';
rightDict.on('data', function(d) { got += d; });
rightDict.on('end', function() {
  assert.strictEqual(got, 'hello hello hello');
  pending--;
});
rightDict.end(withDict);

// Writes after end() emit an error, as in 0.7.4; a non-Buffer too.
var s = zlib.createGzip();
var errors = [];
s.on('error', function(e) { errors.push(e.message); });
s.write({});
s.end();
s.write('x');
assert.deepEqual(errors, ['Invalid argument', 'Cannot write after end']);

process.on('exit', function() { assert.strictEqual(pending, 0); });
