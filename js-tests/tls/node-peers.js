// Against node where it is installed: our client with servername and ALPN
// to a node server that picks its certificate by SNI; node's client with
// servername and ALPN to our server.
var assert = require('assert');
var tls = require('tls');
var childProcess = require('child_process');
var path = require('path');
var fixture = require('./_fixtures');

var fixtures = path.join(__dirname, '..', 'fixtures');
var results = [];
var skipped = false;

var nodeServer = [
  "var tls = require('tls'), fs = require('fs');",
  "function ctx(k, c) { return tls.createSecureContext({ key: fs.readFileSync(k), cert: fs.readFileSync(c) }); }",
  "var leaf = ctx('leaf-server-key.pem', 'leaf-server-chain.pem');",
  "var s = tls.createServer({ key: fs.readFileSync('server-key.pem'), cert: fs.readFileSync('server-cert.pem'),",
  "  ALPNProtocols: ['h2', 'http/1.1'],",
  "  SNICallback: function (name, cb) { cb(null, name === 'sni.test' ? leaf : null); } },",
  "  function (c) { c.end(c.servername + ' ' + c.alpnProtocol + '\\n'); });",
  "s.listen(0, '127.0.0.1', function () { console.log('PORT ' + s.address().port); });",
  "process.stdin.on('end', function () { process.exit(0); }); process.stdin.resume();"
].join('\n');

var nodeClient = [
  "var tls = require('tls');",
  "var c = tls.connect({ port: +process.argv[1], host: '127.0.0.1', servername: 'from.node',",
  "  ALPNProtocols: ['http/1.1'], rejectUnauthorized: false }, function () {",
  "  console.log(c.alpnProtocol); c.end('bye'); });",
  "c.resume();"
].join('\n');

childProcess.exec('node --version', function (err) {
  if (err) {
    skipped = true;
    console.log('SKIP: node is not installed (.ci/run installs it)');
    return;
  }
  var server = childProcess.spawn('node', ['-e', nodeServer], { cwd: fixtures });
  server.stdout.setEncoding('utf8');
  server.stdout.once('data', function (d) {
    var port = Number(/PORT (\d+)/.exec(d)[1]);
    var c = tls.connect({
      port: port, host: '127.0.0.1', servername: 'sni.test', ALPNProtocols: ['http/1.1'],
      ca: [fixture('ca-root-cert.pem')]
    }, function () {
      results.push('our client: ' + c.authorized + ' ' + c.alpnProtocol + ' ' + c.npnProtocol);
    });
    c.setEncoding('utf8');
    c.on('data', function (line) { results.push('node server saw: ' + line.trim()); });
    c.on('close', function () {
      server.stdin.end();
      ourServer();
    });
  });
});

function ourServer() {
  var server = tls.createServer({
    key: fixture('server-key.pem'), cert: fixture('server-cert.pem'), ALPNProtocols: ['h2', 'http/1.1']
  }, function (s) {
    results.push('our server saw: ' + s.servername + ' ' + s.alpnProtocol);
    s.resume();
    s.on('end', function () { server.close(); });
  });
  server.listen(0, '127.0.0.1', function () {
    childProcess.execFile('node', ['-e', nodeClient, String(server.address().port)], function (err, stdout) {
      assert.ifError(err);
      results.push('node client: ' + stdout.trim());
    });
  });
}

process.on('exit', function () {
  if (skipped) {
    return;
  }
  assert.deepEqual(results.sort(), [
    'node client: http/1.1',
    'node server saw: sni.test http/1.1',
    'our client: true http/1.1 http/1.1',
    'our server saw: from.node http/1.1'
  ]);
});
