// console.trace prints 'Trace: label' and then the stack, through
// console.error (as Node 0.7.4 did; node v20 does not go through
// console.error, so this test is for 0.7 only).
var assert = require('assert');

var printed = [];
var realError = console.error;
console.error = function(text) { printed.push(text); };
function where() {
  console.trace('here %d');
}
try {
  where();
  console.trace();
  console.trace('');
} finally {
  console.error = realError;
}

assert.strictEqual(printed.length, 3);
var lines = printed[0].split('\n');
assert.strictEqual(lines[0], 'Trace: here %d');
assert.ok(lines.length >= 2, printed[0]);
assert.ok(/^    at /.test(lines[1]), lines[1]);
// The first frame is the caller of console.trace.
assert.ok(/where/.test(lines[1]), lines[1]);
lines.slice(1).forEach(function(line) {
  assert.ok(/^    at /.test(line), line);
});
assert.strictEqual(printed[1].split('\n')[0], 'Trace');
assert.strictEqual(printed[2].split('\n')[0], 'Trace');

// For real, to stderr: nothing on stdout.
console.trace('to stderr');
