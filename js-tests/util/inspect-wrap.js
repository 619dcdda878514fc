// How util.inspect() (and so console.log) breaks long output into lines, as
// Node 0.7.4 did: when the entries of one object or array add up to more
// than 60 characters (one separator counted per entry), each entry goes on
// its own line, indented by two spaces, the closing brace on the last line.
// Nested multi-line values are indented under their key, and an object key
// is followed by a line break (leaving 'key: ' with a trailing space).
// inspect-wrap.out was written by hand from that rule; node v20 wraps at
// 80 columns with another layout, so this test fails under it.
var util = require('util');

var ten = {};
for (var i = 0; i < 10; i++) ten['key' + i] = i;
console.log(ten);

// Six entries of 9 characters plus separators: exactly 60, one line.
console.log(['xxxxxxx', 'xxxxxxx', 'xxxxxxx', 'xxxxxxx', 'xxxxxxx', 'xxxxxxx']);
// One character more: 61, one entry per line.
console.log(['xxxxxxxx', 'xxxxxxx', 'xxxxxxx', 'xxxxxxx', 'xxxxxxx', 'xxxxxxx']);

var numbers = [];
for (i = 1; i <= 25; i++) numbers.push(i);
console.log(numbers);

console.log({ outer: ten });
console.log([ten]);
console.log({ list: [ten, 1] });

function fn() {}
for (i = 0; i < 8; i++) fn['key' + i] = i;
console.log(fn);

var err = new Error('boom');
err.code = 'ENOENT';
err.path = '/some/rather/long/path/name/here';
err.syscall = 'open';
console.log(err);

console.log({ name: 'gojatls', version: '0.7.4', deps: ['goja', 'tls'],
              nested: { a: 1, b: [1, 2, 3] } });

// A single long entry looks the same either way.
console.log({ text: 'a string that is much longer than the sixty characters' });

console.log('prefix', ten, 'suffix');
console.log(util.inspect({ deep: { deeper: { deepest: ten } } }));
