// Driving the openssl tool: `openssl version`, data through its stdin and
// stdout (base64 both ways), and `openssl s_client` talking to a tls
// server in this process.
var assert = require('assert');
var fs = require('fs');
var path = require('path');
var cp = require('child_process');
var tls = require('tls');
var common = require('./_common');
var mustCall = common.mustCall;

// `openssl version` is also the check that openssl is there: a program
// that cannot be run exits with 127 after 'execvp(): ...' on its stderr in
// Node 0.7 (child_process/missing.js), and is an ENOENT error today.
cp.execFile('openssl', ['version'], mustCall(function (err, stdout, stderr) {
  if (err && (err.code === 'ENOENT' || /^execvp\(\)/.test(stderr))) {
    console.log('SKIP: openssl is not installed (.ci/run installs it)');
    return;
  }
  assert.strictEqual(err, null);
  assert.ok(/^(OpenSSL|LibreSSL) \d+\.\d+/.test(stdout), stdout);
  base64();
  sClient();
}));

function base64() {
  var data = common.pattern(100000);
  var enc = cp.spawn('openssl', ['base64']);
  var text = '';
  enc.stdout.setEncoding('ascii');
  enc.stdout.on('data', function (d) { text += d; });
  enc.stdin.end(data);
  enc.on('close', mustCall(function (code) {
    assert.strictEqual(code, 0);
    var lines = text.trim().split('\n');
    assert.ok(lines.every(function (l) { return l.length <= 64; }));
    assert.strictEqual(lines.join(''), data.toString('base64'));

    // And back.
    var dec = cp.spawn('openssl', ['base64', '-d']);
    common.collect(dec.stdout, mustCall(function (out) {
      assert.ok(common.equalBuffers(out, data), 'decoded what was encoded');
    }));
    dec.stdin.end(text);
  }));
}

function sClient() {
  var fixtures = path.join(__dirname, '..', 'fixtures');
  var server = tls.createServer({
    key: fs.readFileSync(path.join(fixtures, 'server-key.pem')),
    cert: fs.readFileSync(path.join(fixtures, 'server-cert.pem'))
  }, mustCall(function (socket) {
    socket.setEncoding('utf8');
    var got = '';
    socket.on('data', function (d) {
      got += d;
      if (got.indexOf('\n') !== -1) {
        socket.end(got.toUpperCase());
        server.close();
      }
    });
  }));
  server.listen(0, '127.0.0.1', mustCall(function () {
    var client = cp.spawn('openssl', ['s_client', '-quiet', '-connect',
                                      '127.0.0.1:' + server.address().port]);
    var out = '';
    client.stdout.setEncoding('utf8');
    client.stdout.on('data', function (d) { out += d; });
    client.stderr.resume();
    client.stdin.write('hello over tls\n');
    client.on('close', mustCall(function (code, signal) {
      assert.strictEqual(signal, null);
      assert.strictEqual(out, 'HELLO OVER TLS\n');
    }));
  }));
}
