// http.markdown's http.ServerResponse examples (writeHead, statusCode,
// setHeader, getHeader, removeHeader, addTrailers), verbatim, each in the
// handler of its own path of a server on port 8000; what the
// documentation leaves out is filled in: the server, a fileData, and the
// response.end() each example needs.
var http = require('http');

http.createServer(function (request, response) {
  switch (request.url) {
  case '/writeHead':
    var body = 'hello world';
    response.writeHead(200, {
      'Content-Length': body.length,
      'Content-Type': 'text/plain' });
    response.end(body);
    break;
  case '/statusCode':
    response.statusCode = 404;
    response.end();
    break;
  case '/headers':
    response.setHeader("Content-Type", "text/html");
    response.setHeader("Set-Cookie", ["type=ninja", "language=javascript"]);
    var contentType = response.getHeader('content-type');
    response.removeHeader("Content-Encoding");
    response.end(contentType);
    break;
  case '/trailers':
    var fileData = 'file data';
    response.writeHead(200, { 'Content-Type': 'text/plain',
                              'Trailer': 'Content-MD5' });
    response.write(fileData);
    response.addTrailers({'Content-MD5': "7895bf4b8828b55ceaf47747b4bca667"});
    response.end();
    break;
  }
}).listen(8000);
