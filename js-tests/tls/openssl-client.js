// openssl s_client against our server: the greeting and echo, SNI
// (-servername), ALPN/NPN (-alpn), a named cipher (-cipher), a client
// certificate verified by the server, and session reuse with -reconnect
// (TLS 1.2).
var assert = require('assert');
var tls = require('tls');
var openssl = require('./_openssl');
var fixture = require('./_fixtures');

var seen = [];
var skipped = false;
var server = tls.createServer({
  key: fixture('server-key.pem'), cert: fixture('server-cert.pem'),
  requestCert: true, ca: [fixture('client-cert.pem')],
  NPNProtocols: ['spdy/2', 'http/1.1']
}, function (s) {
  seen.push([s.servername, s.npnProtocol, s.authorized, s.getCipher().name, s.isSessionReused()].join(' '));
  s.write('welcome!\n');
  s.pipe(s);
});

function run(args, input, until, check, next) {
  var connect = ['-connect', '127.0.0.1:' + server.address().port, '-no_ign_eof'];
  openssl.client(connect.concat(args), input, until, false, function (code, out, err) {
    check(code, out, err);
    next();
  });
}

openssl.available(function (ok) {
  if (!ok) {
    skipped = true;
    console.log('SKIP: openssl is not installed (.ci/run installs it)');
    return;
  }
  server.listen(0, '127.0.0.1', function () {
    run(['-servername', 'example.test', '-alpn', 'http/1.1', '-cert', 'client-cert.pem', '-key', 'client-key.pem',
         '-tls1_2', '-cipher', 'ECDHE-RSA-AES256-GCM-SHA384'],
      'ping\n', /welcome!\nping\n/, function (code, out) {
        assert.ok(/welcome!\n/.test(out), out);
        assert.ok(/ping\n/.test(out), out);
      }, function () {
        run(['-tls1_2', '-reconnect'], '', null, function (code, out) {
          assert.ok(/Reused, TLSv1\.2/.test(out), 'no reuse in:\n' + out);
        }, function () {
          server.close();
        });
      });
  });
});

process.on('exit', function () {
  if (skipped) {
    return;
  }
  assert.strictEqual(seen[0], 'example.test http/1.1 true ECDHE-RSA-AES256-GCM-SHA384 false');
  // s_client -reconnect: one full handshake, then five resumed ones.
  assert.strictEqual(seen.length, 7, seen.join('\n'));
  assert.deepEqual(seen.slice(2).map(function (l) { return /true$/.test(l); }), [true, true, true, true, true]);
});
