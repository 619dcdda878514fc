// Session resumption against our own server: getSession() after a first
// connection, the session option on a second, isSessionReused() on both.
var assert = require('assert');
var tls = require('tls');
var fixture = require('./_fixtures');

var reused = [];
var server = tls.createServer({
  key: fixture('server-key.pem'), cert: fixture('server-cert.pem'), sessionIdContext: 'test'
}, function (s) {
  reused.push('server ' + s.isSessionReused());
  s.end('hi');
});

server.listen(0, '127.0.0.1', function () {
  var port = server.address().port;
  var first = tls.connect({ port: port, host: '127.0.0.1', rejectUnauthorized: false, maxVersion: 'TLSv1.2' }, function () {
    reused.push('first ' + first.isSessionReused());
  });
  first.resume();
  first.on('close', function () {
    var session = first.getSession();
    assert.ok(Buffer.isBuffer(session), 'getSession() gave ' + session);
    var second = tls.connect({
      port: port, host: '127.0.0.1', rejectUnauthorized: false, session: session, maxVersion: 'TLSv1.2'
    }, function () {
      reused.push('second ' + second.isSessionReused());
    });
    second.resume();
    second.on('close', function () { server.close(); });
  });
});
assert.throws(function () {
  tls.connect({ port: 1, session: new Buffer('not a session') });
}, /session/);

process.on('exit', function () {
  assert.deepEqual(reused.sort(), ['first false', 'second true', 'server false', 'server true']);
});
