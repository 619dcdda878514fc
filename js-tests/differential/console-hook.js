// console writes through process.stdout.write and process.stderr.write as
// they are when it is called: a script that replaces them (to capture,
// prefix or silence the output) sees every line console prints, as in
// Node 0.7.4 (its console.js calls process.stdout.write) and today.
// (What a replacement that throws does differs: console/write-hook.js.)
var out = process.stdout.write;
var err = process.stderr.write;
var seen = [];

process.stdout.write = function (s) {
  seen.push('out ' + JSON.stringify(s));
  return out.apply(process.stdout, arguments);
};
process.stderr.write = function (s) {
  seen.push('err ' + JSON.stringify(s));
  return true; // swallowed: nothing reaches stderr
};
console.log('a %d and %s', 1, 'b');
console.info({ x: [1, 2] });
console.dir('c');
console.error('to stderr %j', { y: 1 });
console.warn('warned');

process.stdout.write = out;
process.stderr.write = err;
console.log('restored');
console.log(seen.join('\n'));
