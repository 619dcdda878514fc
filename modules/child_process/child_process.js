// Node's child_process module as Node 0.7.4 has it: spawn(), exec(),
// execFile(), fork() and the ChildProcess class. Go (binding) starts the
// process and waits for it; the child's pipes are net.Sockets, as in Node
// 0.7. fork()'s IPC channel is in channel_unix.go (the socket) and at the
// end of this file (the JSON messages).

var EventEmitter = require('events').EventEmitter;
var net = require('net');
var util = require('util');

// signals maps signal names to numbers ({SIGTERM: 15, ...}).
var signals = binding.signals;

// ChildProcess ------------------------------------------------------------

// A ChildProcess emits 'exit' (code, signal) once the process has ended and
// its stdout and stderr have closed (Node 0.7.4 waited for both; later
// versions emit 'exit' at once and added 'close' for the streams). 'close'
// (code, signal), from later Node, follows right after 'exit'.
function ChildProcess() {
  EventEmitter.call(this);
  this._closesNeeded = 1;
  this._closesGot = 0;
  this._handle = null;
  this.pid = undefined;
  this.exitCode = null;
  this.signalCode = null;
  this.killed = false;
  this.stdin = null;
  this.stdout = null;
  this.stderr = null;
  this.stdio = [];
}
util.inherits(ChildProcess, EventEmitter);
exports.ChildProcess = ChildProcess;

// _onExit runs when the process has ended (or could not be run).
ChildProcess.prototype._onExit = function (code, signal) {
  // As Node 0.4-0.7: a process ended by a signal keeps exitCode null.
  if (signal) {
    this.signalCode = signal;
  } else {
    this.exitCode = code;
  }
  if (this.stdin) {
    this.stdin.destroy();
  }
  this._handle = null;
  maybeExit(this);
};

function maybeExit(child) {
  child._closesGot++;
  if (child._closesGot === child._closesNeeded) {
    child.emit('exit', child.exitCode, child.signalCode);
    child.emit('close', child.exitCode, child.signalCode);
  }
}

// signalNumber is the number of a signal name (or a known number), or null.
function signalNumber(sig) {
  if (typeof sig === 'number') {
    for (var name in signals) {
      if (signals[name] === sig) {
        return sig;
      }
    }
    return null;
  }
  if (typeof sig === 'string' && Object.prototype.hasOwnProperty.call(signals, sig)) {
    return signals[sig];
  }
  return null;
}

// kill([signal]) sends signal (a name, default 'SIGTERM', or a number) to
// the process. It returns whether the signal was sent; after the exit it
// does nothing.
ChildProcess.prototype.kill = function (sig) {
  sig = sig || 'SIGTERM';
  var signum = signalNumber(sig);
  if (signum === null) {
    throw new Error('Unknown signal: ' + sig);
  }
  if (!this._handle) {
    return false;
  }
  this.killed = true;
  return this._handle.kill(signum);
};

// ref() and unref() (from later Node): an unref'd child does not keep the
// program running by itself.
ChildProcess.prototype.ref = function () {
  if (this._handle) {
    this._handle.ref();
  }
};

ChildProcess.prototype.unref = function () {
  if (this._handle) {
    this._handle.unref();
  }
};

// The child's pipes ---------------------------------------------------------

// createSocket makes the stream for one of the child's pipes: stdin is
// write-only, stdout and stderr read-only, later ones both.
function createSocket(handle, readable, writable) {
  var s = new net.Socket({ handle: handle });
  s.readable = readable;
  s.writable = writable;
  if (!readable) {
    // Nothing is read from the child's stdin.
    s.pause();
  } else if (!writable) {
    // A read-only stream is done at its end, as Node 0.7's net did.
    s.on('end', function () {
      if (!this.writable) {
        this.destroy();
      }
    });
  }
  return s;
}

