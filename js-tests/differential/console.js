// console.log formatting where Node 0.7 and today's Node print the same.
// (Not here, because they differ: a first argument that is not a string,
// after which 0.7 inspected every argument (strings quoted); -0, arrays nested deeper than 2, which
// 0.7 showed as [Object], strings holding quotes, errors, circular objects.)
console.log('%s is %d years and %j', 'Bob', 42, { a: [1, 'two'] });
console.log('100%% sure', 'extra', 3);
console.log('%d', '12abc');
console.log('values', 1, 'two', null, undefined, true, 2.5);
console.log([1, 2, [3, [4]]]);
console.log({ a: 1, b: 'str', c: { d: { e: { f: 1 } } } });
console.log({ 'key with space': 1, valid_id: 2 });
console.log([]);
console.log({});
console.log(new Buffer('abc'));
console.log(function named() {});
console.log([undefined, null]);
console.log('a\nb');
console.log(String(new Buffer([0xe2, 0x82, 0xac])));
console.info('info');
console.error('to stderr');
console.warn('warn to stderr');
console.dir({ x: [1, 2] });
