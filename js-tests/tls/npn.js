// NPN (served over ALPN with NPN's rules) and ALPN: the server picks the
// first of its protocols that the client offers; with no overlap the
// server reports the client's first and the client false; the documented
// Buffer form of the list works too.
var assert = require('assert');
var tls = require('tls');
var fixture = require('./_fixtures');

var seen = [];
var server = tls.createServer({
  key: fixture('server-key.pem'), cert: fixture('server-cert.pem'),
  NPNProtocols: ['spdy/2', 'http/1.1']
}, function (s) {
  seen.push('server ' + s.npnProtocol);
  s.resume();
  s.end();
});

function client(port, protocols, cb) {
  var c = tls.connect({ port: port, host: '127.0.0.1', rejectUnauthorized: false, NPNProtocols: protocols }, function () {
    seen.push('client ' + c.npnProtocol);
    c.resume();
    c.on('close', cb);
  });
}

server.listen(0, '127.0.0.1', function () {
  var port = server.address().port;
  client(port, ['http/1.1', 'spdy/2'], function () {
    client(port, new Buffer('\u0008http/1.1'), function () {
      client(port, ['gopher', 'ftp'], function () {
        server.close();
      });
    });
  });
});

process.on('exit', function () {
  assert.deepEqual(seen.sort(), [
    'client false', 'client http/1.1', 'client spdy/2',
    'server gopher', 'server http/1.1', 'server spdy/2'
  ]);
});
