// process.openStdin() resumes process.stdin and returns it (0.7.4's
// src/node.js); stdin (empty here) then delivers its end, which a
// paused stdin never does.
var assert = require('assert');
var s = process.openStdin();
assert.strictEqual(s, process.stdin);
assert.strictEqual(process.openStdin(), s);
var ended = false;
s.on('data', function (d) { assert.fail('data from an empty stdin: ' + d); });
s.on('end', function () { ended = true; });
process.on('exit', function () { assert.ok(ended); });
