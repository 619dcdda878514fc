// A socket piped into a socket, with the pipe's ondata as the source's only
// 'data' listener: gojatls moves the chunks in Go (modules/net/route.go)
// instead of emitting 'data'. Everything a script can see must stay as
// Node has it: setEncoding's decoding, order and completeness, listeners
// added and removed mid-stream, backpressure and 'drain', end() and
// destroy() of the destination, bytesRead/bytesWritten, pause()/resume(),
// the live listeners() array, idle timeouts, and replaced methods.
//
// The subtests run one after another, each with its own server and
// sockets; 'ok - <name>' is printed as each passes. bytesRead and
// bytesWritten (g) are checked in d and e. k, m and l, which gojatls
// failed when they were written, come last. `gojatls pipe-in-go.js c` runs
// only the subtests whose names start with 'c'. The script runs under
// today's node too; the checks of Node 0.7 behaviour that today's node
// changed are guarded by common.is07.
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var noErrors = common.noErrors;
var writeAll = common.writeAll;
var Checker = common.Checker;

var KiB = 1024;
var MiB = 1024 * 1024;
var defer = typeof setImmediate === 'function' ? setImmediate : function (fn) { setTimeout(fn, 0); };

function hex(h) {
  return new Buffer(h, 'hex');
}

// pair(cb) connects two clients to one server: the server's socket s1 has
// the peer c1, s2 has c2 (c2 connects only once s1 is accepted, so the
// order is known). cb(t) runs once all four are connected.
function pair(cb) {
  var t = { server: net.createServer(), c1: null, s1: null, c2: null, s2: null };
  var waiting = 4;
  function step() {
    if (--waiting === 0) cb(t);
  }
  t.server.on('connection', function (s) {
    if (t.s1 === null) {
      t.s1 = s;
      t.c2 = net.connect(t.server.address().port, '127.0.0.1', step);
    } else {
      t.s2 = s;
    }
    step();
  });
  t.server.listen(0, '127.0.0.1', function () {
    t.c1 = net.connect(t.server.address().port, '127.0.0.1', step);
  });
}

// untilRead(socket, n, cb): cb once socket.bytesRead is n. A chunk that
// only begins a character echoes nothing, so this, not the echo, says that
// the server has read a chunk; sending the next one only then keeps the
// chunk boundaries.
function untilRead(socket, n, cb) {
  if (socket.bytesRead >= n) {
    assert.strictEqual(socket.bytesRead, n);
    cb();
    return;
  }
  setTimeout(function () { untilRead(socket, n, cb); }, 1);
}

// echoCase runs one echo connection: the server socket gets setEncoding(enc)
// (before or after pipe(itself), as afterPipe says), the client sends the
// chunks one read at a time, then ends; cb(echo) gets all that came back
// before the server's FIN.
function echoCase(enc, chunks, afterPipe, cb) {
  var serverSocket = null;
  var client = null;
  var waiting = 2;
  var server = net.createServer(function (s) {
    if (!afterPipe) s.setEncoding(enc);
    s.pipe(s);
    if (afterPipe) s.setEncoding(enc);
    serverSocket = s;
    noErrors([s]);
    start();
  });
  function start() {
    if (--waiting === 0) send(0, 0);
  }
  function send(k, sent) {
    if (k === chunks.length) {
      client.end();
      return;
    }
    client.write(chunks[k]);
    untilRead(serverSocket, sent + chunks[k].length, function () {
      send(k + 1, sent + chunks[k].length);
    });
  }
  server.listen(0, '127.0.0.1', function () {
    client = net.connect(server.address().port, '127.0.0.1', start);
    noErrors([client]);
    var got = [];
    client.on('data', function (b) { got.push(b); });
    client.on('end', function () {
      var echo = common.concat(got);
      server.close(function () { cb(echo); });
    });
  });
}

