// process.exit(n) ends with n, after 'exit' listeners ran.
process.on('exit', function (code) { console.log('exit', code); });
console.log('before');
process.exit(5);
console.log('never');
