// console.log, info and dir on stdout, with util.format formatting; the
// methods work as bare functions. log.out is what node v20 prints too.
var count = 3;
console.log('count: %d', count);
console.log('%s:%s', 'foo');
console.log('%s:%s', 'foo', 'bar', 'baz');
console.log(1, 2, 3);
console.log('hello', 'world');
console.log();
console.log('');
console.log({ a: 1, b: 'x' }, [1, 2, 3]);
console.log('obj', { nested: { deeper: { deepest: { x: 1 } } } });
console.log('%j', { a: [1, 2] });
console.log('100%%');
console.log('%% %s', 'a');
console.log(null, undefined, true);
console.log('line1\nline2');
console.info('info %s', 'too');
console.dir({ a: { b: { c: { d: 1 } } } });
console.dir('str');

// Bare and re-bound calls.
var log = console.log;
log('bare', 1);
console.log.call(null, 'call', 2);
console.log.apply(undefined, ['apply', 3]);
[10, 20].forEach(console.log);
var info = console.info;
info('bare info');
var dir = console.dir;
dir([1]);

// Nothing from the stderr methods appears on stdout.
console.warn('warn');
console.error('error %d', 1);
console.log('end');