// stdioSpecs turns options.stdio (later Node's 'pipe', 'inherit',
// 'ignore', 'ipc', or an array of those and numbers) or Node 0.7's
// options.customFds ([stdin, stdout, stderr]: -1 for a pipe, or one of this
// process's descriptors 0, 1, 2) into a list of 'pipe', 'ignore', 'ipc' or
// 0-2.
function stdioSpecs(options) {
  var stdio = options.stdio;
  var custom = false;
  if (stdio === undefined || stdio === null) {
    if (options.customFds) {
      stdio = options.customFds;
      custom = true;
    } else {
      stdio = 'pipe';
    }
  }
  if (stdio === 'pipe' || stdio === 'ignore') {
    stdio = [stdio, stdio, stdio];
  } else if (stdio === 'inherit') {
    stdio = [0, 1, 2];
  }
  if (!Array.isArray(stdio)) {
    throw new TypeError('Incorrect value of stdio option: ' + stdio);
  }
  var specs = [];
  var ipc = false;
  for (var i = 0; i < Math.max(stdio.length, 3); i++) {
    var s = stdio[i];
    if (s === 'ipc') {
      if (ipc) {
        throw new Error('Child process can have only one IPC pipe');
      }
      ipc = true;
      specs.push('ipc');
    } else if (s === undefined || s === null) {
      specs.push(i < 3 ? 'pipe' : 'ignore');
    } else if (s === 'pipe' || s === -1) {
      specs.push('pipe');
    } else if (s === 'ignore') {
      specs.push('ignore');
    } else if (s === 'inherit' && i < 3) {
      specs.push(i);
    } else if (s === 0 || s === 1 || s === 2) {
      specs.push(s);
    } else if (custom && typeof s === 'number') {
      throw new Error('customFds not yet supported');
    } else {
      throw new TypeError('Incorrect value of stdio option: ' + s);
    }
  }
  return specs;
}

// spawn ---------------------------------------------------------------------

// spawn(command, [args], [options]) starts command with args. Options: cwd,
// env (default process.env), customFds, and from later Node stdio and
// detached (setsid in Node 0.7's words). An 'ipc' entry of stdio gives the
// child an IPC channel on that descriptor, as fork() does.
var spawn = exports.spawn = function (file, args, options) {
  if (typeof file !== 'string') {
    throw new TypeError('command must be a string');
  }
  if (args !== undefined && args !== null && !Array.isArray(args)) {
    if (typeof args === 'object' && options === undefined) {
      // spawn(command, options), as later Node allows.
      options = args;
      args = [];
    } else {
      throw new TypeError('args must be an Array');
    }
  }
  if (options !== undefined && options !== null && typeof options !== 'object') {
    throw new TypeError('options must be an object');
  }
  options = options || {};
  var argv = [file];
  if (args) {
    for (var i = 0; i < args.length; i++) {
      argv.push(String(args[i]));
    }
  }

  // The documentation says that an empty options object means an empty
  // environment; Node 0.7.4's code (and every later version) uses
  // process.env unless options.env is given.
  var env = options.env || process.env;
  var specs = stdioSpecs(options);
  var ipcFd = specs.indexOf('ipc');
  var envPairs = [];
  for (var key in env) {
    if (ipcFd < 0 || key !== 'NODE_CHANNEL_FD') {
      var pair = key + '=' + env[key];
      if (pair.indexOf('\u0000') !== -1) {
        // The environment is C strings: later Node refuses these too.
        var nulError = new TypeError('The property \'options.env[\'' + key.replace(/\u0000/g, '\\0') +
                                '\']\' must be a string without null bytes');
        nulError.code = 'ERR_INVALID_ARG_VALUE';
        throw nulError;
      }
      envPairs.push(pair);
    }
  }
  if (ipcFd >= 0) {
    // The child finds its end of the channel here (Node 0.8 and later).
    envPairs.push('NODE_CHANNEL_FD=' + ipcFd);
  }

  var cwd = options.cwd;
  if (cwd !== undefined && cwd !== null && typeof cwd !== 'string') {
    throw new TypeError('options.cwd must be a string');
  }

  var child = new ChildProcess();
  var r = binding.spawn({
    file: file,
    args: argv,
    cwd: cwd || '',
    envPairs: envPairs,
    stdio: specs,
    detached: Boolean(options.detached || options.setsid)
  }, function (code, signal) {
    child._onExit(code, signal);
  });

  child._handle = r.handle;
  child.pid = r.pid;
  for (var j = 0; j < r.stdio.length; j++) {
    var handle = r.stdio[j];
    var stream = null;
    if (handle) {
      stream = createSocket(handle, j !== 0, j === 0 || j > 2);
      if (j === 1 || j === 2) {
        child._closesNeeded++;
        stream.on('close', function () {
          maybeExit(child);
        });
      }
    }
    child.stdio.push(stream);
  }
  child.stdin = child.stdio[0];
  child.stdout = child.stdio[1];
  child.stderr = child.stdio[2];

  if (r.ipc) {
    // 'exit' waits for the channel too, so that 'disconnect' comes first
    // when the child ends, as in today's Node.
    child._closesNeeded++;
    child._onChannelClosed = function () {
      maybeExit(child);
    };
    setupChannel(child, r.ipc);
  }

  if (r.error) {
    // Node 0.7 reports a program that cannot be run only through the
    // child's stderr ('execvp(): No such file or directory') and exit code
    // 127. Later Node emits 'error': here it comes too, but only to a
    // listener, so that 0.7 scripts without one do not fail.
    var err = new Error('spawn ' + file + ' ' + r.error);
    err.code = err.errno = r.error;
    err.syscall = 'spawn ' + file;
    err.path = file;
    err.spawnargs = argv.slice(1);
    process.nextTick(function () {
      if (child.listeners('error').length > 0) {
        child.emit('error', err);
      }
    });
  }
  return child;
};

