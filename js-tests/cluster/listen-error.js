// A worker's listen() on an address the master cannot listen on: the
// worker's server emits Node's 'listen' error (EADDRINUSE), no 'listening'
// reaches the master, and the failure is not kept: once the address is
// free the same listen() works.
var assert = require('assert');
var cluster = require('cluster');
var net = require('net');

if (cluster.isWorker) {
  var port = Number(process.env.TAKEN_PORT);
  var server = net.createServer(function (socket) {
    socket.end('worker\n');
  });
  server.on('error', function (err) {
    process.send({ error: { message: err.message, code: err.code, errno: err.errno, syscall: err.syscall } });
  });
  process.on('message', function (msg) {
    assert.strictEqual(msg, 'again');
    server.listen(port, '127.0.0.1', function () {
      process.send({ listening: server.address().port });
    });
  });
  server.listen(port, '127.0.0.1');
  return;
}

var common = require('../child_process/_common');
var watchdog = setTimeout(function () {
  throw new Error('listen-error stalled');
}, 60000);
watchdog.unref();

var taker = net.createServer();
taker.listen(0, '127.0.0.1', function () {
  var port = taker.address().port;
  var worker = cluster.fork({ TAKEN_PORT: String(port) });
  // The worker's listen callback runs before cluster tells the master
  // (as in Node 0.7.4): its report and 'listening' come in that order.
  var reported = false;
  cluster.on('listening', common.mustCall(function (w, address) {
    assert.strictEqual(w, worker);
    assert.deepEqual(address, { address: '127.0.0.1', port: port, addressType: 4 });
    assert.ok(reported);
    var c = net.connect(port, '127.0.0.1');
    c.setEncoding('utf8');
    var got = '';
    c.on('data', function (d) { got += d; });
    c.on('end', common.mustCall(function () {
      assert.strictEqual(got, 'worker\n');
      worker.destroy();
    }));
  }));
  worker.on('message', function (msg) {
    if (msg.error) {
      assert.deepEqual(msg.error, {
        message: 'listen EADDRINUSE', code: 'EADDRINUSE', errno: 'EADDRINUSE', syscall: 'listen'
      });
      assert.strictEqual(worker.state, 'online');
      taker.close(function () {
        worker.send('again');
      });
      return;
    }
    assert.deepEqual(msg, { listening: port });
    reported = true;
  });
});
