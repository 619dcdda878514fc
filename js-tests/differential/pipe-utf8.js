// What an echo server with setEncoding(enc) returns, for input sent in
// chunks that split characters, hold invalid UTF-8, or end in the middle of
// a character. Each case runs twice: with socket.pipe(socket), which
// gojatls moves in Go (the decoded text re-encoded as UTF-8), and with a
// 'data' listener that writes each string back, which goes through JS.
// node's output is the reference for both (today's StringDecoder: an
// incomplete character is kept for the next chunk, and end() turns what is
// left into U+FFFD).
//
// Chunk boundaries are real: chunk k+1 is sent only once the server socket's
// bytesRead shows that chunk k was read (a chunk that only starts a
// character echoes nothing, so the echo cannot be the signal).
var net = require('net');

// [name, encoding, chunks in hex]; the client ends after the last chunk.
var cases = [
  ['ascii-only', 'utf8', ['6869', '7468657265']],
  ['2-byte 1|1', 'utf8', ['61c3', 'a962']],
  ['3-byte 1|2', 'utf8', ['61e2', '82ac62']],
  ['3-byte 2|1', 'utf8', ['61e282', 'ac62']],
  ['3-byte 1|1|1', 'utf8', ['61e2', '82', 'ac62']],
  ['4-byte 1|3', 'utf8', ['61f0', '9f988062']],
  ['4-byte 2|2', 'utf8', ['61f09f', '988062']],
  ['4-byte 3|1', 'utf8', ['61f09f98', '8062']],
  ['4-byte 1|1|1|1', 'utf8', ['f0', '9f', '98', '80']],
  ['split chars in a row', 'utf8', ['e282', 'acc3', 'a9f09f', '988061']],
  ['chunk is one whole char', 'utf8', ['e282ac', 'f09f9880', 'c3a9']],
  ['lone continuation', 'utf8', ['61806280', 'bf']],
  ['five continuations', 'utf8', ['bf80808080', '61']],
  ['continuations at chunk end', 'utf8', ['61bf', '62', 'e282ac80', '63', '808080', '80', '64']],
  ['overlong', 'utf8', ['c0af', 'c1bf', 'e080af', 'f08080af', 'e09f80']],
  ['surrogates', 'utf8', ['eda080', 'edbfbf', 'eda080edb080', 'ed9fbf']],
  ['f5..ff', 'utf8', ['f5808080', 'f8', 'fe', 'ff61', 'f4908080', 'f48fbfbf']],
  ['invalid split: overlong', 'utf8', ['61c0', 'af62']],
  ['invalid split: surrogate', 'utf8', ['61ed', 'a08062', '61eda0', '8062']],
  ['invalid split: truncated then ascii', 'utf8', ['61e282', '62', 'f09f98', '63', 'c3', '64']],
  ['invalid split: truncated then lead', 'utf8', ['61e2', 'e282ac', 'c3', 'c3a9', 'f09f', 'f09f9880']],
  ['invalid split: bad second byte', 'utf8', ['e0', '8080', 'f490', '8080', 'f0', '8080', '80']],
  ['invalid split: f5 held', 'utf8', ['61f5', '80808061', 'f8', '80']],
  ['invalid split: too many continuations', 'utf8', ['c3a9', 'a9', 'e282ac', '8080']],
  ['end inside 2-byte', 'utf8', ['61', 'c3']],
  ['end inside 3-byte (2 of 3)', 'utf8', ['61e282']],
  ['end inside 3-byte split', 'utf8', ['61e2', '82']],
  ['end inside 4-byte (3 of 4)', 'utf8', ['61', 'f09f98']],
  ['end inside 4-byte (1 of 4)', 'utf8', ['61f0']],
  ['end after invalid prefix', 'utf8', ['61eda0']],
  ['end after f5', 'utf8', ['61f5']],
  ['end after bad second byte', 'utf8', ['61', 'f490']],
  ['hex', 'hex', ['00ff', '10', 'abcdef']],
  ['base64 groups split', 'base64', ['01', '0203', '04050607', '08', '090a0b0c0d']],
  ['base64 end with 1 left', 'base64', ['010203', '04']],
  ['base64 end with 2 left', 'base64', ['01', '02']],
  ['ucs2 split unit', 'ucs2', ['6100', '620063', '00']],
  ['ucs2 split pair', 'ucs2', ['3dd8', '00de', '3dd800', 'de']],
  ['ucs2 lone surrogates', 'ucs2', ['00de4100', '3dd8', '4100', '3dd8', '3dd800de']],
  ['ucs2 end on high surrogate', 'ucs2', ['41003dd8']],
  ['ucs2 end on odd byte', 'ucs2', ['410042']],
  ['binary', 'binary', ['41e9', 'ff00']],
  ['ascii', 'ascii', ['41e9', 'ff7f']]
];

var modes = ['pipe', 'data'];
var current = null; // { mode, encoding, socket, ready }

var server = net.createServer(function (socket) {
  var c = current;
  socket.setEncoding(c.encoding);
  if (c.mode === 'pipe') {
    socket.pipe(socket);
  } else {
    socket.on('data', function (s) {
      socket.write(s);
    });
  }
  c.socket = socket;
  c.ready();
});

// untilRead calls cb once the server socket has read n bytes.
function untilRead(c, n, cb) {
  if (c.socket.bytesRead >= n) {
    if (c.socket.bytesRead !== n) {
      console.log('server read ' + c.socket.bytesRead + ' bytes, expected ' + n);
      process.exit(1);
    }
    cb();
    return;
  }
  setTimeout(function () { untilRead(c, n, cb); }, 1);
}

function hexOf(list) {
  return list.map(function (b) { return b.toString('hex'); }).join('');
}

function runCase(i, m, done) {
  var name = cases[i][0];
  var chunks = cases[i][2].map(function (h) { return new Buffer(h, 'hex'); });
  var c = { mode: modes[m], encoding: cases[i][1], socket: null, ready: null };
  var waiting = 2; // the client's 'connect' and the server's 'connection'
  c.ready = function () {
    if (--waiting === 0) send(0, 0);
  };
  current = c;
  var client = net.connect(server.address().port, '127.0.0.1', function () { c.ready(); });
  var got = [];
  client.on('data', function (b) { got.push(b); });
  client.on('end', function () {
    console.log(name + ' [' + c.encoding + ', ' + c.mode + ']: ' + hexOf(got));
    client.end();
  });
  client.on('close', function () { done(); });
  function send(k, sent) {
    if (k === chunks.length) {
      client.end();
      return;
    }
    client.write(chunks[k]);
    untilRead(c, sent + chunks[k].length, function () {
      send(k + 1, sent + chunks[k].length);
    });
  }
}

var watchdog = setTimeout(function () {
  console.log('stalled');
  process.exit(1);
}, 60000);

server.listen(0, '127.0.0.1', function () {
  var i = 0, m = 0;
  (function next() {
    if (i === cases.length) {
      clearTimeout(watchdog);
      server.close();
      return;
    }
    runCase(i, m, function () {
      if (++m === modes.length) {
        m = 0;
        i++;
      }
      next();
    });
  })();
});
