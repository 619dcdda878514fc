// A server's renegotiation does not break a tls.connect stream: openssl
// s_server -tls1_2 renegotiates when 'r' is typed (it sends a
// HelloRequest); the client goes along, as OpenSSL 1.0 clients did, and
// data then flows both ways. (Without it the stream died with an error.)
var assert = require('assert');
var tls = require('tls');
var openssl = require('./_openssl');

var steps = [];
openssl.available(function (ok) {
  if (!ok) {
    console.log('SKIP: openssl is not installed (.ci/run installs it)');
    return;
  }
  openssl.server(['-cert', 'server-cert.pem', '-key', 'server-key.pem', '-tls1_2'], false, function (port, child) {
    var serverOut = '';
    child.stdout.on('data', function (d) {
      serverOut += d;
      if (steps.length === 0 && /\nbefore\n/.test(serverOut)) {
        steps.push('server got before');
        child.stdin.write('r\n');
      } else if (steps.length === 1 && /SSL_do_handshake -> 1\n/.test(serverOut)) {
        steps.push('renegotiating');
        child.stdin.write('from server\n');
      } else if (steps.length === 3 && /\nafter\n/.test(serverOut)) {
        steps.push('server got after');
        c.end();
        child.kill();
      }
    });
    var c = tls.connect(port, '127.0.0.1', { rejectUnauthorized: false }, function () {
      c.write('before\n');
    });
    c.on('error', function (err) {
      if (steps.length < 4) { // (killing the server at the end may reset)
        throw new Error('error after ' + steps.join(', ') + ': ' + err.message + '\n' + serverOut);
      }
    });
    c.setEncoding('utf8');
    var got = '';
    c.on('data', function (d) {
      got += d;
      if (got === 'from server\n') {
        steps.push('client got from server');
        c.write('after\n');
      }
    });
  });
});
process.on('exit', function () {
  if (steps.length === 0) {
    return; // skipped (a failure before the first step fails by its own error)
  }
  assert.deepEqual(steps, ['server got before', 'renegotiating', 'client got from server', 'server got after']);
});
