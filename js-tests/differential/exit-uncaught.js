// An uncaught exception: 'exit' with 1, exit code 1, nothing after it runs.
process.on('exit', function (code) { console.log('exit', code); });
setTimeout(function () { console.log('timer never runs'); }, 10);
console.log('before');
throw new Error('uncaught');
