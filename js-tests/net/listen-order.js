// Servers take their ports in the order of their listen() calls: a second
// listen() on a port that an earlier listen() in the same tick took fails
// on the second server ('error' EADDRINUSE), as in Node 0.7, which bound
// an address within listen(). The same for a Unix socket path.
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

function race(first, second, cb) {
  var a = net.createServer(), b = net.createServer();
  var events = [];
  a.on('listening', mustCall(function () { events.push('a listening'); settle(); }));
  a.on('error', function (err) { events.push('a error ' + err.code); settle(); });
  b.on('listening', function () { events.push('b listening'); settle(); });
  b.on('error', mustCall(function (err) {
    events.push('b error ' + err.code);
    assert.strictEqual(err.syscall, 'listen');
    settle();
  }));
  function settle() {
    if (events.length < 2) return;
    assert.deepEqual(events.sort(), ['a listening', 'b error EADDRINUSE']);
    a.close(cb);
  }
  first(a);
  second(b);
}

// A port nobody uses: taken and given back first.
var probe = net.createServer();
probe.listen(0, '127.0.0.1', mustCall(function () {
  var port = probe.address().port;
  probe.close(mustCall(function () {
    race(function (s) { s.listen(port, '127.0.0.1'); },
         function (s) { s.listen(port, '127.0.0.1'); },
         mustCall(function () {
      var path = common.tmpPath('order');
      race(function (s) { s.listen(path); }, function (s) { s.listen(path); }, mustCall(function () {}));
    }));
  }));
}));
