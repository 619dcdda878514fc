// The pipe kept in Go (modules/net/route.go) over TLS: a CleartextStream
// is a net.Socket underneath, so its pipe into a socket moves the chunks in
// Go too. Checked here: an echo server with setEncoding('utf8') and
// pipe(itself) given characters split across TLS records (and invalid and
// cut UTF-8); 8 MiB echoed byte for byte; a TLS-terminating proxy (a
// CleartextStream piped into a plain socket and back, 4 MiB each way at
// once); and the cleartext side of a SecurePair (TLS run over JS streams)
// piped into itself. 'ok - <name>' is printed as each part passes.
var assert = require('assert');
var net = require('net');
var tls = require('tls');
var crypto = require('crypto');
var fixture = require('./_fixtures');
var common = require('../net/_common');
var noErrors = common.noErrors;
var writeAll = common.writeAll;
var Checker = common.Checker;

var KiB = 1024;
var MiB = 1024 * 1024;
var serverOptions = { key: fixture('server-key.pem'), cert: fixture('server-cert.pem') };
var clientOptions = { ca: [fixture('server-cert.pem')], rejectUnauthorized: true };

// 1. setEncoding('utf8') + pipe(itself) over TLS. Each client write is a
// TLS record, read by the server as one chunk; every chunk holds one '|'
// (0x7c), which the decoder never keeps back, so the client sends chunk
// k+1 once k '|' have come back, and the records stay separate chunks. The
// expected echoes are node v20's for the same chunks (as in
// differential/pipe-utf8.js): a character split across records comes
// whole, invalid bytes become U+FFFD, and a stream that ends inside a
// character ends with U+FFFD before the close.
var R = 'efbfbd';
var utf8Cases = [
  ['2-byte split', ['7c61c3', 'a97c62'], '7c61c3a97c62'],
  ['3-byte split', ['7c61e2', '82ac7c'], '7c61e282ac7c'],
  ['4-byte split 2|2', ['7cf09f', '98807c'], '7cf09f98807c'],
  ['4-byte split 3|1', ['7cf09f98', '807c'], '7cf09f98807c'],
  ['invalid split: surrogate', ['7ced', 'a0807c'], '7c' + R + R + R + '7c'],
  ['invalid split: truncated then lead', ['7ce282', 'e282ac7c'], '7c' + R + 'e282ac7c'],
  ['invalid: overlong and lone continuation', ['7cc0af80'], '7c' + R + R + R],
  ['end inside a character', ['7c61', '7cf09f98'], '7c617c' + R]
];

function countBars(list) {
  var n = 0;
  list.forEach(function (b) {
    for (var i = 0; i < b.length; i++) {
      if (b[i] === 0x7c) n++;
    }
  });
  return n;
}

function testUtf8(done) {
  var server = tls.createServer(serverOptions, function (s) {
    noErrors([s]);
    s.setEncoding('utf8');
    s.pipe(s);
  });
  server.listen(0, '127.0.0.1', function () {
    var i = 0;
    (function next() {
      if (i === utf8Cases.length) {
        server.close(done);
        return;
      }
      var c = utf8Cases[i++];
      var chunks = c[1].map(function (h) { return new Buffer(h, 'hex'); });
      var got = [], sent = 0;
      var client = tls.connect(server.address().port, '127.0.0.1', clientOptions, function () {
        client.write(chunks[sent++]);
      });
      noErrors([client]);
      client.on('data', function (b) {
        got.push(b);
        if (countBars(got) === sent) {
          if (sent < chunks.length) {
            client.write(chunks[sent++]);
          } else {
            client.end();
          }
        }
      });
      client.on('end', function () {
        var echo = common.concat(got).toString('hex');
        assert.strictEqual(echo, c[2], 'utf8 echo over TLS: ' + c[0] + ': got ' + echo + ', expected ' + c[2]);
      });
      client.on('close', next);
    })();
  });
}

// 2. 8 MiB echoed by pipe(itself) over TLS, checked byte for byte.
function testBigEcho(done) {
  var N = 8 * MiB;
  var data = common.pattern(N, 37);
  var server = tls.createServer(serverOptions, function (s) {
    noErrors([s]);
    s.pipe(s);
  });
  server.listen(0, '127.0.0.1', function () {
    var client = tls.connect(server.address().port, '127.0.0.1', clientOptions);
    noErrors([client]);
    var check = new Checker(data, 'echo');
    client.on('data', function (d) { check.add(d); });
    client.on('end', function () {
      assert.ok(check.done(), 'echo: got ' + check.at + ' of ' + N);
    });
    client.on('close', function () { server.close(done); });
    writeAll(client, data, 256 * KiB, function () { client.end(); });
  });
}

