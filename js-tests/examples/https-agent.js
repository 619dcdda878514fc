// https.markdown's https.request example with an https.Agent that carries
// tls options, verbatim but for the server (host and port name the local
// https-server.js instead of encrypted.google.com:443) and for what the
// documentation leaves out: the requires, in place of "..." a listener
// that prints the status and the body, and the req.end() without which
// no request is sent.
var https = require('https');
var fs = require('fs');

var options = {
  host: 'localhost',
  port: 8000,
  path: '/',
  method: 'GET',
  key: fs.readFileSync('test/fixtures/keys/agent2-key.pem'),
  cert: fs.readFileSync('test/fixtures/keys/agent2-cert.pem')
};
options.agent = new https.Agent(options);

var req = https.request(options, function(res) {
  console.log("statusCode: ", res.statusCode);
  res.on('data', function(d) {
    process.stdout.write(d);
  });
});
req.end();
