// An exception in an 'exit' listener makes the code 1.
process.on('exit', function () { throw new Error('in exit'); });
console.log('main');