// exec and execFile ---------------------------------------------------------

function mergeOptions(target, overrides) {
  if (overrides) {
    var keys = Object.keys(overrides);
    for (var i = 0; i < keys.length; i++) {
      if (overrides[keys[i]] !== undefined) {
        target[keys[i]] = overrides[keys[i]];
      }
    }
  }
  return target;
}

// exec(command, [options], callback) runs command with /bin/sh -c and
// buffers its output; see execFile.
exports.exec = function (command /* , options, callback */) {
  var options = null;
  var callback = null;
  if (typeof arguments[1] === 'function') {
    callback = arguments[1];
  } else {
    options = arguments[1];
    callback = arguments[2];
  }
  if (typeof command !== 'string') {
    throw new TypeError('command must be a string');
  }
  return exports.execFile('/bin/sh', ['-c', command], options, callback);
};

// execFile(file, [args], [options], callback) runs file and calls
// callback(error, stdout, stderr) once it has exited. Options: encoding
// ('utf8'; 'buffer' gives Buffers, as later Node), timeout, maxBuffer,
// killSignal, cwd, env. error is null after an exit with 0, else an Error
// 'Command failed: ' + stderr with code, signal and killed.
exports.execFile = function (file /* , args, options, callback */) {
  // (Each var is initialized: goja gives an uninitialized var that a
  // closure captures the value of an extra argument when the function
  // uses `arguments`.)
  var args = null;
  var optionArg = null;
  var callback = null;
  var options = {
    encoding: 'utf8',
    timeout: 0,
    maxBuffer: 200 * 1024,
    killSignal: 'SIGTERM',
    cwd: null,
    env: null
  };

  if (typeof arguments[arguments.length - 1] === 'function') {
    callback = arguments[arguments.length - 1];
  }
  if (Array.isArray(arguments[1])) {
    args = arguments[1];
    if (typeof arguments[2] === 'object') {
      optionArg = arguments[2];
    }
  } else {
    args = [];
    if (typeof arguments[1] === 'object') {
      optionArg = arguments[1];
    }
  }
  mergeOptions(options, optionArg);

  var child = spawn(file, args, {
    cwd: options.cwd,
    env: options.env,
    detached: options.detached
  });

  var asBuffers = options.encoding === 'buffer';
  var stdout = asBuffers ? [] : '';
  var stderr = asBuffers ? [] : '';
  var stdoutLen = 0;
  var stderrLen = 0;
  var killed = false;
  var exited = false;
  var timeoutId = null;
  var err = null;

  function output(chunks) {
    return asBuffers ? concat(chunks) : chunks;
  }

  function exithandler(code, signal) {
    if (exited) {
      return;
    }
    exited = true;
    if (timeoutId) {
      clearTimeout(timeoutId);
      timeoutId = null;
    }
    if (!callback) {
      return;
    }
    var out = output(stdout);
    var errOut = output(stderr);
    if (err) {
      callback(err, out, errOut);
    } else if (code === 0 && signal === null) {
      callback(null, out, errOut);
    } else {
      var e = new Error('Command failed: ' + errOut);
      e.killed = child.killed || killed;
      e.code = code;
      e.signal = signal;
      callback(e, out, errOut);
    }
  }

  // kill ends the child early (timeout, maxBuffer); as in Node 0.7 the
  // callback does not wait for the exit. As in later Node the pipes are
  // destroyed too, so that a grandchild that holds them (sh -c 'sleep 60'
  // forks sleep) neither delays 'exit' nor keeps the program running.
  function kill() {
    killed = true;
    child.kill(options.killSignal);
    child.stdout.destroy();
    child.stderr.destroy();
    process.nextTick(function () {
      exithandler(null, options.killSignal);
    });
  }

  if (options.timeout > 0) {
    timeoutId = setTimeout(function () {
      timeoutId = null;
      kill();
    }, options.timeout);
  }

  if (!asBuffers) {
    child.stdout.setEncoding(options.encoding);
    child.stderr.setEncoding(options.encoding);
  }

  child.stdout.on('data', function (chunk) {
    if (asBuffers) {
      stdout.push(chunk);
    } else {
      stdout += chunk;
    }
    stdoutLen += chunk.length;
    if (stdoutLen > options.maxBuffer && !exited && !err) {
      err = new Error('maxBuffer exceeded.');
      kill();
    }
  });

  child.stderr.on('data', function (chunk) {
    if (asBuffers) {
      stderr.push(chunk);
    } else {
      stderr += chunk;
    }
    stderrLen += chunk.length;
    if (stderrLen > options.maxBuffer && !exited && !err) {
      err = new Error('maxBuffer exceeded.');
      kill();
    }
  });

  child.on('exit', exithandler);
  return child;
};

