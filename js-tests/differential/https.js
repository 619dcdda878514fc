// An https server and client in one script, under node and gojatls: the
// server asks for the client's certificate and sees it verified, the
// client verifies the server against the test CA, keep-alive carries the
// requests over one TLS connection, and a client the server cannot verify
// is seen as unauthorized.
var https = require('https');
var fs = require('fs');

function fixture(name) {
  return fs.readFileSync(__dirname + '/../fixtures/' + name);
}

var secure = 0;
var server = https.createServer({
  key: fixture('leaf-server-key.pem'),
  cert: fixture('leaf-server-chain.pem'),
  ca: [fixture('ca-root-cert.pem')],
  requestCert: true,
  rejectUnauthorized: false // 0.7's default; today's node refuses by default
}, function (req, res) {
  var peer = req.connection.getPeerCertificate();
  var body = '';
  req.on('data', function (d) { body += d; });
  req.on('end', function () {
    console.log('server', req.method, req.url, req.connection.authorized,
                peer && peer.subject ? peer.subject.CN : null, JSON.stringify(body));
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': body.length + 3 });
    res.end('ok:' + body);
  });
});
server.on('secureConnection', function () { secure++; });

server.listen(0, '127.0.0.1', function () {
  var port = server.address().port;
  var tlsOptions = {
    host: '127.0.0.1', port: port,
    key: fixture('leaf-client-key.pem'),
    cert: fixture('leaf-client-chain.pem'),
    ca: [fixture('ca-root-cert.pem')],
    rejectUnauthorized: true,
    servername: 'localhost'
  };
  var agent = new https.Agent(tlsOptions);
  agent.maxSockets = 1;
  function fetch(path, options, body, next) {
    options.path = path;
    options.method = body === null ? 'GET' : 'POST';
    var req = https.request(options, function (res) {
      var got = '';
      res.on('data', function (d) { got += d; });
      res.on('end', function () {
        console.log('client', path, res.statusCode, res.headers['content-type'], JSON.stringify(got));
        next();
      });
    });
    req.on('error', function (err) { console.log('client error', path, err.message); next(); });
    req.end(body === null ? undefined : body);
  }
  function withAgent() {
    var o = {};
    for (var k in tlsOptions) o[k] = tlsOptions[k];
    o.agent = agent;
    return o;
  }
  fetch('/a', withAgent(), null, function () {
    fetch('/b', withAgent(), 'posted', function () {
      fetch('/c', withAgent(), null, function () {
        console.log('secure connections', secure);
        fetch('/anonymous', { host: '127.0.0.1', port: port, agent: false, servername: 'localhost',
                              ca: [fixture('ca-root-cert.pem')], rejectUnauthorized: true }, null, function () {
          server.close();
          process.exit(0);
        });
      });
    });
  });
});
