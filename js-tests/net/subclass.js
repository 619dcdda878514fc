// Subclassing net.Socket and net.Server the Node 0.7 way (a constructor
// that calls the parent, util.inherits), and `this` in listeners.
var assert = require('assert');
var net = require('net');
var util = require('util');
var Stream = require('stream');
var EventEmitter = require('events').EventEmitter;
var common = require('./_common');
var mustCall = common.mustCall;

function LineSocket(options) {
  net.Socket.call(this, options);
  this.lines = [];
  this._rest = '';
  this.setEncoding('utf8');
  this.on('data', this._onData);
}
util.inherits(LineSocket, net.Socket);

LineSocket.prototype._onData = function (d) {
  assert.ok(this instanceof LineSocket);
  var parts = (this._rest + d).split('\n');
  this._rest = parts.pop();
  for (var i = 0; i < parts.length; i++) {
    this.lines.push(parts[i]);
    this.emit('line', parts[i]);
  }
};

// A method of the subclass builds on the parent's.
LineSocket.prototype.writeLine = function (line) {
  return this.write(line + '\n');
};

function LineServer(listener) {
  net.Server.call(this, listener);
  this.greeting = 'hello';
}
util.inherits(LineServer, net.Server);

var s = new LineSocket();
assert.ok(s instanceof LineSocket);
assert.ok(s instanceof net.Socket);
assert.ok(s instanceof Stream);
assert.ok(s instanceof EventEmitter);
assert.strictEqual(typeof s.pipe, 'function');

var server = new LineServer(mustCall(function (socket) {
  assert.strictEqual(this, server);
  socket.on('data', mustCall(function (d) {
    assert.strictEqual(this, socket);
    socket.end(server.greeting + '\n' + d.toString().toUpperCase());
  }));
  socket.on('end', mustCall(function () {
    assert.strictEqual(this, socket);
  }));
  socket.on('close', mustCall(function () {
    assert.strictEqual(this, socket);
  }));
}));
assert.ok(server instanceof net.Server);
assert.ok(server instanceof EventEmitter);

server.on('listening', mustCall(function () {
  assert.strictEqual(this, server);
  s.connect(server.address().port, '127.0.0.1', mustCall(function () {
    assert.strictEqual(this, s);
    assert.strictEqual(s.writeLine('abc'), true);
  }));
}));
server.listen(0, '127.0.0.1');

s.on('line', mustCall(function (line) {
  assert.strictEqual(this, s);
}, 2));
s.on('end', mustCall(function () {
  assert.strictEqual(this, s);
  assert.deepEqual(s.lines, ['hello', 'ABC']);
}));
s.on('close', mustCall(function () {
  assert.strictEqual(this, s);
  server.close();
}));
server.on('close', mustCall(function () {
  assert.strictEqual(this, server);
}));

// Options reach the parent constructor.
var half = new LineSocket({ allowHalfOpen: true });
assert.strictEqual(half.allowHalfOpen, true);
