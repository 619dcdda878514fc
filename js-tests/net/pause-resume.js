// pause() stops 'data' and reading (the sender is held back by TCP), and
// resume() restarts it; nothing is lost and the bytes stay in order.
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

var MiB = 1024 * 1024;

// Part 1: a paused receiver holds the sender back. 32 MiB is more than the
// system buffers on both ends, so while the receiver is paused part of it
// must still wait in the sender.
var big = common.pattern(32 * MiB, 3);
var s1 = net.createServer(mustCall(function (socket) {
  var paused = true;
  var dataWhilePaused = 0;
  var chunks = [];
  socket.pause();
  socket.on('data', function (d) {
    if (paused) dataWhilePaused++;
    chunks.push(d);
  });
  socket.on('end', mustCall(function () {
    assert.strictEqual(dataWhilePaused, 0);
    assert.ok(common.equalBuffers(common.concat(chunks), big), 'part 1 bytes differ');
    socket.end();
    s1.close();
  }));
  s1.resumeLater = function (client) {
    // Look once the paused socket has read nothing for 100 ms while the
    // sender has data for it ('timeout'); a socket that went on reading
    // would not be idle before the sender is done.
    socket.setTimeout(100);
    socket.on('timeout', mustCall(function () {
      socket.setTimeout(0);
      assert.strictEqual(dataWhilePaused, 0);
      // Today's node reads ahead into its own buffer while paused.
      if (common.is07) {
        assert.strictEqual(socket.bytesRead, 0);
      }
      assert.ok(client.bufferSize > 0, 'the sender is held back');
      paused = false;
      socket.resume();
    }));
  };
  s1.emit('ready');
}));
s1.listen(0, '127.0.0.1', mustCall(function () {
  var client = net.connect(s1.address().port, '127.0.0.1', mustCall(function () {
    assert.strictEqual(client.write(big), false);
    client.end();
    // The server may see the connection after the client's 'connect'.
    if (s1.resumeLater) {
      s1.resumeLater(client);
    } else {
      s1.once('ready', function () { s1.resumeLater(client); });
    }
  }));
  client.on('close', mustCall(function (hadError) {
    assert.strictEqual(hadError, false);
    echo();
  }));
}));

// Part 2: 8 MiB through an echo server (pipe), the receiving client
// pausing again and again for a while.
function echo() {
  var data = common.pattern(8 * MiB, 7);
  var server = net.createServer(function (socket) {
    socket.pipe(socket);
  });
  server.listen(0, '127.0.0.1', mustCall(function () {
    var client = net.connect(server.address().port, '127.0.0.1');
    var chunks = [];
    var received = 0;
    var nextPause = 512 * 1024;
    var paused = false;
    var pauses = 0;
    client.on('data', function (d) {
      assert.strictEqual(paused, false, "'data' while paused");
      chunks.push(d);
      received += d.length;
      if (received >= nextPause) {
        nextPause += 1024 * 1024;
        paused = true;
        pauses++;
        client.pause();
        setTimeout(function () {
          paused = false;
          client.resume();
        }, 20);
      }
    });
    client.on('end', mustCall(function () {
      assert.ok(pauses >= 8);
      assert.strictEqual(received, data.length);
      assert.ok(common.equalBuffers(common.concat(chunks), data), 'echoed bytes differ');
      assert.strictEqual(client.bytesRead, data.length);
      assert.strictEqual(client.bytesWritten, data.length);
      server.close();
    }));
    // Write in pieces, respecting write()'s answer.
    var at = 0;
    function send() {
      while (at < data.length) {
        var piece = data.slice(at, Math.min(at + 100 * 1024, data.length));
        at += piece.length;
        if (!client.write(piece)) {
          client.once('drain', send);
          return;
        }
      }
      client.end();
    }
    send();
  }));
}
