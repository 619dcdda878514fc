// console.time / timeEnd as in Node 0.7.4: timeEnd logs 'label: <n>ms'
// through console.log and throws for a label that was never started.
// (node v20 writes without console.log and only warns for unknown labels,
// so this test is for 0.7 only.)
var assert = require('assert');

var lines = [];
var realLog = console.log;
console.log = function() {
  lines.push(require('util').format.apply(null, arguments));
};
try {
  console.time('100-elements');
  for (var i = 0; i < 100; i++) {
    ;
  }
  console.timeEnd('100-elements');

  console.time('a');
  console.time('b');
  console.timeEnd('b');
  console.timeEnd('a');
  // A label may be ended more than once; it keeps its start.
  console.timeEnd('a');
  // Labels are strings: 1 and '1' are the same timer.
  console.time(1);
  console.timeEnd('1');
  // Names of Object.prototype properties are not timers.
  assert.throws(function() { console.timeEnd('toString'); }, Error);
} finally {
  console.log = realLog;
}

assert.strictEqual(lines.length, 5);
assert.ok(/^100-elements: \d+ms$/.test(lines[0]), lines[0]);
assert.ok(/^b: \d+ms$/.test(lines[1]), lines[1]);
assert.ok(/^a: \d+ms$/.test(lines[2]), lines[2]);
assert.ok(/^a: \d+ms$/.test(lines[3]), lines[3]);
assert.ok(/^1: \d+ms$/.test(lines[4]), lines[4]);

assert.throws(function() {
  console.timeEnd('never started');
}, function(err) {
  return err instanceof Error && err.message === 'No such label: never started';
});
