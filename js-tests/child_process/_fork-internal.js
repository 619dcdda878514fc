// A forked child that sends internal ({cmd: 'NODE_...'}) messages and
// near-misses that are ordinary messages, then 'done' and disconnects.
process.send({ cmd: 'NODE_TEST', n: 1 });
process.send({ cmd: 'NODEX', n: 2 });
process.send({ cmd: 5, n: 3 });
process.send({ cmd: 'node_lower', n: 4 });
process.send({ cmd: 'NODE_', n: 5 });
process.send('done');
process.disconnect();
