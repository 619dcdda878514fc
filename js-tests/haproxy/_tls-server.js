// One of the gojatls processes behind HAProxy in haproxy_test.go (not a
// test itself): a tls server that requires a client certificate signed
// by the test CA, on port 0 of 127.0.0.1. It prints 'listening <port>',
// and answers each connection with '<id> <pid> <authorized> <client CN>'
// (id is argv[2]).
var tls = require('tls');
var fixture = require('../tls/_fixtures');

var id = process.argv[2];
var server = tls.createServer({
  key: fixture('leaf-server-key.pem'),
  cert: fixture('leaf-server-chain.pem'),
  ca: [fixture('ca-root-cert.pem')],
  requestCert: true,
  rejectUnauthorized: true
}, function (cleartext) {
  var cert = cleartext.getPeerCertificate();
  cleartext.end(id + ' ' + process.pid + ' ' + cleartext.authorized + ' ' + cert.subject.CN + '\n');
});
server.listen(0, '127.0.0.1', function () {
  console.log('listening ' + server.address().port);
});
