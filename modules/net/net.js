// Node's net module: Socket and Server as Node 0.7 has them. The bytes move
// in Go (binding); this file keeps the stream state and emits the events.

var Stream = require('stream');
var EventEmitter = require('events').EventEmitter;
var util = require('util');

// NODE_DEBUG=net: today's Node's debug lines, where gojatls has the same
// moment.
var debug = util.debuglog('net');

// write() returns false once this many bytes wait to be sent.
var highWaterMark = binding.highWaterMark;

function isUtf8(encoding) {
  return !encoding || encoding === 'utf8' || encoding === 'utf-8';
}

// toPort returns a port number for a number or numeric string, or false.
function toPort(value) {
  if (typeof value === 'number' || (typeof value === 'string' && /^\s*\d+\s*$/.test(value))) {
    var port = Number(value);
    if (port >= 0 && port < 65536 && Math.floor(port) === port) {
      return port;
    }
    throw new RangeError('port should be >= 0 and < 65536: ' + value);
  }
  return false;
}

// hostPort joins a host and a port as Go's dialer and listener want them.
function hostPort(host, port) {
  if (host.indexOf(':') !== -1) {
    return '[' + host + ']:' + port;
  }
  return host + ':' + port;
}

// tcpNetwork: an IPv4 literal listens on IPv4 only, as Node did; '::'
// listens on IPv6 and IPv4 (dual stack), as Node does.
function tcpNetwork(host) {
  if (host === '::') {
    return 'tcp';
  }
  switch (binding.isIP(host)) {
    case 4: return 'tcp4';
    case 6: return 'tcp6';
  }
  return 'tcp';
}

// errnoException is the Error Node 0.7 gives for a failed system call.
function errnoException(code, syscall) {
  var e = new Error(syscall + ' ' + code);
  e.errno = e.code = code;
  e.syscall = syscall;
  return e;
}

// normalizeConnectArgs turns connect()'s forms into [options, callback]:
// (options, [cb]), (port, [host], [cb]), (path, [cb]).
function normalizeConnectArgs(args) {
  var options = {};
  if (args[0] !== null && typeof args[0] === 'object') {
    options = args[0];
  } else if (typeof args[0] === 'string' && toPort(args[0]) === false) {
    options.path = args[0];
  } else {
    options.port = args[0];
    if (typeof args[1] === 'string') {
      options.host = args[1];
    }
  }
  var cb = args[args.length - 1];
  return [options, typeof cb === 'function' ? cb : null];
}
exports._normalizeConnectArgs = normalizeConnectArgs;

// The address to dial for connect options: [network, address]. Without a
// host, Node 0.7 dialled 127.0.0.1.
function dialAddress(options) {
  if (options.path !== undefined && options.path !== null) {
    if (typeof options.path !== 'string') {
      throw new TypeError('path must be a string');
    }
    return ['unix', options.path];
  }
  var port = toPort(options.port);
  if (port === false) {
    throw new TypeError('port should be a number: ' + options.port);
  }
  var host = options.host || '127.0.0.1';
  if (typeof host !== 'string') {
    throw new TypeError('host must be a string');
  }
  return ['tcp', hostPort(host, port)];
}
exports._dialAddress = dialAddress;

// Socket ---------------------------------------------------------------

function Socket(options) {
  if (!(this instanceof Socket)) {
    return new Socket(options);
  }
  Stream.call(this);
  if (typeof options === 'number') {
    options = { fd: options }; // Node 0.4's new Socket(fd)
  }
  if (!options) {
    return;
  }
  if (options.allowHalfOpen) {
    this.allowHalfOpen = true;
  }
  if (options.handle) {
    this._attach(options.handle);
  } else if (options.fd !== undefined && options.fd !== null) {
    this._attach(binding.open(options.fd));
  }
}
util.inherits(Socket, Stream);
exports.Socket = Socket;
exports.Stream = Socket;

