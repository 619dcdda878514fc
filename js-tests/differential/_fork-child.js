// The child of fork.js (not a test itself): it answers each message,
// reports unicode and size, prints to its stdout, and ends as told.
process.on('message', function (m) {
  if (m.op === 'echo') {
    process.send({ op: 'echo', value: m.value });
  } else if (m.op === 'print') {
    console.log('child prints ' + m.text);
    process.send({ op: 'printed' });
  } else if (m.op === 'size') {
    process.send({ op: 'size', length: m.value.length, head: m.value.slice(0, 8) });
  } else if (m.op === 'exit') {
    process.send({ op: 'exiting' });
    process.exit(m.code);
  } else if (m.op === 'disconnect') {
    process.send({ op: 'disconnecting' });
    process.disconnect();
  }
});
process.on('disconnect', function () {
  console.log('child disconnect ' + process.connected);
});
process.send({ op: 'ready', argv: process.argv.slice(2) });
