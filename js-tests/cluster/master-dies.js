// A master that dies under its workers: killed (SIGKILL), ending with
// process.exit(), or of an uncaught exception (which, as in Node 0.7.4,
// prints the stack, kills the workers and exits with 1). Its worker does
// not serve on alone: it sees its channel end and exits. The worker
// shares the master's stdout, so the pipe's end (which the master's
// 'exit' waits for) shows that both processes are gone; the port then
// refuses connections, no process holding its socket any more.
var assert = require('assert');
var childProcess = require('child_process');
var cluster = require('cluster');
var net = require('net');

var mode = process.env.MASTER_MODE;

if (cluster.isWorker) {
  net.createServer(function (socket) {
    socket.end('worker\n');
  }).listen(0, '127.0.0.1');
  return;
}

if (mode) {
  // The master under test.
  cluster.fork().on('listening', function (worker, address) {
    process.stdout.write('listening ' + address.port + '\n');
    if (mode === 'exit') {
      process.exit(0);
    } else if (mode === 'throw') {
      throw new Error('the master fails');
    }
    // 'sigkill': the test kills this process.
  });
  return;
}

var common = require('../child_process/_common');
var watchdog = setTimeout(function () {
  throw new Error('master-dies stalled');
}, 60000);
watchdog.unref();

function run(which, check, next) {
  var env = {};
  for (var k in process.env) {
    env[k] = process.env[k];
  }
  env.MASTER_MODE = which;
  var master = childProcess.spawn(process.execPath, [__filename], { env: env });
  var out = '';
  var err = '';
  var port = 0;
  master.stdout.setEncoding('utf8');
  master.stderr.setEncoding('utf8');
  master.stdout.on('data', function (d) {
    out += d;
    var m = /^listening (\d+)\n/.exec(out);
    if (m && port === 0) {
      port = Number(m[1]);
      if (which === 'sigkill') {
        // The worker serves while the master lives.
        var c = net.connect(port, '127.0.0.1');
        var got = '';
        c.setEncoding('utf8');
        c.on('data', function (d) { got += d; });
        c.on('end', function () {
          assert.strictEqual(got, 'worker\n');
          master.kill('SIGKILL');
        });
      }
    }
  });
  master.stderr.on('data', function (d) { err += d; });
  master.on('exit', common.mustCall(function (code, signal) {
    assert.ok(port > 0, which + ': the worker listened; stdout ' + JSON.stringify(out) + ', stderr ' + err);
    check(code, signal, err);
    var c = net.connect(port, '127.0.0.1');
    c.on('connect', function () {
      throw new Error(which + ': the port still accepts after the master died');
    });
    c.on('error', common.mustCall(function (e) {
      assert.strictEqual(e.code, 'ECONNREFUSED');
      next();
    }));
  }));
}

run('sigkill', function (code, signal) {
  assert.strictEqual(signal, 'SIGKILL');
}, function () {
  run('exit', function (code, signal, stderr) {
    assert.strictEqual(code, 0);
    assert.strictEqual(stderr, '');
  }, function () {
    run('throw', function (code, signal, stderr) {
      assert.strictEqual(code, 1);
      assert.ok(/^Error: the master fails\n\s+at /.test(stderr), 'the stack is printed: ' + stderr);
    }, function () {});
  });
});