// A socket's state starts from these defaults on the prototype, so that a
// socket holds only what differs (a server may hold many thousands).
Socket.prototype.destroyed = false;
Socket.prototype.readable = false;
Socket.prototype.writable = false;
Socket.prototype.allowHalfOpen = false;
Socket.prototype.server = null;
Socket.prototype._handle = null;
Socket.prototype._paused = false;
Socket.prototype._encoding = null;
Socket.prototype._timeoutMs = 0;
Socket.prototype._noDelay = null;
Socket.prototype._keepAlive = null;
Socket.prototype._connecting = false;
Socket.prototype._connectReq = null;
Socket.prototype._connectTimer = null;
Socket.prototype._connectQueue = null;
Socket.prototype._connectQueueSize = 0;
Socket.prototype._pendingEnd = false;
Socket.prototype._destroySoon = false;
Socket.prototype._gotEOF = false;
Socket.prototype._shutdownDone = false;
Socket.prototype._errorEmitted = false;
Socket.prototype._closedHandle = null; // the handle of a destroyed socket: its counts and peer
Socket.prototype._peer = null;
Socket.prototype._unrefd = false;
Socket.prototype._reader = null;

// initSocket resets the per-connection state of a socket that connects
// again after it was closed.
function initSocket(socket) {
  if (socket._encoding === null && socket._closedHandle !== null) {
    socket._encoding = socket._closedHandle.encoding(); // setEncoding left it there
  }
  socket._connecting = false;
  socket._connectReq = null;
  socket._connectTimer = null;
  socket._connectQueue = null;
  socket._connectQueueSize = 0;
  socket._pendingEnd = false;
  socket._destroySoon = false;
  socket._gotEOF = false;
  socket._shutdownDone = false;
  socket._errorEmitted = false;
  socket._closedHandle = null;
  socket._peer = null;
  socket.destroyed = false;
}

// _attach connects this socket to a Go connection handle and starts reading.
Socket.prototype._attach = function (handle) {
  this._handle = handle;
  this.readable = true;
  this.writable = true;
  if (this._encoding !== null) {
    handle.setEncoding(this._encoding);
  }
  if (this._timeoutMs > 0) {
    handle.setTimeout(this._timeoutMs);
  }
  if (this._noDelay !== null) {
    handle.setNoDelay(this._noDelay);
  }
  if (this._keepAlive !== null) {
    handle.setKeepAlive(this._keepAlive[0], this._keepAlive[1]);
  }
  if (this._paused) {
    handle.pause();
  }
  if (this._unrefd) {
    handle.unref();
  }
  if (this._reader !== null) {
    handle.setReader(this._reader);
  }
  handle.attach(this);
  if (this._goPipe !== null) {
    this._syncGoPipe();
  }
};

// _setReader(reader): the connection is read with a read strategy made in
// Go (http's response reader) instead of as raw chunks; set before the
// socket connects, it reads so from the first byte.
Socket.prototype._setReader = function (reader) {
  this._reader = reader;
  if (this._handle) {
    this._handle.setReader(reader);
  }
};

// A pipe kept in Go. stream.pipe() offers its pipe here; while its ondata
// is this socket's only 'data' listener, dest is a socket with a
// connection, and none of the methods ondata calls (this.emit, dest.write,
// this.pause) is replaced, the handle hands what it reads to dest's handle
// itself (modules/net/route.go), which is what ondata would do, without
// running JS per chunk. Any change to the 'data' listeners, or to those
// methods, brings the chunks back to JS.
Socket.prototype._goPipe = null;
Socket.prototype._goPipeSources = null; // sources waiting for this socket to connect
// _writeReplaced: write is not net's own (watchReplacement), for http's
// writes that skip it, without calling the accessor.
Socket.prototype._writeReplaced = false;

