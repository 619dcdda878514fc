// console.log output where Node 0.7.4 differs from today's Node; log-0.7.out
// was written by hand from Node 0.7.4's util.format/util.inspect (node v20
// prints stacks for errors, '[Function (anonymous)]', "it's",
// '1 a', '{ a: 1 }' for %s, and so on).
console.log(new Error('boom'));
console.log('failed:', new TypeError('bad input'));
console.log(function() {});
console.log(1, 'a');
console.log('%s', { a: 1 });
console.log('%s %%', 'x');
console.log('it\'s');
console.log(['it\'s']);
console.log([1, , 3]);
console.log(-0, [-0]);
var c = { name: 'c' };
c.self = c;
console.log(c);
console.log('%j', c);
console.log({ a: { b: { c: [1, 2] } } });
console.dir({ inspect: function() { return 'custom!'; } });
