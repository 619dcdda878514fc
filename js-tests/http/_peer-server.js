// A server for the real-peer tests (peers_http_test.go), run under gojatls
// or node: http or https (argv[2]), on a port of the system's choosing,
// printed as "listening PORT". It answers /echo with what it got, /chunked
// with a chunked body and a trailer, /big with 1 MiB, and /quit by closing.
var mode = process.argv[2];
var fs = require('fs');
var http = require(mode);

function fixture(name) {
  return fs.readFileSync(__dirname + '/../fixtures/' + name);
}

function handler(req, res) {
  var body = '';
  req.setEncoding('utf8');
  req.on('data', function (d) { body += d; });
  req.on('end', function () {
    switch (req.url) {
      case '/chunked':
        res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked', Trailer: 'X-T' });
        res.write('chunk one,');
        res.addTrailers({ 'X-T': 'trailer' });
        res.end('chunk two');
        break;
      case '/big':
        var chunk = new Buffer(64 * 1024);
        chunk.fill(97);
        res.writeHead(200, { 'Content-Length': 16 * chunk.length });
        for (var i = 0; i < 16; i++) {
          res.write(chunk);
        }
        res.end();
        break;
      case '/quit':
        res.writeHead(200, { 'Content-Length': 3, Connection: 'close' });
        res.end('bye');
        server.close();
        break;
      default:
        var text = req.method + ' ' + req.url + ' ' + req.httpVersion + ' ' +
                   (req.headers['x-test'] || '-') + ' ' + JSON.stringify(body);
        res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(text) });
        res.end(text);
    }
  });
}

var server = mode === 'https' ? http.createServer({
  key: fixture('leaf-server-key.pem'),
  cert: fixture('leaf-server-chain.pem')
}, handler) : http.createServer(handler);
server.listen(0, '127.0.0.1', function () {
  console.log('listening ' + server.address().port);
});
