// https.markdown's https.request example, verbatim but for the server:
// host and port name the local https-server.js instead of
// encrypted.google.com:443.
var https = require('https');

var options = {
  host: 'localhost',
  port: 8000,
  path: '/',
  method: 'GET'
};

var req = https.request(options, function(res) {
  console.log("statusCode: ", res.statusCode);
  console.log("headers: ", res.headers);

  res.on('data', function(d) {
    process.stdout.write(d);
  });
});
req.end();

req.on('error', function(e) {
  console.error(e);
});
