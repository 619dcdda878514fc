// A forked child that prints to stdout and stderr and then disconnects, so
// that it ends.
console.log('child stdout ' + process.argv[2]);
console.error('child stderr');
process.disconnect();
