// The child of fork-send-order.js (not a test itself): it answers each
// message with its index and whether a handle came with it. Of the
// handles, it closes every other one unused (handle.close()) and listens
// on the others with a server that it closes at once. On {done: true} it
// reports how many descriptors it has open, before and after (null where
// there is no /proc/self/fd). It says 'ready' once it has counted them
// the first time, before anything can have come.
var net = require('net');
var fs = require('fs');

function openFds() {
  try {
    return fs.readdirSync('/proc/self/fd').length;
  } catch (e) {
    return null;
  }
}

var before = openFds();
process.send('ready');
var handles = 0;
var open = 0; // servers listening on a received handle, not closed yet
var finish = null;

process.on('message', function (m, handle) {
  if (m.done) {
    finish = function () {
      process.send({ fds: [before, openFds()] });
    };
    if (open === 0) {
      finish();
    }
    return;
  }
  process.send({ i: m.i, handle: handle !== undefined });
  if (handle === undefined) {
    return;
  }
  if (handles++ % 2 === 0) {
    handle.close();
    return;
  }
  open++;
  var server = net.createServer();
  server.listen(handle, function () {
    server.close(function () {
      open--;
      if (open === 0 && finish) {
        finish();
      }
    });
  });
});
