// http.markdown's http.ClientRequest example of a 'response' listener
// (the "Good" one), verbatim, for a request to the local http-response.js
// server: what the documentation leaves out is filled in (the request).
// Its "Bad" example, which loses the body by listening too late, is not
// run: what it loses depends on timing.
var http = require('http');
var request = http.get({ host: 'localhost', port: 8000, path: '/writeHead' });

// Good
request.on('response', function (response) {
  response.on('data', function (chunk) {
    console.log('BODY: ' + chunk);
  });
});
