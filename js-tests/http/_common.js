// Helpers for the http tests (not a test itself: its name starts with '_').
var assert = require('assert');
var net = require('net');

// is07 is true under Node 0.7.4 (and gojatls, which is Node 0.7.4 to
// scripts); checks of behaviour that today's node changed are guarded by it.
exports.is07 = process.version === 'v0.7.4';

// mustCall(fn, [times]) wraps fn; the process fails at exit unless the
// wrapper ran exactly times times (default 1).
var checks = [];
exports.mustCall = function (fn, times) {
  var check = { name: fn.name || '<anonymous>', want: times === undefined ? 1 : times, got: 0,
                stack: new Error().stack };
  checks.push(check);
  return function () {
    check.got++;
    return fn.apply(this, arguments);
  };
};

process.on('exit', function () {
  checks.forEach(function (c) {
    assert.strictEqual(c.got, c.want, 'function ' + c.name + ' was called ' + c.got +
                       ' times, expected ' + c.want + '\n' + c.stack);
  });
});

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
