// Drives openssl s_server and s_client for the tests, through child_process.
var childProcess = require('child_process');
var path = require('path');

var fixtures = path.join(__dirname, '..', 'fixtures');

// Security level 0 and TLS 1.0 allowed, for tests with 2012-era material
// (OpenSSL 3 on Debian refuses it otherwise).
var legacyConf = path.join(fixtures, 'openssl-legacy.cnf');

// available(cb): cb(true) when openssl can be run. Tests print 'SKIP: ...'
// as their first line otherwise (the harness reports them as skipped).
exports.available = function (cb) {
  childProcess.exec('openssl version', function (err) {
    cb(!err);
  });
};

function env(legacy) {
  var e = {};
  for (var k in process.env) {
    e[k] = process.env[k];
  }
  e.OPENSSL_CONF = legacy ? legacyConf : '/dev/null';
  return e;
}

// server(args, legacy, ready): starts `openssl s_server -accept 0 args...`
// with the fixtures directory as cwd; ready(port, child) once it listens.
exports.server = function (args, legacy, ready) {
  var child = childProcess.spawn('openssl', ['s_server', '-accept', '0'].concat(args), {
    cwd: fixtures, env: env(legacy)
  });
  var out = '';
  var started = false;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', function (d) {
    out += d;
    var m = /ACCEPT .*:(\d+)/.exec(out);
    if (m && !started) {
      started = true;
      ready(Number(m[1]), child);
    }
  });
  child.stderr.resume();
  return child;
};

// client(args, input, until, legacy, done): runs `openssl s_client
// args...`, writes input, ends its stdin once its stdout matches until (at
// once when until is null), and calls done(code, stdout, stderr) when it
// exits.
exports.client = function (args, input, until, legacy, done) {
  var child = childProcess.spawn('openssl', ['s_client'].concat(args), { cwd: fixtures, env: env(legacy) });
  var out = '';
  var err = '';
  var ended = false;
  function endWhenDone() {
    if (!ended && (until === null || until.test(out))) {
      ended = true;
      child.stdin.end();
    }
  }
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', function (d) {
    out += d;
    endWhenDone();
  });
  child.stderr.on('data', function (d) { err += d; });
  child.on('exit', function (code) {
    done(code, out, err);
  });
  child.stdin.write(input);
  endWhenDone();
  return child;
};
