// What send(message, sendHandle) refuses, at once and without breaking the
// channel: anything but a net.Server or a server's handle is a TypeError
// naming what is accepted; a server not listening yet, and a tls.Server
// (whose TLS state gojatls keeps in this process), an Error. A plain
// message shaped like the line of a handle message is refused too (it
// would take the next received descriptor). listen(handle) takes only a
// handle received from another process. After all that the channel still
// works: a message sent last comes back.
var assert = require('assert');
var cp = require('child_process');
var net = require('net');
var tls = require('tls');
var fixture = require('../tls/_fixtures');
var common = require('./_common');
var mustCall = common.mustCall;

var watchdog = setTimeout(function () {
  throw new Error('fork-send-bad stalled');
}, 60000);
watchdog.unref();

function throwsType(fn, re) {
  assert.throws(fn, function (err) {
    return err instanceof TypeError && re.test(err.message);
  });
}

function throwsError(fn, re) {
  assert.throws(fn, function (err) {
    return !(err instanceof TypeError) && re.test(err.message);
  });
}

var accepted = /net\.Server/;
var child = cp.fork(__dirname + '/_fork-echo.js');
throwsType(function () { child.send('m', {}); }, accepted);
throwsType(function () { child.send('m', 5); }, accepted);
throwsType(function () { child.send('m', 'handle'); }, accepted);
throwsType(function () { child.send('m', new net.Socket()); }, accepted);
throwsType(function () { child.send('m', child); }, accepted);
throwsError(function () { child.send('m', net.createServer()); }, /not listening/);

// A plain message may not pass for a handle message; other NODE_HANDLE
// messages are internal messages as before (fork-internal.js).
throwsError(function () {
  child.send({ cmd: 'NODE_HANDLE', type: 'net.Server', msg: 1 });
}, /reserved/);

// listen(handle) wants a received handle, not any object, nor the handle
// of a server of this process.
throwsType(function () { net.createServer().listen({}); }, /handle/);

var server = net.createServer();
server.listen(0, '127.0.0.1', mustCall(function () {
  throwsError(function () { net.createServer().listen(server._handle); }, /received/);

  var secure = tls.createServer({ key: fixture('server-key.pem'), cert: fixture('server-cert.pem') });
  secure.listen(0, '127.0.0.1', mustCall(function () {
    throwsError(function () { child.send('m', secure); }, /tls\.Server/);
    throwsError(function () { child.send('m', secure._handle); }, /tls\.Server/);
    secure.close();
    server.close();
    child.send('still works');
  }));
}));

child.on('message', mustCall(function (m) {
  assert.strictEqual(m, 'still works');
  child.disconnect();
}));
child.on('exit', mustCall(function (code) {
  assert.strictEqual(code, 0);
}));
