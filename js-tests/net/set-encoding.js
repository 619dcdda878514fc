// setEncoding: 'data' brings strings; a UTF-8 character split across two
// chunks comes whole; other encodings; set before connecting; bad names.
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

var euro = new Buffer('\u20ac'); // e2 82 ac

// The server sends 'a' and the first two bytes of '€', waits until the
// client has seen 'a' (so the rest must come in a later chunk), then the
// last byte and 'b'.
var server = net.createServer(function (socket) {
  socket.once('data', function (what) {
    what = what.toString();
    if (what === 'split') {
      socket.write(common.concat([new Buffer('a'), euro.slice(0, 2)]));
      socket.once('data', function () {
        socket.end(common.concat([euro.slice(2), new Buffer('b')]));
      });
    } else {
      socket.end(new Buffer('caf\u00e9 \u20ac!'));
    }
  });
});

server.listen(0, '127.0.0.1', mustCall(function () {
  var port = server.address().port;
  var pending = 0;
  function done() {
    if (--pending === 0) server.close();
  }

  // A character split across chunks.
  pending++;
  var c = net.connect(port, '127.0.0.1', mustCall(function () {
    c.setEncoding('utf8');
    c.write('split');
  }));
  var pieces = [];
  c.on('data', function (d) {
    assert.strictEqual(typeof d, 'string');
    pieces.push(d);
    if (pieces.length === 1) {
      assert.strictEqual(d, 'a');
      c.write('more');
    }
  });
  c.on('end', mustCall(function () {
    assert.strictEqual(pieces.join(''), 'a\u20acb');
    assert.strictEqual(pieces[0], 'a');
    assert.strictEqual(c.bytesRead, 5);
  }));
  c.on('close', done);

  // Each encoding, set before connecting (and setEncoding() alone is
  // UTF-8).
  var bytes = new Buffer('caf\u00e9 \u20ac!');
  [undefined, 'utf8', 'hex', 'base64', 'ascii', 'binary', 'ucs2'].forEach(function (enc) {
    pending++;
    var s = new net.Socket();
    s.setEncoding(enc);
    var got = '';
    s.on('data', function (d) {
      assert.strictEqual(typeof d, 'string');
      got += d;
    });
    s.on('end', mustCall(function () {
      var want = bytes.toString(enc || 'utf8');
      if (enc === 'ascii' && !common.is07) {
        // Today's node decodes 'ascii' as latin1; Node 0.7 cleared the
        // high bit. Compare the 7-bit part only.
        got = got.replace(/[\u0080-\u00ff]/g, '?');
        want = want.replace(/[\u0080-\u00ff]/g, '?');
      }
      assert.strictEqual(got, want, enc);
    }));
    s.on('close', done);
    s.connect(port, '127.0.0.1', function () {
      s.write('whole');
    });
  });
}));

// An unknown encoding is refused at once.
assert.throws(function () {
  new net.Socket().setEncoding('no-such-encoding');
}, function (err) {
  return err instanceof TypeError && /Unknown encoding: no-such-encoding/.test(err.message);
});
