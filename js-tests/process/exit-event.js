// 'exit' is emitted once with the code; process.exit() stops the script at
// once; work scheduled in 'exit' listeners never runs.
var assert = require('assert');
var exits = [];
process.on('exit', function (code) {
  exits.push(code);
  assert.strictEqual(exits.length, 1);
  assert.strictEqual(code, 0);
  setTimeout(function () { throw new Error('timer after exit ran'); }, 0);
  process.nextTick(function () { throw new Error('tick after exit ran'); });
  console.log('exit', code);
});
setTimeout(function () {
  process.exit(0);
  throw new Error('process.exit returned');
}, 1);