// a. setEncoding('utf8') + pipe(itself): characters split across chunks,
// invalid UTF-8, invalid sequences split across chunks, and a stream that
// ends inside a character (U+FFFD before the FIN). The expected echoes are
// node v20's (differential/pipe-utf8.js runs the same cases, and more,
// under node and gojatls); a decoder without state across chunks, or one
// that decodes the whole stream at once, gives other bytes for several.
var R = 'efbfbd'; // U+FFFD
function times(s, n) {
  return new Array(n + 1).join(s);
}
var utf8Cases = [
  ['2-byte 1|1', ['61c3', 'a962'], '61c3a962'],
  ['3-byte 1|2', ['61e2', '82ac62'], '61e282ac62'],
  ['3-byte 1|1|1', ['61e2', '82', 'ac62'], '61e282ac62'],
  ['4-byte 3|1', ['61f09f98', '8062'], '61f09f988062'],
  ['4-byte 1|1|1|1', ['f0', '9f', '98', '80'], 'f09f9880'],
  ['split chars in a row', ['e282', 'acc3', 'a9f09f', '988061'], 'e282acc3a9f09f988061'],
  ['lone continuation', ['61806280', 'bf'], '61' + R + '62' + R + R],
  ['continuations at chunk end', ['61bf', '62', 'e282ac80', '63', '808080', '80', '64'],
   '61' + R + '62e282ac' + R + '63' + times(R, 4) + '64'],
  ['overlong', ['c0af', 'c1bf', 'e080af', 'f08080af', 'e09f80'], times(R, 14)],
  ['surrogates', ['eda080', 'edbfbf', 'eda080edb080', 'ed9fbf'], times(R, 12) + 'ed9fbf'],
  ['f5..ff and above U+10FFFF', ['f5808080', 'f8', 'fe', 'ff61', 'f4908080', 'f48fbfbf'],
   times(R, 7) + '61' + times(R, 4) + 'f48fbfbf'],
  ['invalid split: overlong', ['61c0', 'af62'], '61' + R + R + '62'],
  ['invalid split: surrogate', ['61ed', 'a08062', '61eda0', '8062'],
   '61' + times(R, 3) + '6261' + times(R, 3) + '62'],
  ['invalid split: truncated then lead', ['61e2', 'e282ac', 'c3', 'c3a9', 'f09f', 'f09f9880'],
   '61' + R + 'e282ac' + R + 'c3a9' + R + 'f09f9880'],
  ['invalid split: bad second byte', ['e0', '8080', 'f490', '8080', 'f0', '8080', '80'], times(R, 11)],
  ['end inside 2-byte', ['61', 'c3'], '61' + R],
  ['end inside 3-byte split', ['61e2', '82'], '61' + R],
  ['end inside 4-byte (3 of 4)', ['61', 'f09f98'], '61' + R],
  ['end after an invalid prefix', ['61eda0'], '61' + R + R]
];

function testUtf8(done) {
  var i = 0;
  (function next() {
    if (i === utf8Cases.length) {
      done();
      return;
    }
    var c = utf8Cases[i++];
    echoCase('utf8', c[1].map(hex), false, function (echo) {
      assert.strictEqual(echo.toString('hex'), c[2], 'utf8 echo: ' + c[0] + ': got ' +
                         echo.toString('hex') + ', expected ' + c[2]);
      next();
    });
  })();
}

