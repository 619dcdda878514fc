// http.markdown's http.get example, verbatim but for the server: host and
// port name a local server instead of www.google.com:80.
var http = require('http');

var options = {
  host: 'localhost',
  port: 8000,
  path: '/index.html'
};

http.get(options, function(res) {
  console.log("Got response: " + res.statusCode);
}).on('error', function(e) {
  console.log("Got error: " + e.message);
});
