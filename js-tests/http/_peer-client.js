// A client for the real-peer tests (peers_http_test.go), run under gojatls
// or node against _peer-server.js under either: http or https (argv[2]),
// the port (argv[3]). It prints what it got, then asks the server to quit.
var mode = process.argv[2];
var port = +process.argv[3];
var fs = require('fs');
var http = require(mode);

var options = { host: '127.0.0.1', port: port };
if (mode === 'https') {
  options.ca = [fs.readFileSync(__dirname + '/../fixtures/ca-root-cert.pem')];
  options.rejectUnauthorized = true;
  options.servername = 'localhost';
  options.agent = new http.Agent(options);
}

function request(method, path, headers, body, next) {
  var o = {};
  for (var k in options) o[k] = options[k];
  o.method = method;
  o.path = path;
  o.headers = headers;
  var req = http.request(o, function (res) {
    var got = [];
    res.on('data', function (d) { got.push(d); });
    res.on('end', function () {
      var text = Buffer.concat(got).toString();
      console.log(method, path, res.statusCode, res.headers['content-type'],
                  text.length > 100 ? text.length + ' bytes' : JSON.stringify(text),
                  JSON.stringify(res.trailers));
      next();
    });
  });
  req.on('error', function (err) { console.log('error', err.message); next(); });
  if (body) {
    req.write(body.slice(0, 2));
    req.end(body.slice(2));
  } else {
    req.end();
  }
}

request('GET', '/echo?a=1', { 'X-Test': 'get' }, null, function () {
  request('POST', '/echo', { 'X-Test': 'post' }, 'posted body', function () {
    request('PUT', '/echo', { 'Content-Length': 3 }, 'put', function () {
      request('GET', '/chunked', {}, null, function () {
        request('GET', '/big', {}, null, function () {
          request('HEAD', '/echo', {}, null, function () {
            request('GET', '/quit', {}, null, function () {
              process.exit(0);
            });
          });
        });
      });
    });
  });
});
