// Two workers' net servers listen on one Unix socket path, which the
// master binds once and shares (as Node 0.7.4's cluster did for pipes):
// see _shared.js.
var assert = require('assert');
var cluster = require('cluster');
var net = require('net');
var os = require('os');
var path = require('path');

// The master names the path and gives it to its workers.
var sock = process.env.SHARED_SOCK;
if (cluster.isMaster) {
  sock = path.join(os.tmpDir(), 'gojatls-cluster-' + process.pid + '.sock');
  process.env.SHARED_SOCK = sock;
}

require('./_shared')({
  createServer: function (onRequest) {
    return net.createServer(function (socket) {
      onRequest(function (text) { socket.end(text); });
    });
  },
  listen: function (server, done) {
    server.listen(sock, done);
  },
  checkAddress: function (address) {
    assert.strictEqual(address, sock);
  },
  connect: function (address, done) {
    assert.deepEqual(address, { address: sock, port: -1, addressType: -1 });
    var c = net.connect(sock);
    var got = '';
    c.setEncoding('utf8');
    c.on('data', function (d) { got += d; });
    c.on('end', function () { done(got); });
  }
});