// b. setEncoding('hex') and ('base64') with pipe(itself): the client gets
// the hex or base64 text of what it sent. The decoder carries base64's
// incomplete 3-byte groups over chunk boundaries and pads only at the end,
// so the text is that of the whole stream however it was cut. Also with
// setEncoding called after pipe(), before any data.
function testHexBase64(done) {
  var data = common.pattern(300001, 5);
  var sizes = [1, 2, 3, 4, 5, 1000, 4097, 65536, 7];
  var runs = [['hex', false], ['base64', false], ['base64', true], ['hex', true]];
  var r = 0;
  (function next() {
    if (r === runs.length) {
      done();
      return;
    }
    var enc = runs[r][0], afterPipe = runs[r][1];
    r++;
    var serverSocket = null;
    var server = net.createServer(function (s) {
      if (!afterPipe) s.setEncoding(enc);
      s.pipe(s);
      if (afterPipe) s.setEncoding(enc);
      serverSocket = s;
      noErrors([s]);
    });
    server.listen(0, '127.0.0.1', function () {
      var client = net.connect(server.address().port, '127.0.0.1');
      noErrors([client]);
      var at = 0, k = 0;
      while (at < data.length) {
        var n = sizes[k++ % sizes.length];
        client.write(data.slice(at, Math.min(at + n, data.length)));
        at += n;
      }
      client.end();
      var check = new Checker(new Buffer(data.toString(enc), 'ascii'), enc + ' text');
      client.on('data', function (b) { check.add(b); });
      client.on('end', function () {
        assert.ok(check.done(), enc + ': got ' + check.at + ' bytes of text');
        assert.strictEqual(serverSocket.bytesRead, data.length);
        server.close(next);
      });
    });
  })();
}

// c. A 'data' listener added mid-stream sees every chunk read after it was
// added and none before, while the pipe goes on writing them to dest; once
// it is removed the pipe carries on; a once() listener sees one chunk.
// c1 sends 256 KiB blocks, each once c2 has the previous one, so that at
// each change nothing is in flight and bytesRead says where the stream is.
function testListenerMidStream(done) {
  pair(function (t) {
    var block = 256 * KiB;
    var data = common.pattern(16 * block, 7);
    var check = new Checker(data, 'dest');
    var seen = [], seenFrom = -1;
    var onceGot = null, onceFrom = -1;
    function listener(d) {
      assert.ok(Buffer.isBuffer(d));
      seen.push(d);
    }
    noErrors([t.c1, t.s1, t.c2, t.s2]);
    t.s1.pipe(t.s2);
    t.c2.on('data', function (d) {
      check.add(d);
      if (check.at % block !== 0) return;
      var n = check.at / block;
      if (n === 4) {
        seenFrom = t.s1.bytesRead;
        assert.strictEqual(seenFrom, 4 * block);
        t.s1.on('data', listener);
      } else if (n === 8) {
        t.s1.removeListener('data', listener);
        var to = t.s1.bytesRead;
        assert.strictEqual(to, 8 * block);
        assert.ok(common.equalBuffers(common.concat(seen), data.slice(seenFrom, to)),
                  'the listener saw ' + common.concat(seen).length + ' bytes, not bytes ' +
                  seenFrom + '..' + to);
      } else if (n === 10) {
        onceFrom = t.s1.bytesRead;
        t.s1.once('data', function (d) {
          assert.strictEqual(onceGot, null);
          onceGot = d;
        });
      }
      if (n < 16) {
        t.c1.write(data.slice(n * block, (n + 1) * block));
      } else {
        t.c1.end();
      }
    });
    t.c2.on('end', function () {
      assert.ok(check.done(), 'dest got ' + check.at + ' of ' + data.length);
      assert.ok(onceGot !== null, 'the once() listener got nothing');
      assert.ok(common.equalBuffers(onceGot, data.slice(onceFrom, onceFrom + onceGot.length)),
                'the once() listener got other bytes');
      assert.strictEqual(t.s1.listeners('data').indexOf(listener), -1);
      t.c2.end();
      t.server.close(done);
    });
    t.c1.write(data.slice(0, block));
  });
}

