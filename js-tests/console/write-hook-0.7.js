// console and util's output functions write as Node 0.7.4's did, by
// calling process.stdout.write (or process.stderr.write) as it is at the
// time: a replacement sees each write, an error it throws reaches the
// caller (today's Node swallows it in console), and util.print, puts,
// debug and error call it once an argument. (What both Nodes agree on is
// in differential/console-hook.js; without a replacement each call is one
// write: modules/console's TestOneWritePerCall.)
var assert = require('assert');
var util = require('util');

var out = process.stdout.write;
var err = process.stderr.write;
var writes = [];
function capture(name) {
  return function (s) {
    writes.push(name + ' ' + s);
    return true;
  };
}
// restore() takes the replacements away: write is the streams' prototype's.
function restore() {
  delete process.stdout.write;
  delete process.stderr.write;
  assert.strictEqual(process.stdout.write, out);
  assert.strictEqual(process.stderr.write, err);
}
function taken() {
  var w = writes;
  writes = [];
  return w;
}

process.stdout.write = capture('out');
process.stderr.write = capture('err');
util.print('a', 1, null);
util.puts('b', { valueOf: function () { return 'V'; }, toString: function () { return 'T'; } });
util.debug('x');
util.error('e1', 'e2');
console.log('%s=%d', 'n', 2);
console.error('bad');
restore();
assert.deepEqual(taken(), [
  'out a', 'out 1', 'out null',
  'out b\n', 'out V\n', // puts adds '\n' with +, as 0.7.4: valueOf first
  'err DEBUG: x\n',
  'err e1\n', 'err e2\n',
  'out n=2\n',
  'err bad\n'
]);

// A replacement that throws: the error reaches the caller.
process.stdout.write = function () { throw new Error('hook failed'); };
assert.throws(function () { console.log('x'); }, /hook failed/);
assert.throws(function () { util.puts('x'); }, /hook failed/);
restore();

// A write that is not a function: a TypeError.
process.stderr.write = 5;
assert.throws(function () { console.error('x'); }, TypeError);
restore();

// A replacement on the stream's prototype counts too; restoring it, and
// the stream's own write, brings the direct path back.
var proto = Object.getPrototypeOf(process.stdout);
var protoWrite = proto.write;
proto.write = capture('proto');
console.log('via the prototype');
proto.write = protoWrite;
assert.deepEqual(taken(), ['proto via the prototype\n']);

console.log('printed');
util.puts('printed too');
assert.deepEqual(taken(), []);