// _canPipeLazily: a pipe from this socket into dest may keep its listeners
// unmade (stream.js, events.js) while both sockets use EventEmitter's own
// methods, have no other lazy listeners, and nobody listens for
// 'newListener' or has changed the warning's limit (pipe()'s on() calls
// would have been seen). The pipe's listeners are then made only when
// someone looks at them; an echo server's connections never do.
Socket.prototype._canPipeLazily = function (dest) {
  return dest instanceof Socket && standardEmitter(this) && standardEmitter(dest);
};

function standardEmitter(socket) {
  var events = socket._events;
  return socket._lazyListeners === null && socket._maxListeners === undefined &&
      !(events && events.newListener) && fewListeners(events) &&
      socket.on === emitterOn && socket.addListener === emitterOn &&
      socket.emit === emitterEmit && socket.removeListener === emitterRemove &&
      socket.listeners === emitterListeners && socket.removeAllListeners === emitterRemoveAll;
}

// fewListeners: pipe()'s own (at most three an event) would not make the
// lists of 'end', 'close' or 'error' long enough for the leak warning.
function fewListeners(events) {
  return !events || (count(events.end) < 5 && count(events.close) < 5 && count(events.error) < 5);
}

function count(list) {
  return !list ? 0 : typeof list === 'function' ? 1 : list.length;
}

Socket.prototype._pipeInGo = function (dest, pipe) {
  this._goPipe = pipe;
  if (dest instanceof Socket && dest._handle === null && dest._connecting) {
    if (dest._goPipeSources === null) {
      dest._goPipeSources = [];
    }
    dest._goPipeSources.push(this);
  }
  this._syncGoPipe();
};

Socket.prototype._listenersChanged = function (type) {
  if (this._goPipe !== null && (type === 'data' || type === undefined)) {
    this._syncGoPipe();
  }
};

Socket.prototype._syncGoPipe = function () {
  var pipe = this._goPipe;
  var listeners = this._events ? this._events.data : undefined;
  var only;
  if (pipe.fns === null) { // its listeners are lazy: ondata comes after those in _events
    only = pipe.live && (!listeners || (Array.isArray(listeners) && listeners.length === 0));
    if (!pipe.live) {
      this._goPipe = null; // that pipe is gone
    }
  } else {
    var ondata = pipe.fns.ondata;
    only = listeners === ondata;
    if (!only && !(Array.isArray(listeners) && listeners.indexOf(ondata) !== -1)) {
      this._goPipe = null;
    }
  }
  if (!this._handle) {
    return;
  }
  var dest = pipe.dest;
  var inGo = only && dest instanceof Socket &&
      dest._handle !== null && dest.writable && dest.write === socketWrite &&
      this.pause === socketPause && this.emit === emitterEmit;
  this._handle.route(inGo ? dest._handle : null);
};

Object.defineProperty(Socket.prototype, 'readyState', {
  get: function () {
    if (this._connecting) {
      return 'opening';
    } else if (this.readable && this.writable) {
      return 'open';
    } else if (this.readable && !this.writable) {
      return 'readOnly';
    } else if (!this.readable && this.writable) {
      return 'writeOnly';
    }
    return 'closed';
  }
});

// A destroyed socket keeps reporting what its connection read and wrote,
// and its peer: its closed handle still knows them.
function handleStat(socket, name) {
  var handle = socket._handle || socket._closedHandle;
  return handle ? handle[name]() : 0;
}
Object.defineProperty(Socket.prototype, 'bytesRead', {
  get: function () { return handleStat(this, 'bytesRead'); }
});
// bytesWritten counts bytes handed to the socket, sent or still queued.
Object.defineProperty(Socket.prototype, 'bytesWritten', {
  get: function () { return handleStat(this, 'bytesWritten') + this._connectQueueSize; }
});
Object.defineProperty(Socket.prototype, 'bufferSize', {
  get: function () {
    return (this._handle ? this._handle.bufferSize() : 0) + this._connectQueueSize;
  }
});