// d. A proxy: the server accepts A from the client, connects B to a second
// server, and pipes A into B and B into A. 4 MiB go each way at once,
// checked byte for byte; bytesRead and bytesWritten of A and B count them
// (g). Two ways to set it up: pipe at once, while B is still connecting
// (A's chunks then go to B's connect queue, and through JS); or pause A,
// and pipe and resume once B is connected (both ways can then stay in Go).
function testProxy(later, done) {
  var N = 4 * MiB;
  var up = common.pattern(N, 11), down = common.pattern(N, 13);
  var A = null, B = null;
  var closed = 0;
  function closedOne() {
    if (++closed === 4) { // A, B, the client, the far end
      assert.strictEqual(A.bytesRead, N, 'A.bytesRead');
      assert.strictEqual(B.bytesWritten, N, 'B.bytesWritten');
      assert.strictEqual(B.bytesRead, N, 'B.bytesRead');
      assert.strictEqual(A.bytesWritten, N, 'A.bytesWritten');
      far.close(function () { proxy.close(done); });
    }
  }
  var far = net.createServer(function (s) {
    noErrors([s]);
    var check = new Checker(up, 'upstream');
    s.on('data', function (d) { check.add(d); });
    s.on('end', function () { assert.ok(check.done(), 'the far end got ' + check.at); });
    s.on('close', closedOne);
    writeAll(s, down, 64 * KiB);
  });
  var proxy = net.createServer(function (a) {
    A = a;
    if (later) A.pause();
    B = net.connect(far.address().port, '127.0.0.1', function () {
      if (later) {
        A.pipe(B);
        B.pipe(A);
        A.resume();
      }
    });
    noErrors([A, B]);
    if (!later) {
      A.pipe(B);
      B.pipe(A);
    }
    A.on('close', closedOne);
    B.on('close', closedOne);
  });
  far.listen(0, '127.0.0.1', function () {
    proxy.listen(0, '127.0.0.1', function () {
      var client = net.connect(proxy.address().port, '127.0.0.1');
      noErrors([client]);
      var check = new Checker(down, 'downstream');
      var sentAll = false;
      client.on('data', function (d) {
        check.add(d);
        if (check.done() && sentAll) client.end();
      });
      writeAll(client, up, 64 * KiB, function () {
        sentAll = true;
        if (check.done()) client.end();
      });
      client.on('close', closedOne);
    });
  });
}

// e. Backpressure: dest's peer does not read while the source's peer sends
// 16 MiB (more than the system buffers between dest and its paused peer
// hold). dest.bufferSize,
// sampled every 10 ms, stays small (the high-water mark and a chunk or
// two; 1 MiB is generous); once the flow has stopped with more to come
// and dest still holding bytes, the peer reads again; 'drain' comes on
// dest; every byte arrives, in order; bytesRead and bytesWritten count
// them (g). The flow may stop with less than the mark in dest: write()
// returned false at the mark, the source paused, and dest's writer then
// passed part of its queue to the kernel before that filled. What it may
// not do is stop without write() having said so: then no 'drain' comes
// after the peer reads again. With small, the source's peer sends 8 MiB
// in 1000-byte writes, a few each millisecond, so that the source reads
// small chunks: the flow must still stop only for a full dest (a reader
// that writes a chunk itself must not stop there, below the mark, when
// dest's peer stops reading).
function testBackpressure(small, done) {
  pair(function (t) {
    var N = (small ? 8 : 16) * MiB;
    var data = common.pattern(N, 17);
    var check = new Checker(data, 'dest');
    var maxBuffered = 0, stalled = false, drains = 0, drainsAfter = 0;
    var lastRead = -1, still = 0;
    noErrors([t.c1, t.s1, t.c2, t.s2]);
    t.c2.pause();
    t.s1.pipe(t.s2);
    t.s2.on('drain', function () {
      drains++;
      if (stalled) drainsAfter++;
    });
    var sampler = setInterval(function () {
      var buffered = t.s2.bufferSize;
      maxBuffered = Math.max(maxBuffered, buffered);
      var read = t.s1.bytesRead;
      still = read === lastRead ? still + 1 : 0;
      lastRead = read;
      // (The source's peer may have handed everything to the kernel: the
      // source's receive buffer grows to tens of MiB while it reads.)
      var moreToRead = read < N;
      progress = 'source read ' + read + ' of ' + N + ', dest bufferSize ' + buffered +
          ', dest written ' + t.s2.bytesWritten + ', reader got ' + check.at +
          (stalled ? ', reader resumed' : ', reader paused');
      if (!stalled && still >= 3 && buffered > 0 && moreToRead) {
        // The flow stopped with dest holding bytes and more to send:
        // backpressure, if a 'drain' follows.
        stalled = true;
        t.c2.resume();
      }
    }, 10);
    t.c2.on('data', function (d) { check.add(d); });
    var sent = 0;
    var writer = null;
    if (small) {
      writer = setInterval(function () {
        for (var i = 0; i < 8 && sent < N; i++, sent += 1000) {
          t.c1.write(data.slice(sent, Math.min(sent + 1000, N)));
        }
        if (sent >= N) {
          clearInterval(writer);
          t.c1.end();
        }
      }, 1);
    } else {
      writeAll(t.c1, data, 256 * KiB, function () { t.c1.end(); });
    }
    t.c2.on('end', function () {
      clearInterval(sampler);
      assert.ok(check.done(), 'dest got ' + check.at + ' of ' + N);
      assert.ok(stalled, 'the flow never stopped for the paused reader');
      assert.ok(maxBuffered < MiB, 'dest.bufferSize reached ' + maxBuffered);
      assert.ok(drainsAfter >= 1, "no 'drain' on dest after its peer read again (" + drains + ' in all)');
      assert.strictEqual(t.s1.bytesRead, N, 's1.bytesRead');
      assert.strictEqual(t.s2.bytesWritten, N, 's2.bytesWritten');
      t.c2.end();
      t.server.close(done);
    });
  });
}

