// A throw inside an 'uncaughtException' listener is fatal (code 7).
process.on('uncaughtException', function (err) {
  console.log('caught', err.message);
  throw new Error('again');
});
throw new Error('first');
