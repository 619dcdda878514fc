// The https module's classes and its URL-string form, under node and
// gojatls: an https.Server is a tls.Server, the agents are http.Agents;
// https.get and https.request take a URL string (Node 0.8's addition, with
// the global agent's tls options); a protocol other than the module's
// throws.
var https = require('https');
var http = require('http');
var tls = require('tls');
var fs = require('fs');

function fixture(name) {
  return fs.readFileSync(__dirname + '/../fixtures/' + name);
}

var server = https.createServer({
  key: fixture('leaf-server-key.pem'),
  cert: fixture('leaf-server-chain.pem')
}, function (req, res) {
  console.log('server', req.method, req.url, req.headers.host.replace(/:\d+$/, ':PORT'),
              req.headers.authorization, typeof req.connection.getPeerCertificate);
  res.end('ok ' + req.url);
});
console.log('https.Server', server instanceof https.Server, server instanceof tls.Server);
console.log('agents', https.globalAgent instanceof https.Agent, https.globalAgent instanceof http.Agent,
            new https.Agent() instanceof http.Agent);

function throws(fn) {
  try {
    fn();
    return 'no';
  } catch (e) {
    return 'yes';
  }
}

server.listen(0, '127.0.0.1', function () {
  var base = 'https://127.0.0.1:' + server.address().port;
  console.log('https.request of http: throws', throws(function () { https.request('http://127.0.0.1:1/'); }));
  console.log('http.request of https: throws', throws(function () { http.request(base + '/'); }));
  https.globalAgent.options.ca = [fixture('ca-root-cert.pem')];
  https.get(base + '/get?x=1', function (res) {
    console.log('get', res.statusCode, res.socket.authorized);
    res.on('data', function (d) { console.log('  body', d.toString()); });
    res.on('end', function () {
      var req = https.request('https://u:p@127.0.0.1:' + server.address().port + '/request', function (res) {
        res.on('data', function (d) { console.log('  body', d.toString()); });
        res.on('end', function () {
          server.close();
          process.exit(0); // today's node's global agent may keep the socket
        });
      });
      req.end();
    });
  });
});
