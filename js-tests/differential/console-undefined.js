// console.log of undefined, and of nothing, as Node 0.7.4's util.format
// and today's Node agree on.
var util = require('util');
console.log(undefined);
console.log();
console.log(undefined, undefined);
console.log(undefined, 1);
console.log('%s', undefined);
console.log('%d', undefined);
console.log('a', undefined, 'b');
console.log([undefined]);
console.log({ a: undefined });
console.log(util.inspect(undefined) + '|' + util.format(undefined) + '|' + util.format() + '|');
console.error(undefined);
