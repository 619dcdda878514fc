// Helpers for the http tests (not a test itself: its name starts with '_').
var net = require('net');

// is07 and mustCall as the net tests have them.
var common = require('../net/_common');
exports.is07 = common.is07;
exports.mustCall = common.mustCall;

// rawExchange connects to port, writes each of requests (strings or
// Buffers, one write each), and calls done(text) with everything the
// server sent, once it closes the connection (or, with expectClose false,
// once until(text) is true, then it closes its side).
exports.rawExchange = function (port, requests, done, until) {
  var c = net.connect(port, '127.0.0.1');
  var got = '';
  var finished = false;
  c.setEncoding('binary');
  c.on('connect', function () {
    requests.forEach(function (r) { c.write(r); });
  });
  c.on('data', function (d) {
    got += d;
    if (until && !finished && until(got)) {
      finished = true;
      c.end();
    }
  });
  // A server that drops a bad request with bytes unread resets the
  // connection: that is its end here.
  c.on('error', function () {});
  c.on('close', function () {
    done(got);
  });
  return c;
};

// series(steps, done) runs each function of steps in turn, passing each
// the callback that starts the next, then calls done.
exports.series = function (steps, done) {
  (function next() {
    var step = steps.shift();
    if (step) {
      step(next);
    } else {
      done();
    }
  })();
};
