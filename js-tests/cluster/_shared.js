// The body of shared-net.js, shared-tls.js and shared-unix.js (not a test
// itself): two workers listen on the same address; the master gets
// 'listening' from both with the one port, and two connections in turn
// are answered by both workers (each worker takes one connection and
// closes its server before answering it, so the second connection can
// only be the other worker's). Servers and clients are made by `kind`:
// createServer(onRequest) makes a server that calls onRequest(reply) for
// each request, reply(text) answering it; listen(server, done);
// checkAddress(the worker's server.address()); connect(address from
// 'listening', done(answer)).
var assert = require('assert');
var cluster = require('cluster');
var common = require('../child_process/_common');

module.exports = function (kind) {
  if (cluster.isWorker) {
    var server = kind.createServer(function (reply) {
      server.close();
      reply('worker ' + cluster.worker.uniqueID + '\n');
    });
    kind.listen(server, function () {
      process.send({ address: server.address() });
    });
    return;
  }

  var watchdog = setTimeout(function () {
    throw new Error('shared socket test stalled');
  }, 60000);
  watchdog.unref();

  var workers = [cluster.fork(), cluster.fork()];
  var addresses = [];
  var listening = 0;
  cluster.on('listening', common.mustCall(function (worker, address) {
    assert.strictEqual(worker.state, 'listening');
    addresses.push(address);
    if (++listening === 2) {
      assert.deepEqual(addresses[0], addresses[1], 'both workers listen on the one address');
      ask(0);
    }
  }, 2));
  workers.forEach(function (worker) {
    worker.on('message', common.mustCall(function (msg) {
      // What the worker's own server.address() says.
      kind.checkAddress(msg.address);
    }));
  });

  var answers = [];
  function ask(n) {
    if (n === 2) {
      answers.sort();
      assert.deepEqual(answers, ['worker 1\n', 'worker 2\n']);
      workers.forEach(function (w) { w.destroy(); });
      return;
    }
    kind.connect(addresses[0], function (answer) {
      answers.push(answer);
      ask(n + 1);
    });
  }
};