function peer(socket) {
  var handle = socket._handle || socket._closedHandle;
  if (!socket._peer && handle) {
    var addr = handle.remoteAddress();
    socket._peer = addr !== null && typeof addr === 'object' ? addr : {};
  }
  return socket._peer || {};
}
Object.defineProperty(Socket.prototype, 'remoteAddress', {
  get: function () { return peer(this).address; }
});
Object.defineProperty(Socket.prototype, 'remotePort', {
  get: function () { return peer(this).port; }
});

// address() is {address, family, port}; {} for a Unix socket; null when
// there is no connection.
Socket.prototype.address = function () {
  if (!this._handle) {
    return null;
  }
  var addr = this._handle.localAddress();
  return addr !== null && typeof addr === 'object' ? addr : {};
};

Socket.prototype.connect = function () {
  var args = normalizeConnectArgs(arguments);
  var where = dialAddress(args[0]);
  var self = this;
  if (this._connecting || this._handle) {
    throw new Error('Socket is already connected');
  }
  if (this.destroyed) {
    initSocket(this);
  }
  if (args[1]) {
    this.once('connect', args[1]);
  }
  this._beginConnect();
  debug('connect: attempting to connect to %s', where[1]);
  var req = this._dial(where[0], where[1], function (err, handle) {
    if (self._connectReq !== req) {
      // destroyed (and maybe connected again) meanwhile
      if (handle) {
        handle.destroy();
      }
      return;
    }
    self._connectReq = null;
    self._connecting = false;
    if (err) {
      self.destroy(err);
      return;
    }
    self._onConnect.apply(self, Array.prototype.slice.call(arguments, 1));
  });
  this._connectReq = req;
  if (this._unrefd) {
    req.unref();
  }
  return this;
};

// _startConnectTimer: as in Node 0.7, the idle timeout also runs while
// connecting.
Socket.prototype._startConnectTimer = function () {
  var self = this;
  this._stopConnectTimer();
  if (this._timeoutMs > 0 && this._connecting) {
    this._connectTimer = setTimeout(function () {
      self._connectTimer = null;
      if (self._connecting) {
        self._onTimeout();
      }
    }, this._timeoutMs);
  }
};

Socket.prototype._stopConnectTimer = function () {
  if (this._connectTimer !== null) {
    clearTimeout(this._connectTimer);
    this._connectTimer = null;
  }
};

// _beginConnect: the socket connects from now on: writes wait in the
// connect queue, and the idle timeout runs.
Socket.prototype._beginConnect = function () {
  this._connecting = true;
  this.writable = true;
  this._startConnectTimer();
};

// _dial starts the connection and returns its request (cancel, ref,
// unref); callback(err, handle, ...) gets the connection. tls.connect's
// streams dial and handshake.
Socket.prototype._dial = function (network, address, callback) {
  return binding.connect(network, address, callback);
};

// _onConnect runs once the handle is connected, with what _dial's
// callback got after the error: 'connect' follows.
Socket.prototype._onConnect = function (handle) {
  debug('afterConnect');
  this._connected(handle);
  if (!this.destroyed) {
    this.emit('connect');
  }
};

// _connected makes a connected handle the socket's. Writes made while
// connecting go out before 'connect' (or tls's 'secureConnect'), so that
// a write in its listener comes after them; an end() made meanwhile stays
// in force.
Socket.prototype._connected = function (handle) {
  this._stopConnectTimer();
  this._connecting = false;
  var writable = this.writable;
  this._attach(handle);
  this.writable = writable;
  this._flushConnectQueue();
};

