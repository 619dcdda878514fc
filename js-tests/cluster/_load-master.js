// The master of cluster_test.go's TestClusterWorkersDieUnderLoad (not a
// test itself): it forks argv[2] workers (default 3), each answering every
// connection on the shared port with the same 64 KiB, and forks a new
// worker for each one that dies, as the documentation's 'death' example.
// It prints 'listening <uniqueID> <pid> <port>' and 'death <uniqueID>'.
var cluster = require('cluster');
var net = require('net');

var SIZE = 64 * 1024;

if (cluster.isWorker) {
  // Byte i is (7i + i/256) mod 256: the test checks every byte.
  var answer = new Buffer(SIZE);
  for (var i = 0; i < SIZE; i++) {
    answer[i] = (i * 7 + (i >> 8)) & 0xff;
  }
  net.createServer(function (socket) {
    // A client that goes away early ends only its connection.
    socket.on('error', function () {});
    socket.end(answer);
  }).listen(0, '127.0.0.1');
  return;
}

cluster.on('listening', function (worker, address) {
  console.log('listening ' + worker.uniqueID + ' ' + worker.process.pid + ' ' + address.port);
});
cluster.on('death', function (worker) {
  console.log('death ' + worker.uniqueID);
  cluster.fork();
});
var n = Number(process.argv[2]) || 3;
for (var j = 0; j < n; j++) {
  cluster.fork();
}
