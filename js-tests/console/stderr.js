// console.warn, console.error and console.trace write to stderr only; the
// stdout lines around them keep their order. stderr.out is what node v20
// prints on stdout too.
console.log('one');
console.warn('warning %s', 'w');
console.error('error', { a: 1 });
console.trace('trace');
var warn = console.warn;
warn('bare warn');
console.log('two');
