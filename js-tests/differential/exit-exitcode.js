// process.exitCode is the code of a program that ends on its own.
process.exitCode = 3;
setTimeout(function () { console.log('timer'); }, 1);
process.on('exit', function (code) { console.log('exit', code); });
