// require of built-ins and what they export.
var path = require('path');
console.log(path.join('/a/b', '../c', './d.js'));
console.log(path.basename('/x/y/file.txt', '.txt'), path.extname('a.b.c'));
console.log(path.resolve('/root', 'sub', '..', 'file'));
console.log(path.relative('/a/b/c', '/a/d'));
var util = require('util');
console.log(util.format('%s:%s', 'a'));
console.log(util.inspect('str'), util.inspect([1, { a: 2 }]));
console.log(typeof require('fs').readFileSync, typeof require('os').hostname);
console.log(require.resolve('fs'));
var assert = require('assert');
try {
  assert.strictEqual(1, 2, 'custom message');
} catch (e) {
  // Today's Node adds a diff to the message, so only its start is compared.
  console.log(e.name, e.message.split('\n')[0], String(e instanceof assert.AssertionError));
}
