// A refused connection: exactly one 'error' (ECONNREFUSED, syscall
// 'connect'), then 'close' with had_error true; never 'connect'.
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

// freePort(cb): a port nobody listens on at 127.0.0.2: listen, note the
// port, close. The tests (which run in parallel) listen on 127.0.0.1, so
// they do not take it meanwhile; a server listening on every address
// might (see tryRefused).
var HOST = '127.0.0.2';
function freePort(cb) {
  var probe = net.createServer();
  probe.listen(0, HOST, function () {
    var port = probe.address().port;
    probe.close(function () {
      cb(port);
    });
  });
}

// tryRefused(connect, check): connect() to a free port; if the port was
// taken by someone else in the meantime (the socket connects or is reset),
// try again with another port; otherwise check the events.
function tryRefused(connect, check, tries) {
  freePort(function (port) {
    var socket = connect(port);
    var events = [];
    socket.on('connect', function () { events.push('connect'); });
    socket.on('error', function (err) {
      assert.strictEqual(this, socket);
      events.push(err);
    });
    socket.on('close', function (hadError) {
      assert.strictEqual(this, socket);
      events.push(hadError);
      var first = events[0];
      if ((first === 'connect' || first.code !== 'ECONNREFUSED') && tries < 5) {
        tryRefused(connect, check, tries + 1);
        return;
      }
      check(socket, port, events);
    });
    if (tries === 0) {
      assert.strictEqual(socket.readyState, 'opening');
    }
  });
}

// net.connect(port, host): writes and end() while connecting are fine.
tryRefused(function (port) {
  var client = net.connect(port, HOST);
  // The idle timeout runs while connecting (on a slow machine it may fire
  // then), and stops with the socket.
  client.setTimeout(100);
  client.on('timeout', function () {
    assert.strictEqual(client.destroyed, false, "'timeout' after close");
  });
  client.write('never sent');
  client.end();
  return client;
}, mustCall(function (client, port, events) {
  assert.strictEqual(events.length, 2, 'one error, then close');
  var err = events[0];
  assert.ok(err instanceof Error);
  assert.strictEqual(err.code, 'ECONNREFUSED');
  assert.strictEqual(err.syscall, 'connect');
  if (common.is07) {
    assert.strictEqual(err.message, 'connect ECONNREFUSED');
    assert.strictEqual(err.errno, 'ECONNREFUSED');
  }
  assert.strictEqual(events[1], true, 'had_error');
  assert.strictEqual(client.destroyed, true);
  assert.strictEqual(client.readyState, 'closed');
  assert.strictEqual(client.bytesRead, 0);
}), 0);

// new Socket().connect(port, host, cb): the callback never runs.
tryRefused(function (port) {
  var s = new net.Socket();
  s.connect(port, HOST, function () {
    s.connected = true;
  });
  return s;
}, mustCall(function (s, port, events) {
  assert.strictEqual(s.connected, undefined);
  assert.strictEqual(events.length, 2);
  assert.strictEqual(events[0].code, 'ECONNREFUSED');
  assert.strictEqual(events[1], true);
}), 0);