// _flushConnectQueue hands what was written while connecting to the
// handle, then shuts down if end() came meanwhile. Only then may pipes
// made into this socket while it connected move their chunks in Go: what
// they wrote through JS meanwhile goes first.
Socket.prototype._flushConnectQueue = function () {
  var queue = this._connectQueue;
  this._connectQueue = null;
  this._connectQueueSize = 0;
  if (queue) {
    for (var i = 0; i < queue.length && !this.destroyed; i++) {
      this._handle.write(queue[i][0], queue[i][1]);
    }
  }
  if (this._pendingEnd && !this.destroyed) {
    this._pendingEnd = false;
    this._shutdown();
  }
  var sources = this._goPipeSources;
  if (sources !== null) {
    this._goPipeSources = null;
    for (var j = 0; j < sources.length; j++) {
      if (sources[j]._goPipe !== null && sources[j]._goPipe.dest === this) {
        sources[j]._syncGoPipe();
      }
    }
  }
};

// write(data, [encoding], [callback]) -> false once highWaterMark bytes are
// queued; 'drain' follows when the queue is empty.
Socket.prototype.write = function (data, encoding, callback) {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  if (typeof data !== 'string' && !Buffer.isBuffer(data)) {
    throw new TypeError('First argument must be a buffer or a string.');
  }
  if (typeof data === 'string' && !isUtf8(encoding)) {
    data = new Buffer(data, encoding);
  }
  if (!this.writable) {
    // Nothing is dropped silently: as in Node 0.7.4, a write on a socket
    // without a connection (destroyed, never connected, or done both ways
    // after the peer's end, which 0.7.4 destroyed at once) throws, and one
    // after end() fails with EPIPE.
    if (this.destroyed || this._gotEOF || (!this._handle && !this._connecting)) {
      throw new Error('This socket is closed.');
    }
    this._destroy(errnoException('EPIPE', 'write'), callback);
    return false;
  }
  if (this._connecting || !this._handle) {
    if (this._connectQueue === null) {
      this._connectQueue = [];
    }
    this._connectQueue.push([data, callback]);
    this._connectQueueSize += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    return this._connectQueueSize < highWaterMark;
  }
  return this._handle.write(data, callback);
};

// end([data], [encoding]) sends data, then a FIN once all is written.
Socket.prototype.end = function (data, encoding) {
  if (data !== undefined && data !== null && typeof data !== 'function') {
    this.write(data, encoding);
  }
  if (!this.writable) {
    return;
  }
  this.writable = false;
  if (this._connecting || !this._handle) {
    this._pendingEnd = true;
    return;
  }
  this._shutdown();
};

Socket.prototype._shutdown = function () {
  if (this._handle) {
    this._handle.shutdown();
  }
};

// destroySoon ends the socket and destroys it once everything is written.
Socket.prototype.destroySoon = function () {
  this._destroySoon = true;
  if (this.writable) {
    this.end();
  } else if (this._shutdownDone || (!this._handle && !this._connecting)) {
    this.destroy();
  }
};

Socket.prototype.destroy = function (exception) {
  this._destroy(exception);
};

// _destroy closes the socket: 'error' (if exception), then 'close' with
// had_error, on the next tick. cb gets the exception first (at once if the
// socket was closed already, as in Node 0.7). A socket emits at most one
// 'error'.
Socket.prototype._destroy = function (exception, cb) {
  var self = this;
  debug('destroy');
  if (typeof cb === 'function') {
    if (this.destroyed) {
      cb(exception);
    } else {
      process.nextTick(function () {
        cb(exception);
      });
    }
  }
  if (exception && !this._errorEmitted) {
    this._errorEmitted = true;
    process.nextTick(function () {
      self.emit('error', exception);
    });
  }
  if (this.destroyed) {
    return;
  }
  this.destroyed = true;
  // (What is at its default already is left alone: a socket holds only
  // what differs.)
  if (this._connectTimer !== null) {
    this._stopConnectTimer();
  }
  if (this._connectReq) {
    this._connectReq.cancel();
    this._connectReq = null;
  }
  if (this._connecting) {
    this._connecting = false;
  }
  if (this._connectQueue !== null) {
    this._connectQueue = null;
    this._connectQueueSize = 0;
  }
  if (this._pendingEnd) {
    this._pendingEnd = false;
  }
  if (this.readable) {
    this.readable = false;
  }
  if (this.writable) {
    this.writable = false;
  }
  if (this._handle) {
    this._closedHandle = this._handle;
    this._handle.destroy();
    this._handle = null;
  }
  process.nextTick(function () {
    debug('emit close');
    self.emit('close', exception ? true : false);
  });
  if (this.server) {
    this.server.connections--;
    this.server._emitCloseIfDrained();
  }
};

