// pipe() into process.stdout writes the data and, as the docs say, never
// ends stdout, so more can be written after the source ends.
var assert = require('assert');
var Stream = require('stream');

var src = new Stream();
src.readable = true;
assert.strictEqual(src.pipe(process.stdout), process.stdout);
src.emit('data', 'hello\n');
src.emit('data', new Buffer('from a buffer\n'));
src.emit('end');
assert.strictEqual(process.stdout.writable, true);
process.stdout.write('Goodbye\n');

// The same with {end: false}.
var src2 = new Stream();
src2.readable = true;
src2.pipe(process.stdout, { end: false });
src2.emit('data', 'second\n');
src2.emit('end');
process.stdout.write('still open\n');
