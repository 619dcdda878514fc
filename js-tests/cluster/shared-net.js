// Two workers' net servers listen on port 0 of 127.0.0.1 and share the
// master's one socket (a port 0 is one port for all, as in Node 0.7.4's
// cluster): see _shared.js.
var assert = require('assert');
var net = require('net');

require('./_shared')({
  createServer: function (onRequest) {
    return net.createServer(function (socket) {
      onRequest(function (text) { socket.end(text); });
    });
  },
  listen: function (server, done) {
    server.listen(0, '127.0.0.1', done);
  },
  checkAddress: function (address) {
    assert.strictEqual(address.address, '127.0.0.1');
    assert.strictEqual(address.family, 'IPv4');
    assert.ok(address.port > 0);
  },
  connect: function (address, done) {
    assert.deepEqual(Object.keys(address).sort(), ['address', 'addressType', 'port']);
    assert.strictEqual(address.address, '127.0.0.1');
    assert.strictEqual(address.addressType, 4);
    var c = net.connect(address.port, '127.0.0.1');
    var got = '';
    c.setEncoding('utf8');
    c.on('data', function (d) { got += d; });
    c.on('end', function () { done(got); });
  }
});