// concat joins Buffers.
function concat(list) {
  var n = 0;
  var i;
  for (i = 0; i < list.length; i++) {
    n += list[i].length;
  }
  var out = new Buffer(n);
  var at = 0;
  for (i = 0; i < list.length; i++) {
    list[i].copy(out, at);
    at += list[i].length;
  }
  return out;
}


// fork and the IPC channel ---------------------------------------------------

// fork(modulePath, [args], [options]) runs the module modulePath in a new
// gojatls (options.execPath, default process.execPath, started with
// options.execArgv, default process.execArgv) with an IPC channel: the
// child has process.send() and 'message' events, the parent child.send()
// and 'message' events on the ChildProcess. Options: cwd, env, silent (true:
// the child's stdout and stderr are pipes too, child.stdout and
// child.stderr; by default they are this process's own), execPath,
// execArgv.
//
// The child's stdin is always a pipe from this process, child.stdin, never
// this process's own stdin: as in Node 0.7.4, whose fork() gave the child
// the IPC channel as its stdin and child.stdin as a stream on it. The
// channel itself is a socketpair passed as the child's descriptor 3 with
// NODE_CHANNEL_FD=3 in its environment, as Node 0.8 and later do it, so
// what is written to child.stdin reaches the child's process.stdin (in
// 0.7.4 it went into the channel).
exports.fork = function (modulePath /* , args, options */) {
  if (typeof modulePath !== 'string') {
    throw new TypeError('The "modulePath" argument must be a string');
  }
  var args = [];
  var options = arguments[2];
  var second = arguments[1];
  if (Array.isArray(second)) {
    args = second;
  } else if (second !== undefined && second !== null) {
    if (typeof second === 'object' && options === undefined) {
      // fork(modulePath, options), as later Node allows.
      options = second;
    } else {
      throw new TypeError('The "args" argument must be an Array');
    }
  }
  if (options !== undefined && options !== null && typeof options !== 'object') {
    throw new TypeError('The "options" argument must be an object');
  }
  options = options || {};
  var execArgv = options.execArgv || process.execArgv;
  if (!Array.isArray(execArgv)) {
    throw new TypeError('options.execArgv must be an Array');
  }
  var execPath = options.execPath || process.execPath;
  if (typeof execPath !== 'string') {
    throw new TypeError('options.execPath must be a string');
  }
  var argv = execArgv.concat([modulePath], args);
  return spawn(execPath, argv, {
    cwd: options.cwd,
    env: options.env,
    stdio: options.silent ? ['pipe', 'pipe', 'pipe', 'ipc'] : ['pipe', 1, 2, 'ipc']
  });
};