// e. Backpressure with a write of the script's own beside the pipe: dest
// gets one write from JS, then the pipe's chunks; its peer does not read.
// Once the flow has stopped, dest.bufferSize is at least the high-water
// mark and a further write() returns false, as in Node: the count JS sees
// includes the pipe's chunks (a count that missed them let write() say
// true over a full queue). Six rounds, since where the writer stopped
// varies.
function testBackpressureOwnWrite(done) {
  var round = 0;
  (function next() {
    if (round++ === 6) {
      done();
      return;
    }
    pair(function (t) {
      var N = 16 * MiB;
      noErrors([t.c1, t.s1, t.c2, t.s2]);
      t.c2.pause();
      t.s1.pipe(t.s2);
      t.s2.write('x');
      var mark = (common.isGojatls ? 64 : 16) * KiB;
      var last = -1, still = 0;
      var sampler = setInterval(function () {
        var read = t.s1.bytesRead;
        still = read === last ? still + 1 : 0;
        last = read;
        progress = 'round ' + round + ': source read ' + read + ', dest bufferSize ' + t.s2.bufferSize;
        if (still < 5) return;
        clearInterval(sampler);
        assert.ok(read < N, 'the source read everything: no backpressure to see');
        var buffered = t.s2.bufferSize;
        assert.ok(buffered >= mark, 'the flow stopped with dest.bufferSize ' + buffered);
        assert.strictEqual(t.s2.write('y'), false, 'write() over a full queue');
        t.c1.destroy();
        t.c2.destroy();
        t.s1.destroy();
        t.s2.destroy();
        t.server.close(next);
      }, 10);
      t.c1.write(common.pattern(N, 23));
    });
  })();
}