// 3. A TLS-terminating proxy: the CleartextStream A, accepted by a tls
// server, is paused until B (plain TCP to a second server) is connected,
// then A.pipe(B), B.pipe(A), A.resume(). 4 MiB each way at once, checked
// byte for byte; B's bytesRead and bytesWritten count them.
function testProxy(done) {
  var N = 4 * MiB;
  var up = common.pattern(N, 41), down = common.pattern(N, 43);
  var B = null, closed = 0;
  function closedOne() {
    if (++closed === 4) {
      assert.strictEqual(B.bytesWritten, N, 'B.bytesWritten');
      assert.strictEqual(B.bytesRead, N, 'B.bytesRead');
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
  var proxy = tls.createServer(serverOptions, function (A) {
    A.pause();
    B = net.connect(far.address().port, '127.0.0.1', function () {
      A.pipe(B);
      B.pipe(A);
      A.resume();
    });
    noErrors([A, B]);
    A.on('close', closedOne);
    B.on('close', closedOne);
  });
  far.listen(0, '127.0.0.1', function () {
    proxy.listen(0, '127.0.0.1', function () {
      var client = tls.connect(proxy.address().port, '127.0.0.1', clientOptions);
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

// 4. A SecurePair on the server (TLS over the JS streams pair.encrypted and
// a raw socket): its cleartext stream piped into itself echoes 4 MiB, and,
// with setEncoding('utf8'), a character split across records.
function testSecurePair(done) {
  var N = 4 * MiB;
  var data = common.pattern(N, 47);
  var creds = crypto.createCredentials(serverOptions);
  var encoding = null;
  var server = net.createServer(function (raw) {
    noErrors([raw]);
    var pair = tls.createSecurePair(creds, true);
    raw.pipe(pair.encrypted);
    pair.encrypted.pipe(raw);
    pair.on('secure', function () {
      noErrors([pair.cleartext]);
      if (encoding) pair.cleartext.setEncoding(encoding);
      pair.cleartext.pipe(pair.cleartext);
    });
  });
  server.listen(0, '127.0.0.1', function () {
    // The big echo first.
    var client = tls.connect(server.address().port, '127.0.0.1', clientOptions);
    noErrors([client]);
    var check = new Checker(data, 'pair echo');
    client.on('data', function (d) {
      check.add(d);
      if (check.done()) client.end();
    });
    client.on('close', function () {
      assert.ok(check.done(), 'pair echo: got ' + check.at + ' of ' + N);
      split();
    });
    writeAll(client, data, 64 * KiB);
  });
  // Then '|a' and the first two bytes of '€', and once '|a' is back, the
  // last byte and '|'.
  function split() {
    encoding = 'utf8';
    var got = [];
    var client = tls.connect(server.address().port, '127.0.0.1', clientOptions, function () {
      client.write(new Buffer('7c61e282', 'hex'));
    });
    noErrors([client]);
    var second = false;
    client.on('data', function (b) {
      got.push(b);
      if (!second && countBars(got) === 1) {
        second = true;
        client.write(new Buffer('ac7c', 'hex'));
      } else if (countBars(got) === 2) {
        client.end();
      }
    });
    client.on('close', function () {
      var echo = common.concat(got).toString('hex');
      assert.strictEqual(echo, '7c61e282ac7c', 'pair: split character: got ' + echo);
      server.close(done);
    });
  }
}

var tests = [
  ['utf8 echo', testUtf8],
  ['8 MiB echo', testBigEcho],
  ['TLS-terminating proxy', testProxy],
  ['SecurePair cleartext', testSecurePair]
];

var finished = 0, current = null, watchdog = null;
function run(i) {
  if (watchdog) clearTimeout(watchdog);
  if (i === tests.length) return;
  current = tests[i][0];
  watchdog = setTimeout(function () {
    console.log('stalled: ' + current);
    process.exit(1);
  }, 60000);
  tests[i][1](function () {
    console.log('ok - ' + tests[i][0]);
    finished++;
    run(i + 1);
  });
}
process.on('exit', function (code) {
  if (code === 0) {
    assert.strictEqual(finished, tests.length, 'the program ended during ' + current);
  }
});
run(0);
