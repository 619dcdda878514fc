// tls.checkServerIdentity(host, cert) where Node 0.8's rules (gojatls's)
// and today's Node's agree: DNS and IP subjectAltName entries, the CN only
// without DNS entries, one '*' in the first label over at least two more
// labels, case and a trailing dot ignored; the Error's message, code,
// reason, host and cert. Then the same check on a real peer certificate.
var tls = require('tls');
var fs = require('fs');
var path = require('path');

var cases = [
  ['a.com', { subject: { CN: 'a.com' } }],
  ['a.com', { subject: { CN: 'A.COM' } }],
  ['A.COM', { subject: { CN: 'a.com' } }],
  ['a.com.', { subject: { CN: 'a.com' } }],
  ['a.com', { subject: { CN: 'a.com.' } }],
  ['a.com', { subject: { CN: 'b.com' } }],
  ['a.com', { subject: { CN: ['b.com', 'a.com'] } }],
  ['a.com', { subject: {} }],
  ['b.a.com', { subject: { CN: '*.a.com' } }],
  ['a.com', { subject: { CN: '*.a.com' } }],
  ['a.com', { subjectaltname: 'DNS:b.com', subject: { CN: 'a.com' } }],
  ['a.com', { subjectaltname: 'IP Address:1.2.3.4', subject: { CN: 'a.com' } }],
  ['a.com', { subjectaltname: 'email:x@a.com', subject: { CN: 'a.com' } }],
  ['b.a.com', { subjectaltname: 'DNS:omg.com, DNS:*.a.com', subject: { CN: 'b.com' } }],
  ['B.A.COM', { subjectaltname: 'DNS:*.a.com', subject: {} }],
  ['c.b.a.com', { subjectaltname: 'DNS:*.a.com', subject: {} }],
  ['bar.com', { subjectaltname: 'DNS:*.com', subject: {} }],
  ['foo.bar.com', { subjectaltname: 'DNS:foo*.bar.com', subject: {} }],
  ['foobaz.bar.com', { subjectaltname: 'DNS:*baz.bar.com', subject: {} }],
  ['xbaz.bar.com', { subjectaltname: 'DNS:f*baz.bar.com', subject: {} }],
  ['foo.bar.com', { subjectaltname: 'DNS:*.*.com', subject: {} }],
  ['foo.bar.com', { subjectaltname: 'DNS:foo.*.com', subject: {} }],
  ['www.example.com', { subjectaltname: 'DNS:www.example.com, DNS:example.com', subject: {} }],
  ['8.8.8.8', { subjectaltname: 'IP Address:8.8.8.8', subject: { CN: 'a.com' } }],
  ['8.8.8.8', { subjectaltname: 'DNS:8.8.8.8', subject: { CN: '8.8.8.8' } }],
  ['8.8.4.4', { subjectaltname: 'IP Address:8.8.8.8, IP Address:1.1.1.1', subject: {} }],
  ['::1', { subjectaltname: 'IP Address:::1', subject: {} }]
];

function show(host, cert) {
  var err = tls.checkServerIdentity(host, cert);
  if (err === undefined) {
    return 'ok';
  }
  return [err instanceof Error, err.message, err.code, err.reason, err.host, err.cert === cert].join(' | ');
}

cases.forEach(function (c) {
  console.log(JSON.stringify(c[0]) + ' ' + JSON.stringify(c[1]) + ': ' + show(c[0], c[1]));
});

// A real certificate: DNS:localhost, IP Address:127.0.0.1.
function fixture(name) {
  return fs.readFileSync(path.join(__dirname, '..', 'fixtures', name));
}
var server = tls.createServer({ key: fixture('leaf-server-key.pem'), cert: fixture('leaf-server-chain.pem') }, function (s) {
  s.end();
});
server.listen(0, '127.0.0.1', function () {
  var c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: [fixture('ca-root-cert.pem')], rejectUnauthorized: true }, function () {
    var cert = c.getPeerCertificate();
    ['localhost', '127.0.0.1', 'LOCALHOST.', 'other.test', '10.0.0.1'].forEach(function (host) {
      console.log('peer ' + host + ': ' + show(host, cert).replace(/ \| (true|false)$/, ''));
    });
    c.resume();
  });
  c.on('close', function () { server.close(); });
});