// f. dest.end() while the source still sends, and dest.destroy(): no
// error, what came before reaches dest's peer and nothing after (c1 sends
// 64 KiB blocks, each once c2 has the previous one, up to the cut, so that
// nothing is on its way then; after it, the remaining 3.75 MiB at once),
// dest's peer sees the end, and the source reads on to its end: its peer
// can send everything.
function testDestGone(how, done) {
  pair(function (t) {
    var N = 4 * MiB, block = 64 * KiB, cutAt = 4 * block;
    var data = common.pattern(N, 19);
    var got = 0, cut = false, sentAll = false, closed = false;
    noErrors([t.c1, t.s1, t.s2]);
    if (how === 'end') {
      noErrors([t.c2]);
    } else {
      // c2's own FIN, after the destroyed socket's, may meet a reset.
      t.c2.on('error', function () {});
    }
    t.s1.pipe(t.s2);
    var check = new Checker(data, 'dest before ' + how + '()');
    t.c2.on('data', function (d) {
      assert.ok(!cut, 'dest sent ' + d.length + ' bytes after ' + how + '()');
      check.add(d);
      got += d.length;
      if (got % block !== 0) return;
      if (got < cutAt) {
        t.c1.write(data.slice(got, got + block));
        return;
      }
      cut = true;
      if (!common.is07) {
        // Today's node unpipes and pauses the source once dest is done.
        t.s2.once('close', function () { t.s1.resume(); });
      }
      if (how === 'end') {
        t.s2.end();
      } else {
        t.s2.destroy();
      }
      writeAll(t.c1, data.slice(cutAt), block, function () {
        sentAll = true;
        t.c1.end();
      });
    });
    t.c2.on('close', function () {
      closed = true;
      finish();
    });
    t.s1.on('end', function () {
      assert.strictEqual(t.s1.bytesRead, N, 'the source stopped reading');
      finish();
    });
    var pending = 2;
    function finish() {
      if (--pending > 0) return;
      assert.ok(sentAll);
      assert.ok(closed);
      assert.strictEqual(got, cutAt);
      t.server.close(done);
    }
    t.c1.write(data.slice(0, block));
  });
}

// h. pause() on the source stops the flow: what its peer sends meanwhile
// does not reach dest's peer (checked after three round trips between dest
// and its peer, once the bytes are in the source's system buffer); after
// resume() they come.
function testPause(done) {
  pair(function (t) {
    var later = common.pattern(1000, 23);
    var phase = 'first', got = [], pongs = 0;
    noErrors([t.c1, t.s1, t.c2, t.s2]);
    t.s1.pipe(t.s2);
    t.s2.on('data', function () { t.s2.write('q'); });
    t.c2.on('data', function (d) {
      if (phase === 'first') {
        got.push(d);
        var s = common.concat(got).toString();
        if (s.length < 3) return;
        assert.strictEqual(s, 'abc');
        got = [];
        phase = 'paused';
        t.s1.pause();
        t.c1.write(later, function () { t.c2.write('p'); });
      } else if (phase === 'paused') {
        for (var i = 0; i < d.length; i++) {
          assert.strictEqual(d[i], 0x71, 'dest got data from a paused source');
        }
        pongs += d.length;
        if (pongs < 3) {
          t.c2.write('p');
          return;
        }
        if (common.is07) {
          assert.strictEqual(t.s1.bytesRead, 3, 'the paused source read on');
        }
        phase = 'resumed';
        t.s1.resume();
      } else {
        got.push(d);
        var all = common.concat(got);
        if (all.length < later.length) return;
        assert.ok(common.equalBuffers(all, later), 'after resume()');
        phase = 'done';
        t.c1.end();
      }
    });
    t.c2.on('end', function () {
      assert.strictEqual(phase, 'done');
      t.server.close(done);
    });
    t.c1.write('abc');
  });
}

// i. listeners('data') is the live array (Node 0.7's documentation): a
// function pushed on it gets the later chunks, and the pipe still writes
// them; spliced out again, it gets no more.
function testListenersArray(done) {
  if (!common.is07) {
    console.log('(listeners() is a copy in this node)');
    done();
    return;
  }
  pair(function (t) {
    var pushed = [], got = '';
    function fn(d) { pushed.push(d.toString()); }
    noErrors([t.c1, t.s1, t.c2, t.s2]);
    t.s1.pipe(t.s2);
    t.c2.setEncoding('utf8');
    t.c2.on('data', function (d) {
      got += d;
      if (got === 'one') {
        t.s1.listeners('data').push(fn);
        t.c1.write('two');
      } else if (got === 'onetwo') {
        assert.deepEqual(pushed, ['two']);
        var list = t.s1.listeners('data');
        list.splice(list.indexOf(fn), 1);
        t.c1.write('three');
      } else if (got === 'onetwothree') {
        assert.deepEqual(pushed, ['two']);
        t.c1.end();
      }
    });
    t.c2.on('end', function () {
      assert.strictEqual(got, 'onetwothree');
      t.server.close(done);
    });
    t.c1.write('one');
  });
}

