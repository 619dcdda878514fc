// process.stdout and stderr writes, interleaved with console.
process.stdout.write('a');
process.stdout.write(new Buffer('b'));
console.log('c');
process.stderr.write('err\n');
process.stdout.write('d\n');