Socket.prototype.pause = function () {
  this._paused = true;
  if (this._handle) {
    this._handle.pause();
  }
};

Socket.prototype.resume = function () {
  this._paused = false;
  if (this._handle) {
    this._handle.resume();
  }
};

// The methods a pipe's ondata calls, as a pipe kept in Go expects them.
var socketWrite = Socket.prototype.write;
var socketPause = Socket.prototype.pause;
var emitterEmit = EventEmitter.prototype.emit;
var emitterOn = EventEmitter.prototype.on;
var emitterRemove = EventEmitter.prototype.removeListener;
var emitterListeners = EventEmitter.prototype.listeners;
var emitterRemoveAll = EventEmitter.prototype.removeAllListeners;

// Replacing write, pause or emit on a socket after pipe() (a spy, a
// wrapper) must see every chunk, as in Node, where ondata calls them per
// chunk. These accessors read as the methods, turn an assignment into an
// ordinary property of the socket, and take its pipes back from Go.
function watchReplacement(name, get) {
  Object.defineProperty(Socket.prototype, name, {
    enumerable: true,
    configurable: true,
    get: get,
    set: function (value) {
      Object.defineProperty(this, name, {
        value: value, writable: true, enumerable: true, configurable: true
      });
      if (name === 'write') {
        this._writeReplaced = true;
        if (this._handle) {
          this._handle.refuseRoutes();
        }
      }
      if (this._goPipe !== null) {
        this._syncGoPipe();
      }
    }
  });
}
watchReplacement('write', function () { return socketWrite; });
watchReplacement('pause', function () { return socketPause; });
watchReplacement('emit', function () { return Stream.prototype.emit; });

Socket.prototype.setEncoding = function (encoding) {
  var name = encoding || 'utf8'; // as StringDecoder takes it
  if (!binding.isEncoding(String(name))) {
    throw new TypeError('Unknown encoding: ' + encoding);
  }
  if (this._handle) {
    this._handle.setEncoding(name);
    if (this._encoding === null) {
      return; // the handle keeps it (a socket holds few properties)
    }
  }
  this._encoding = name;
};

// setTimeout(msecs, [callback]): 'timeout' after msecs of inactivity;
// 0 turns it off (and removes callback).
Socket.prototype.setTimeout = function (msecs, callback) {
  msecs = Number(msecs);
  if (msecs > 0 && isFinite(msecs)) {
    this._timeoutMs = msecs;
    if (typeof callback === 'function') {
      this.once('timeout', callback);
    }
  } else if (msecs === 0) {
    this._timeoutMs = 0;
    if (typeof callback === 'function') {
      this.removeListener('timeout', callback);
    }
  } else {
    return this;
  }
  if (this._handle) {
    this._handle.setTimeout(this._timeoutMs);
  }
  this._startConnectTimer();
  return this;
};

Socket.prototype.setNoDelay = function (noDelay) {
  this._noDelay = noDelay === undefined ? true : Boolean(noDelay);
  if (this._handle) {
    this._handle.setNoDelay(this._noDelay);
  }
  return this;
};

// setKeepAlive([enable], [initialDelay]): the delay is in milliseconds,
// applied in whole seconds as the system takes it.
Socket.prototype.setKeepAlive = function (enable, initialDelay) {
  this._keepAlive = [Boolean(enable), Math.floor((Number(initialDelay) || 0) / 1000) * 1000];
  if (this._handle) {
    this._handle.setKeepAlive(this._keepAlive[0], this._keepAlive[1]);
  }
  return this;
};

