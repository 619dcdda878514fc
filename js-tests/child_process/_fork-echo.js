// A forked child that sends back every message it gets ('message' and
// 'internalMessage'). On 'bye' it sends 'last' and disconnects itself; on
// the parent's disconnect it exits 0 as nothing keeps it alive any more.
process.on('message', function (m) {
  if (m === 'bye') {
    process.send('last');
    process.disconnect();
    return;
  }
  if (m === 'exit') {
    process.send('exiting');
    process.exit(5);
  }
  process.send(m);
});
process.on('internalMessage', function (m) {
  process.send({ internal: m });
});