// emitMessage emits a received message: 'internalMessage' for Node's own
// (an object whose cmd starts with NODE_), 'message' for the others.
function emitMessage(target, message, handle) {
  var event = 'message';
  if (message !== null && typeof message === 'object' &&
      typeof message.cmd === 'string' && message.cmd.indexOf('NODE_') === 0) {
    event = 'internalMessage';
  }
  if (handle === undefined) {
    target.emit(event, message);
  } else {
    target.emit(event, message, handle);
  }
}

// setupChannel gives target (a ChildProcess, or process in a forked child)
// send(), disconnect(), connected, and 'message', 'internalMessage' and
// 'disconnect' events over channel, a channel handle. Messages are JSON,
// one per line, as Node 0.7 sent them.
//
// A message sent with a handle goes as the line
// {"cmd":"NODE_HANDLE","type":"net.Server","msg":<message>} with the
// listening socket's descriptor attached (channel_unix.go); the receiver
// emits 'message' with (message, handle) for it, never 'internalMessage'.
function setupChannel(target, channel) {
  target._channel = channel;
  target.connected = true;

  channel.start(function (line, handle) {
    if (line === null) {
      // The other end has gone: as if disconnect() had been called.
      if (target._channel === channel) {
        target._disconnect();
      }
      return;
    }
    var message = JSON.parse(line);
    if (handle !== undefined) {
      // A message with a handle: a received server handle, for
      // server.listen(handle) (undefined if the descriptor could not be
      // used). As in Node 0.7, Node's own messages (cluster's) go to
      // 'internalMessage' with their handle too.
      emitMessage(target, message.msg, handle === null ? undefined : handle);
      return;
    }
    emitMessage(target, message);
  });

  // send(message, [sendHandle]) sends message as JSON. After disconnect
  // it throws, as in Node 0.7 (today's Node emits 'error' instead). It
  // returns true.
  //
  // sendHandle is a listening net.Server's handle (server._handle), as
  // Node 0.7 documents, or (as later Node) the net.Server itself: the
  // other process gets the handle with the message, and its
  // server.listen(handle) accepts on the same listening socket, this
  // process's server still listening too (it may close it). A TCP or a
  // Unix socket server may be sent. Anything else throws a TypeError; a
  // tls.Server, whose TLS state is in this process, an Error. (Sockets
  // cannot be sent.)
  target.send = function (message, sendHandle) {
    if (!target._channel) {
      throw new Error('channel closed');
    }
    if (message === undefined) {
      throw new TypeError('The "message" argument must be specified');
    }
    var json = JSON.stringify(message);
    if (json === undefined) {
      throw new TypeError('The "message" argument must be a string, object, number or boolean');
    }
    if (sendHandle !== undefined && sendHandle !== null) {
      var handle = sendHandle;
      if (sendHandle instanceof net.Server) {
        handle = sendHandle._handle;
        if (!handle) {
          throw new Error('sendHandle: the server is not listening');
        }
      }
      target._channel.writeHandle(json, handle);
      return true;
    }
    target._channel.write(json + '\n');
    return true;
  };

  // disconnect() closes the channel: what was sent still arrives, then the
  // other side gets 'disconnect' too. 'disconnect' is emitted here at once,
  // as in Node 0.7. A second call emits 'error'.
  target.disconnect = function () {
    if (!target.connected) {
      target.emit('error', new Error('IPC channel is already disconnected'));
      return;
    }
    target._disconnect();
  };

  target._disconnect = function () {
    var ch = target._channel;
    target.connected = false;
    target._channel = null;
    ch.close();
    try {
      target.emit('disconnect');
    } finally {
      if (target._onChannelClosed) {
        target._onChannelClosed();
      }
    }
  };
}

// _forkChild is called at start-up in a process whose environment has
// NODE_CHANNEL_FD: process gets the channel to its parent. A cluster worker
// (NODE_UNIQUE_ID set too) then tells its master that it is online, before
// its script runs, as Node 0.7.4's start-up did.
exports._forkChild = function (fd) {
  setupChannel(process, binding.openChannel(fd));
  if ('NODE_UNIQUE_ID' in process.env) {
    require('cluster')._setupWorker();
  }
};
