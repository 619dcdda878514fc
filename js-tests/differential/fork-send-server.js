// The fork() documentation's example of sending a handle: the parent
// listens, sends server._handle with child.send(message, sendHandle) in
// the listen callback, and the child listens on it with its own server.
// The parent then closes its server, so that a connection to the port
// can only be answered by the child. The child ends once the parent
// disconnects (its server closed, nothing keeps it alive).
var cp = require('child_process');
var net = require('net');

var watchdog = setTimeout(function () {
  console.log('stalled');
  process.exit(3);
}, 60000);
watchdog.unref();

var server = net.createServer(function (socket) {
  socket.end('parent\n');
});
var child = cp.fork(__dirname + '/_fork-send-server-child.js');
var port;

server.listen(0, '127.0.0.1', function () {
  port = server.address().port;
  child.send({ server: true }, server._handle);
});

child.on('message', function (m) {
  console.log('child listening: ' + m.listening + ', same port: ' + (m.port === port) +
              ', message: ' + JSON.stringify(m.sent));
  server.close(function () {
    console.log('parent server closed');
    var c = net.connect(port, '127.0.0.1');
    var got = '';
    c.setEncoding('utf8');
    c.on('data', function (d) { got += d; });
    c.on('end', function () {
      console.log('answer: ' + JSON.stringify(got));
      child.disconnect();
    });
  });
});

child.on('exit', function (code, signal) {
  console.log('child exit ' + code + ' ' + signal);
});
