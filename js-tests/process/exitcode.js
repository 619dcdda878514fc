// process.exitCode is the code when the program ends on its own.
process.exitCode = 0;
process.on('exit', function (code) {
  console.log('exit code', code);
});
