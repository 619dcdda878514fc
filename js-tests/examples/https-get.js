// https.markdown's https.get example, verbatim but for the server: host
// and port name the local https-server.js instead of encrypted.google.com.
var https = require('https');

https.get({ host: 'localhost', port: 8000, path: '/' }, function(res) {
  console.log("statusCode: ", res.statusCode);
  console.log("headers: ", res.headers);

  res.on('data', function(d) {
    process.stdout.write(d);
  });

}).on('error', function(e) {
  console.error(e);
});