// ref() and unref() apply to the connection, or to the connect request
// while the socket connects (an unref'd connecting socket does not keep
// the program alive), and to the connection it makes.
Socket.prototype.ref = function () {
  this._unrefd = false;
  if (this._handle) {
    this._handle.ref();
  } else if (this._connectReq) {
    this._connectReq.ref();
  }
  return this;
};

Socket.prototype.unref = function () {
  this._unrefd = true;
  if (this._handle) {
    this._handle.unref();
  } else if (this._connectReq) {
    this._connectReq.unref();
  }
  return this;
};

// Events from Go.

// _onEnd: the peer has finished sending. A socket that is done both ways is
// destroyed ('close' comes after 'end', on the next tick); one that is not
// half-open ends its own side too. Node 0.7 did that before emitting
// 'end', which silently dropped what an 'end' listener wrote with
// end(data); here it comes after the listeners, so that their data is sent
// before the FIN, as in today's node.
Socket.prototype._onEnd = function () {
  this.readable = false;
  this._gotEOF = true;
  if (!this.writable && this._shutdownDone) {
    this.destroy();
  }
  try {
    this.emit('end');
    if (typeof this.onend === 'function') {
      this.onend(); // as Node 0.7: http's end of a connection
    }
  } finally {
    if (!this.allowHalfOpen && this.writable) {
      this.end();
    }
  }
};

Socket.prototype._onShutdown = function () {
  this._shutdownDone = true;
  if (this._gotEOF || !this.readable || this._destroySoon) {
    this.destroy();
  }
};

Socket.prototype._onError = function (err) {
  this.destroy(err);
};

Socket.prototype._onDrain = function () {
  this.emit('drain');
};

Socket.prototype._onTimeout = function () {
  this.emit('timeout');
};

// Server ---------------------------------------------------------------

function Server(/* [options], [connectionListener] */) {
  if (!(this instanceof Server)) {
    return new Server(arguments[0], arguments[1]);
  }
  EventEmitter.call(this);
  var options = {};
  var listener = null;
  if (typeof arguments[0] === 'function') {
    listener = arguments[0];
  } else {
    options = arguments[0] || {};
    listener = arguments[1];
  }
  if (typeof listener === 'function') {
    this.on('connection', listener);
  }
  this.connections = 0;
  this.allowHalfOpen = Boolean(options.allowHalfOpen);
  this._handle = null;
  this._unref = false;
}
util.inherits(Server, EventEmitter);
exports.Server = Server;

exports.createServer = function (options, listener) {
  return new Server(options, listener);
};

// listen(port, [host], [backlog], [callback]), listen(path, [callback]) or
// listen(handle, [callback]). Without a host, as in Node 0.7, the server
// listens on every IPv4 address. The backlog is the system's.
//
// handle is a server handle received from another process (the second
// argument of a forked child's 'message' event, sent with
// child.send(message, server._handle)), or an object whose _handle or
// handle is one: this server then accepts on the same listening socket as
// the sender's server, both taking connections. (As in Node, 'listening'
// follows on the next tick. Unlike Node, server._handle is this server's
// own handle, not the received one, which is spent: one server can take
// it.)
Server.prototype.listen = function () {
  var self = this;
  var args = Array.prototype.slice.call(arguments);
  if (typeof args[args.length - 1] === 'function') {
    this.once('listening', args.pop());
  }
  var network, address;
  var first = args[0];
  if (first !== null && typeof first === 'object') {
    return this._listenHandle(first._handle || first.handle || first);
  }
  var port = first === undefined || first === null ? 0 : toPort(first);
  if (port === false) {
    if (typeof first !== 'string') {
      throw new TypeError('listen() takes a port number or a path');
    }
    network = 'unix';
    address = first;
  } else {
    var host = typeof args[1] === 'string' ? args[1] : '0.0.0.0';
    network = tcpNetwork(host);
    address = hostPort(host, port);
  }
  if (this._handle) {
    throw new Error('Server is already listening');
  }
  debug('setupListenHandle', network, address);
  // In a cluster worker the master listens and the worker accepts on its
  // socket, as Node 0.7.4's listen() asked cluster._getServer.
  if ('NODE_UNIQUE_ID' in process.env && require('cluster')._getServer(this, network, address)) {
    return this;
  }
  this._handle = newHandle(this);
  if (this._unref) {
    this._handle.unref();
  }
  var handle = this._handle;
  handle.listen(network, address, function (err) {
    if (self._handle !== handle) {
      return;
    }
    if (err) {
      self._handle = null;
      self.emit('error', err);
      return;
    }
    self.emit('listening');
  });
  return this;
};

