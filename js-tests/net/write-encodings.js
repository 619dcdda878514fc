// socket.write(data, [encoding], [callback]) with every encoding: the bytes
// that arrive are what new Buffer(data, encoding) holds; callbacks run in
// order once written.
var assert = require('assert');
var net = require('net');
var common = require('./_common');
var mustCall = common.mustCall;

var text = 'h\u00e9llo \u20ac \ud83d\ude00 \u0000~';
var cases = [
  [text, 'utf8'],
  [text, 'utf-8'],
  [text, 'UTF8'],
  [text, undefined],
  [text, null],
  ['plain ascii', 'ascii'],
  ['caf\u00e9', 'binary'],
  ['00ff10fe7f80', 'hex'],
  ['SGVsbG8sIHdvcmxkIQ==', 'base64'],
  ['AAECAwQ=', 'base64'],
  [text, 'ucs2'],
  [text, 'ucs-2'],
  [text, 'utf16le'],
  [text, 'utf-16le'],
  [new Buffer([0, 1, 2, 250, 255]), undefined],
  ['', 'utf8']
];

var expected = common.concat(cases.map(function (c) {
  return Buffer.isBuffer(c[0]) ? c[0] : new Buffer(c[0], c[1] || 'utf8');
}));

var server = net.createServer(mustCall(function (socket) {
  var chunks = [];
  socket.on('data', function (d) {
    assert.ok(Buffer.isBuffer(d));
    chunks.push(d);
  });
  socket.on('end', mustCall(function () {
    var got = common.concat(chunks);
    assert.ok(common.equalBuffers(got, expected),
              'got ' + got.toString('hex') + '\nwant ' + expected.toString('hex'));
    assert.strictEqual(socket.bytesRead, expected.length);
    socket.end();
    server.close();
  }));
}));

server.listen(0, '127.0.0.1', mustCall(function () {
  var client = net.connect(server.address().port, '127.0.0.1', mustCall(function () {
    var order = [];
    cases.forEach(function (c, i) {
      var cb = mustCall(function (err) {
        assert.ok(!err);
        order.push(i);
      });
      var ret;
      if (i % 2 === 0 && c[1] === undefined) {
        ret = client.write(c[0], cb); // write(data, callback)
      } else {
        ret = client.write(c[0], c[1], cb);
      }
      assert.strictEqual(ret, true, 'a small write returns true');
    });
    assert.strictEqual(client.bytesWritten, expected.length);
    client.end();
    client.on('close', mustCall(function () {
      assert.deepEqual(order, cases.map(function (c, i) { return i; }));
      assert.strictEqual(client.bytesWritten, expected.length);
    }));
  }));
}));
