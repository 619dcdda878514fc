// Streams piped over sockets: a client gzips 2 MiB into a net socket
// whose server pipes it through Gunzip (the socket's backpressure pauses
// the Gzip), and the documentation's HTTP server example: a response
// piped from Gzip/Deflate, the client piping it through Unzip.
var assert = require('assert');
var crypto = require('crypto');
var http = require('http');
var net = require('net');
var zlib = require('zlib');

function digest(b) {
  return crypto.createHash('sha1').update(b).digest('hex');
}

var input = new Buffer(2 * 1024 * 1024 + 3);
for (var i = 0; i < 65536; i++) input[i] = (i * 31337) % 241;
for (var off = 65536; off < input.length; off += 65536) {
  input.copy(input, off, 0, Math.min(65536, input.length - off));
}

var done = 0;

var server = net.createServer(function(socket) {
  var gunzip = zlib.createGunzip();
  var hash = crypto.createHash('sha1');
  var n = 0;
  socket.pipe(gunzip);
  gunzip.on('data', function(d) { hash.update(d); n += d.length; });
  gunzip.on('end', function() {
    assert.strictEqual(n, input.length);
    assert.strictEqual(hash.digest('hex'), digest(input));
    server.close();
    done++;
  });
});
server.listen(0, '127.0.0.1', function() {
  var client = net.connect(server.address().port, '127.0.0.1', function() {
    var gzip = zlib.createGzip({level: 1});
    gzip.pipe(client);
    for (var off = 0; off < input.length; off += 100003) {
      gzip.write(input.slice(off, Math.min(off + 100003, input.length)));
    }
    gzip.end();
  });
});

var web = http.createServer(function(req, res) {
  var enc = req.headers['accept-encoding'];
  var packer = /\bdeflate\b/.test(enc) ? zlib.createDeflate() : zlib.createGzip();
  res.writeHead(200, {'content-encoding': /\bdeflate\b/.test(enc) ? 'deflate' : 'gzip'});
  packer.pipe(res);
  packer.end(input);
});
web.listen(0, '127.0.0.1', function() {
  var left = 2;
  ['gzip', 'deflate'].forEach(function(enc) {
    http.get({host: '127.0.0.1', port: web.address().port, path: '/',
              headers: {'accept-encoding': enc}}, function(res) {
      assert.strictEqual(res.headers['content-encoding'], enc);
      var unzip = zlib.createUnzip();
      var hash = crypto.createHash('sha1');
      var n = 0;
      res.pipe(unzip);
      unzip.on('data', function(d) { hash.update(d); n += d.length; });
      unzip.on('end', function() {
        assert.strictEqual(n, input.length);
        assert.strictEqual(hash.digest('hex'), digest(input));
        done++;
        if (--left === 0) web.close();
      });
    });
  });
});

process.on('exit', function() { assert.strictEqual(done, 3); });