Server.prototype._listenHandle = function (received) {
  var self = this;
  if (this._handle) {
    throw new Error('Server is already listening');
  }
  var handle = newHandle(this);
  if (this._unref) {
    handle.unref();
  }
  handle.adopt(received); // throws for anything but a received server handle
  this._handle = handle;
  process.nextTick(function () {
    if (self._handle === handle) {
      self.emit('listening');
    }
  });
  return this;
};

// _makeHandle makes the Go side; tls.Server makes its own.
Server.prototype._makeHandle = function () {
  return binding.createServer(this);
};

// _connectionReader: the read strategy factory (made in Go) of every
// connection the server accepts, from its first byte; null reads raw
// chunks. http's servers read requests.
Server.prototype._connectionReader = null;

function newHandle(server) {
  var handle = server._makeHandle();
  if (server._connectionReader !== null) {
    handle.setConnectionReader(server._connectionReader);
  }
  return handle;
}

Server.prototype.address = function () {
  return this._handle ? this._handle.address() : null;
};

// close() stops accepting; 'close' follows once every connection is gone.
Server.prototype.close = function (callback) {
  if (!this._handle) {
    throw new Error('Not running');
  }
  if (typeof callback === 'function') {
    this.once('close', callback);
  }
  this._handle.close();
  this._handle = null;
  this._emitCloseIfDrained();
  return this;
};

Server.prototype._emitCloseIfDrained = function () {
  var self = this;
  if (this._handle || this.connections > 0) {
    return;
  }
  process.nextTick(function () {
    debug('SERVER: emit close');
    self.emit('close');
  });
};

// pause(msecs) stops accepting connections for msecs (default 1000).
Server.prototype.pause = function (msecs) {
  if (this._handle) {
    this._handle.pause(msecs || 1000);
  }
};

Server.prototype.ref = function () {
  this._unref = false;
  if (this._handle) {
    this._handle.ref();
  }
  return this;
};

Server.prototype.unref = function () {
  this._unref = true;
  if (this._handle) {
    this._handle.unref();
  }
  return this;
};

// _onConnection: Go accepted a connection (handle). As in Node 0.7, the
// new socket also emits 'connect', after the server's 'connection'.
Server.prototype._onConnection = function (handle) {
  debug('onconnection');
  var socket = new Socket({ handle: handle, allowHalfOpen: this.allowHalfOpen });
  socket.server = this;
  this.connections++;
  this.emit('connection', socket);
  if (!socket.destroyed) {
    socket.emit('connect');
  }
};

// Functions ------------------------------------------------------------

exports.connect = exports.createConnection = function () {
  var args = normalizeConnectArgs(arguments);
  var socket = new Socket(args[0]);
  return Socket.prototype.connect.apply(socket, arguments);
};

exports.isIP = function (input) {
  return binding.isIP(String(input));
};

exports.isIPv4 = function (input) {
  return exports.isIP(input) === 4;
};

exports.isIPv6 = function (input) {
  return exports.isIP(input) === 6;
};