// j. setTimeout() on piped sockets: reads (on the source) and writes (on
// dest) made in Go count as activity, so no 'timeout' while data flows
// (a chunk every 50 ms for longer than the 500 ms timeout); once the flow
// stops, 'timeout' comes once on each, and not again without activity
// (1.5 s later); after new activity, once more.
function testTimeout(done) {
  pair(function (t) {
    var T = 500;
    var counts = { s1: 0, s2: 0 };
    var flowing = true, round = 0, want = 1;
    noErrors([t.c1, t.s1, t.c2, t.s2]);
    t.s1.pipe(t.s2);
    ['s1', 's2'].forEach(function (k) {
      t[k].setTimeout(T);
      t[k].on('timeout', function () {
        assert.ok(!flowing, "'timeout' on " + k + ' while data flowed');
        counts[k]++;
        assert.ok(counts[k] <= want, "'timeout' on " + k + ' again without activity');
        if (counts.s1 === want && counts.s2 === want) idle();
      });
    });
    function idle() {
      if (want === 1) {
        setTimeout(function () {
          assert.strictEqual(counts.s1, 1);
          assert.strictEqual(counts.s2, 1);
          want = 2;
          t.c1.write('more');
        }, 3 * T);
      } else {
        t.s1.setTimeout(0);
        t.s2.setTimeout(0);
        t.c1.end();
      }
    }
    var got = 0;
    t.c2.on('data', function (d) {
      got += d.length;
      if (flowing && got === (round + 1) * 10) {
        round++;
        if (round < 12) {
          setTimeout(function () { t.c1.write('0123456789'); }, 50);
        } else {
          flowing = false;
        }
      }
    });
    t.c2.on('end', function () {
      assert.strictEqual(got, 124);
      assert.strictEqual(want, 2);
      t.server.close(done);
    });
    t.c1.write('0123456789');
  });
}

// k. pause() and resume() over and over on a source piped into itself
// while 8 MiB flow: every byte comes back, in order. (Each resume() starts
// the Go route again while a chunk read just before the pause may still be
// on its way through the loop.)
function testPauseResumeOrder(done) {
  var N = 8 * MiB;
  var data = common.pattern(N, 29);
  var rounds = 10, r = 0;
  var server = net.createServer(function (s) {
    noErrors([s]);
    s.pipe(s);
    var stop = false;
    s.on('end', function () { stop = true; });
    (function toggle() {
      if (stop) return;
      s.pause();
      defer(function () {
        s.resume();
        defer(toggle);
      });
    })();
  });
  server.listen(0, '127.0.0.1', function () {
    (function next() {
      if (r++ === rounds) {
        server.close(done);
        return;
      }
      var client = net.connect(server.address().port, '127.0.0.1');
      noErrors([client]);
      var check = new Checker(data, 'round ' + r);
      client.on('data', function (d) { check.add(d); });
      client.on('end', function () {
        assert.ok(check.done(), 'round ' + r + ': got ' + check.at);
        client.end();
      });
      client.on('close', next);
      writeAll(client, data, KiB, function () { client.end(); });
    })();
  });
}

