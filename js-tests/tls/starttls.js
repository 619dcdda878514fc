// STARTTLS: a small line protocol that talks in clear text, then upgrades
// the same TCP connection to TLS on both ends: the server with
// tls.createSecurePair piped to and from its socket, the client once with
// tls.connect({socket}) and once with its own SecurePair.
var assert = require('assert');
var net = require('net');
var tls = require('tls');
var crypto = require('crypto');
var fixture = require('./_fixtures');

var serverCreds = crypto.createCredentials({ key: fixture('server-key.pem'), cert: fixture('server-cert.pem') });
var log = [];

// The raw sockets stay without an encoding: setEncoding cannot be undone
// (in Node 0.7 setEncoding(null) means utf8), and TLS needs the bytes.
var server = net.createServer(function (socket) {
  var buffered = '';
  socket.on('data', function onLine(d) {
    buffered += d.toString('binary');
    if (buffered.indexOf('\n') === -1) {
      return;
    }
    var line = buffered.slice(0, buffered.indexOf('\n'));
    assert.strictEqual(line, 'STARTTLS');
    socket.removeListener('data', onLine);
    socket.write('OK\n');
    var pair = tls.createSecurePair(serverCreds, true);
    socket.pipe(pair.encrypted);
    pair.encrypted.pipe(socket);
    pair.on('secure', function () {
      log.push('server secure');
      var clear = pair.cleartext;
      clear.setEncoding('utf8');
      clear.on('data', function (d) {
        clear.write('secret echo: ' + d);
      });
    });
  });
});

function client(upgrade, done) {
  var socket = net.connect(server.address().port, '127.0.0.1', function () {
    socket.write('STARTTLS\n');
  });
  socket.on('data', function onOk(d) {
    assert.strictEqual(d.toString(), 'OK\n');
    socket.removeListener('data', onOk);
    upgrade(socket, function (clear) {
      clear.setEncoding('utf8');
      clear.write('hello');
      clear.on('data', function (d) {
        assert.strictEqual(d, 'secret echo: hello');
        clear.end();
      });
      clear.on('close', done);
    });
  });
}

function withConnect(socket, secure) {
  var clear = tls.connect({ socket: socket, ca: [fixture('server-cert.pem')], rejectUnauthorized: true }, function () {
    assert.strictEqual(clear.authorized, true);
    log.push('connect({socket}) secure');
    secure(clear);
  });
}

function withPair(socket, secure) {
  var creds = crypto.createCredentials({ ca: [fixture('server-cert.pem')] });
  var pair = tls.createSecurePair(creds, false);
  socket.pipe(pair.encrypted);
  pair.encrypted.pipe(socket);
  pair.on('secure', function () {
    assert.strictEqual(pair.cleartext.authorized, true);
    assert.strictEqual(pair.cleartext.getPeerCertificate().subject.CN, 'localhost');
    log.push('pair secure');
    secure(pair.cleartext);
  });
}

server.listen(0, '127.0.0.1', function () {
  client(withConnect, function () {
    client(withPair, function () {
      server.close();
    });
  });
});

process.on('exit', function () {
  assert.deepEqual(log.sort(), ['connect({socket}) secure', 'pair secure', 'server secure', 'server secure']);
});
