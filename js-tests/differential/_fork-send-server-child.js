// The child of fork-send-server.js (not a test itself): the receiving side
// of the fork() documentation's example. It listens on the server handle
// that comes with the message, answers each connection with 'child\n',
// and closes its server when the parent disconnects.
var net = require('net');

process.on('message', function (m, serverHandle) {
  if (serverHandle) {
    var server = net.createServer(function (socket) {
      socket.end('child\n');
    });
    server.listen(serverHandle, function () {
      process.send({ listening: true, port: server.address().port, sent: m });
    });
    process.on('disconnect', function () {
      server.close();
    });
  }
});
