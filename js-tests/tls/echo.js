// A server and a client that both verify each other (the documentation's
// examples, on port 0): authorized on both sides, data echoed both ways,
// the certificate objects, 'end' and 'close' in order.
var assert = require('assert');
var tls = require('tls');
var net = require('net');
var fixture = require('./_fixtures');

var events = [];
var server = tls.createServer({
  key: fixture('server-key.pem'),
  cert: fixture('server-cert.pem'),
  requestCert: true,
  ca: [fixture('client-cert.pem')]
}, function (stream) {
  assert.ok(stream instanceof tls.CleartextStream);
  assert.ok(stream instanceof net.Socket);
  assert.strictEqual(stream.authorized, true);
  assert.strictEqual(stream.authorizationError, null);
  var peer = stream.getPeerCertificate();
  assert.strictEqual(typeof peer.subject, 'object');
  assert.strictEqual(typeof peer.fingerprint, 'string');
  events.push('secureConnection');
  stream.write('welcome!\n');
  stream.setEncoding('utf8');
  stream.pipe(stream);
  stream.on('end', function () { events.push('server end'); });
  stream.on('close', function () { events.push('server close'); server.close(); });
});
assert.ok(server instanceof net.Server);
assert.ok(server instanceof tls.Server);

server.listen(0, '127.0.0.1', function () {
  var port = server.address().port;
  var client = tls.connect(port, '127.0.0.1', {
    key: fixture('client-key.pem'),
    cert: fixture('client-cert.pem'),
    ca: [fixture('server-cert.pem')]
  }, function () {
    events.push('secureConnect');
    assert.strictEqual(this, client);
    assert.strictEqual(client.authorized, true);
    assert.strictEqual(client.getPeerCertificate().subject.CN, 'localhost');
    var cipher = client.getCipher();
    assert.strictEqual(typeof cipher.name, 'string');
    assert.strictEqual(typeof cipher.version, 'string');
    assert.strictEqual(client.remotePort, port);
    assert.strictEqual(client.remoteAddress, '127.0.0.1');
  });
  // Written before the handshake completes: sent after it.
  client.write('hello ');
  client.setEncoding('utf8');
  var got = '';
  client.on('data', function (d) {
    got += d;
    if (got === 'welcome!\nhello world') {
      client.end();
    }
  });
  client.once('secureConnect', function () { client.write('world'); });
  client.on('end', function () { events.push('client end'); });
  client.on('close', function (hadError) {
    assert.strictEqual(hadError, false);
    assert.strictEqual(client.getPeerCertificate(), null);
    events.push('client close');
  });
});

process.on('exit', function () {
  assert.strictEqual(events[0] === 'secureConnection' || events[0] === 'secureConnect', true);
  ['secureConnection', 'secureConnect', 'server end', 'server close', 'client end', 'client close'].forEach(function (e) {
    assert.notStrictEqual(events.indexOf(e), -1, 'missing ' + e + ' in ' + events);
  });
  assert.ok(events.indexOf('client end') < events.indexOf('client close'));
});