// m. Methods replaced after pipe(): pipe's ondata calls dest.write as it
// is when the chunk comes, and the chunk is emitted with source.emit, so a
// wrapper put on either after pipe() sees every chunk, as in Node.
function testReplaced(done) {
  pair(function (t) {
    var writes = 0, emits = 0, got = '';
    noErrors([t.c1, t.s1, t.c2, t.s2]);
    t.s1.pipe(t.s2);
    var write = t.s2.write;
    t.s2.write = function (d) {
      writes += d.length;
      return write.apply(this, arguments);
    };
    var emit = t.s1.emit;
    t.s1.emit = function (type, d) {
      if (type === 'data') emits += d.length;
      return emit.apply(this, arguments);
    };
    t.c2.setEncoding('utf8');
    t.c2.on('data', function (d) {
      got += d;
      if (got === 'hello') t.c1.end();
    });
    t.c2.on('end', function () {
      assert.strictEqual(got, 'hello');
      assert.strictEqual(writes, 5, 'a dest.write put in place after pipe() saw ' + writes + ' bytes');
      assert.strictEqual(emits, 5, 'a source.emit put in place after pipe() saw ' + emits + ' bytes');
      t.server.close(done);
    });
    t.c1.write('hello');
  });
}

// l. pipe() called once data has already come to a 'data' listener (which
// answered the first chunk itself and went away): the chunks still on their
// way through the loop go first, then the Go route; every byte comes back
// in order. The window is small, so this runs many connections.
function testPipeLater(done) {
  var N = 256 * KiB;
  var data = common.pattern(N, 31);
  var rounds = 300, r = 0;
  var server = net.createServer(function (s) {
    noErrors([s]);
    s.once('data', function (d) {
      s.write(d);
      s.pipe(s);
    });
  });
  server.listen(0, '127.0.0.1', function () {
    (function next() {
      if (r++ === rounds) {
        server.close(done);
        return;
      }
      var client = net.connect(server.address().port, '127.0.0.1');
      noErrors([client]);
      var check = new Checker(data, 'connection ' + r);
      client.on('data', function (d) { check.add(d); });
      client.on('end', function () {
        assert.ok(check.done(), 'connection ' + r + ': got ' + check.at);
        client.end();
      });
      client.on('close', next);
      writeAll(client, data, KiB, function () { client.end(); });
    })();
  });
}

var tests = [
  ['a. utf8 echo', testUtf8],
  ['b. hex and base64', testHexBase64],
  ['c. listener mid-stream', testListenerMidStream],
  ['d. proxy, piped while connecting', function (done) { testProxy(false, done); }],
  ['d. proxy, piped once connected', function (done) { testProxy(true, done); }],
  ['e. backpressure', function (done) { testBackpressure(false, done); }],
  ['e. backpressure, small chunks', function (done) { testBackpressure(true, done); }],
  ['e. backpressure, with a write of its own', testBackpressureOwnWrite],
  ['f. dest.end()', function (done) { testDestGone('end', done); }],
  ['f. dest.destroy()', function (done) { testDestGone('destroy', done); }],
  ['h. pause', testPause],
  ['i. listeners() array', testListenersArray],
  ['j. timeout', testTimeout],
  ['k. pause/resume order', testPauseResumeOrder],
  ['m. replaced methods', testReplaced],
  ['l. pipe() later', testPipeLater]
];

var only = process.argv[2];
var current = null, finished = 0, selected = 0;
// progress: what a test last saw, printed if it stalls.
var progress = '';
var watchdog = null;
function run(i) {
  if (watchdog) clearTimeout(watchdog);
  if (i === tests.length) return;
  var name = tests[i][0];
  if (only && name.indexOf(only) !== 0) {
    run(i + 1);
    return;
  }
  selected++;
  current = name;
  progress = '';
  watchdog = setTimeout(function () {
    console.log('stalled: ' + current + (progress ? ' (' + progress + ')' : ''));
    process.exit(1);
  }, 60000);
  tests[i][1](function () {
    console.log('ok - ' + name);
    finished++;
    run(i + 1);
  });
}
process.on('exit', function (code) {
  if (code === 0) {
    assert.strictEqual(finished, selected, 'the program ended during ' + current);
  }
});
run(0);
