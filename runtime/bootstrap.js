// The JS half of process start-up, as Node 0.7's src/node.js: it makes
// process an EventEmitter, gives it nextTick and its standard streams, and
// sets up the globals. It returns the two functions the loop calls.
(function (process, binding, global, require) {
  var EventEmitter = require('events').EventEmitter;
  Object.setPrototypeOf(process, EventEmitter.prototype);
  EventEmitter.call(process);
  process.EventEmitter = EventEmitter;

  // process.nextTick queues callback (with any further arguments, as later
  // Node allows) to run after the current callback, before timers and I/O.
  // The queue runs in passes, as Node 0.7 ran it (see ticks.go): a pass
  // runs the ticks queued before it began; those they queue wait for the
  // next pass.
  var ticks = [];

  process.nextTick = function (callback) {
    if (typeof callback !== 'function') {
      throw new TypeError('process.nextTick callback must be a function');
    }
    var args = null;
    if (arguments.length > 1) {
      args = Array.prototype.slice.call(arguments, 1);
    }
    if (ticks.length === 0) {
      binding.needTick();
    }
    ticks.push({ callback: callback, args: args });
  };

  // tickPass runs one pass. When a tick throws, the rest of the pass go
  // back to the front of the queue.
  function tickPass() {
    var pass = ticks;
    var i = 0;
    ticks = [];
    try {
      while (i < pass.length) {
        var tick = pass[i++];
        if (tick.args === null) {
          tick.callback();
        } else {
          tick.callback.apply(null, tick.args);
        }
      }
    } finally {
      if (i < pass.length) {
        ticks = pass.slice(i).concat(ticks);
      }
    }
  }

  // runTicks is the loop's turn of the queue: a pass, then more passes for
  // as long as ticks are queued and no timer or I/O is ready to run (they
  // would run between passes). It returns whether ticks are queued.
  function runTicks() {
    do {
      tickPass();
    } while (ticks.length > 0 && !binding.loopReady());
    return ticks.length > 0;
  }

  // invoke calls a callback from the loop with n arguments (a..h, or the
  // array a when n is more than 8: no array is made for a few), then runs
  // a pass (the I/O the loop took with this callback's may be waiting)
  // before the promise jobs that goja runs once the call returns.
  function invoke(callback, self, n, a, b, c, d, e, f, g, h) {
    var result;
    switch (n) {
      case 0: result = callback.call(self); break;
      case 1: result = callback.call(self, a); break;
      case 2: result = callback.call(self, a, b); break;
      case 3: result = callback.call(self, a, b, c); break;
      case 4: result = callback.call(self, a, b, c, d); break;
      case 5: result = callback.call(self, a, b, c, d, e); break;
      case 6: result = callback.call(self, a, b, c, d, e, f); break;
      case 7: result = callback.call(self, a, b, c, d, e, f, g); break;
      case 8: result = callback.call(self, a, b, c, d, e, f, g, h); break;
      default: result = callback.apply(self, a);
    }
    if (ticks.length > 0) {
      tickPass();
    }
    return result;
  }

  process.exitCode = undefined;

  // Signals are watched once a listener for them is added.
  process.on('newListener', function (event) {
    if (typeof event === 'string' && /^SIG[A-Z0-9]+$/.test(event)) {
      binding.watchSignal(event);
    }
  });

  // Standard streams, made on first use as in Node.
  var Stream = null;
  var util = null;
  function streamBase() {
    if (Stream === null) {
      Stream = require('stream');
      util = require('util');
      util.inherits(WriteStream, Stream);
      util.inherits(ReadStream, Stream);
      ReadStream.prototype.resume = readResume;
      ReadStream.prototype.pause = readPause;
      ReadStream.prototype.setEncoding = readSetEncoding;
      ReadStream.prototype.destroy = readDestroy;
      ReadStream.prototype.pipe = readPipe;
      WriteStream.prototype.write = writeWrite;
      WriteStream.prototype.end = writeEnd;
      WriteStream.prototype.destroy = writeDestroy;
      WriteStream.prototype.destroySoon = writeDestroy;
    }
  }

  function WriteStream(fd, write, isTTY) {
    Stream.call(this);
    this.fd = fd;
    this.writable = true;
    this.readable = false;
    this.isTTY = isTTY;
    this._isStdio = true;  // pipe() never ends stdout or stderr
    this._writeOut = write;
  }

  function writeWrite(data, encoding, callback) {
    if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    if (typeof data === 'string') {
      if (encoding && encoding !== 'utf8' && encoding !== 'utf-8') {
        data = new Buffer(data, encoding);
      }
    } else if (!Buffer.isBuffer(data)) {
      throw new TypeError('First argument must be a buffer or a string.');
    }
    this._writeOut(data);
    if (typeof callback === 'function') {
      process.nextTick(callback);
    }
    return true;
  }

  function writeEnd() {
    throw new Error('process.' + (this.fd === 1 ? 'stdout' : 'stderr') +
                    ' cannot be closed');
  }

  function writeDestroy() {
    throw new Error('process.' + (this.fd === 1 ? 'stdout' : 'stderr') +
                    ' cannot be closed');
  }

  function ReadStream() {
    Stream.call(this);
    this.fd = 0;
    this.readable = true;
    this.writable = false;
    this.paused = true;
    this.isTTY = binding.isStdinTTY;
    this._decoder = null;
    this._pending = [];
    this._ended = false;
  }

  function readDeliver(stream, chunk) {
    if (chunk === null) {
      stream.readable = false;
      if (stream._decoder !== null && stream._decoder.end) {
        var rest = stream._decoder.end();
        if (rest) {
          stream.emit('data', rest);
        }
      }
      stream.emit('end');
      stream.emit('close');
      return;
    }
    if (stream._decoder !== null) {
      var s = stream._decoder.write(chunk);
      if (s.length) {
        stream.emit('data', s);
      }
    } else {
      stream.emit('data', chunk);
    }
  }

  function readResume() {
    var self = this;
    if (!this.readable && this._pending.length === 0) {
      return;
    }
    this.paused = false;
    while (!this.paused && this._pending.length > 0) {
      readDeliver(this, this._pending.shift());
    }
    if (this.paused || this._ended) {
      return;
    }
    binding.stdinStart(function (chunk, err) {
      if (err) {
        self.readable = false;
        self.emit('error', err);
        return;
      }
      if (chunk === null) {
        self._ended = true;
      }
      if (self.paused) {
        self._pending.push(chunk);
      } else {
        readDeliver(self, chunk);
      }
    });
  }

  function readPause() {
    this.paused = true;
    binding.stdinPause();
  }

  function readSetEncoding(encoding) {
    var StringDecoder = require('string_decoder').StringDecoder;
    this._decoder = new StringDecoder(encoding);
  }

  function readDestroy() {
    this.readable = false;
    this._pending = [];
    binding.stdinPause();
  }

  function readPipe(dest, options) {
    var result = Stream.prototype.pipe.call(this, dest, options);
    this.resume();
    return result;
  }

  var stdout = null;
  var stderr = null;
  var stdin = null;
  Object.defineProperty(process, 'stdout', {
    enumerable: true, configurable: true,
    get: function () {
      if (stdout === null) {
        streamBase();
        stdout = new WriteStream(1, binding.writeOut, binding.isStdoutTTY);
        if (stdout.isTTY) {
          require('tty')._initWriteStream(stdout, 1);
        }
        binding.stdioMade(1, stdout, stdout.write); // console writes through a replaced write
      }
      return stdout;
    }
  });
  Object.defineProperty(process, 'stderr', {
    enumerable: true, configurable: true,
    get: function () {
      if (stderr === null) {
        streamBase();
        stderr = new WriteStream(2, binding.writeErr, binding.isStderrTTY);
        if (stderr.isTTY) {
          require('tty')._initWriteStream(stderr, 2);
        }
        binding.stdioMade(2, stderr, stderr.write); // console writes through a replaced write
      }
      return stderr;
    }
  });
  Object.defineProperty(process, 'stdin', {
    enumerable: true, configurable: true,
    get: function () {
      if (stdin === null) {
        streamBase();
        stdin = new ReadStream();
        if (stdin.isTTY) {
          require('tty')._initReadStream(stdin);
        }
      }
      return stdin;
    }
  });

  // process.openStdin() is 0.7's older way to read stdin (src/node.js):
  // it resumes process.stdin and returns it.
  process.openStdin = function () {
    process.stdin.resume();
    return process.stdin;
  };

  // Globals: only those Node 0.7 had are enumerable.
  var timers = require('timers');
  function defineGlobal(name, value, enumerable) {
    Object.defineProperty(global, name, {
      value: value, writable: true, configurable: true, enumerable: enumerable
    });
  }
  defineGlobal('global', global, true);
  defineGlobal('process', process, true);
  defineGlobal('Buffer', require('buffer').Buffer, true);
  defineGlobal('setTimeout', timers.setTimeout, true);
  defineGlobal('setInterval', timers.setInterval, true);
  defineGlobal('clearTimeout', timers.clearTimeout, true);
  defineGlobal('clearInterval', timers.clearInterval, true);
  defineGlobal('setImmediate', timers.setImmediate, false);
  defineGlobal('clearImmediate', timers.clearImmediate, false);
  var console = null;
  Object.defineProperty(global, 'console', {
    enumerable: true, configurable: true,
    get: function () {
      if (console === null) {
        console = require('console');
      }
      return console;
    },
    set: function (value) {
      console = value;
    }
  });

  // A child started by fork() takes the IPC channel to its parent:
  // process.send(), 'message', process.disconnect(). As in Node, the
  // variable is removed so that the child's own children do not see it.
  if (process.env.NODE_CHANNEL_FD) {
    var channelFd = parseInt(process.env.NODE_CHANNEL_FD, 10);
    delete process.env.NODE_CHANNEL_FD;
    require('child_process')._forkChild(channelFd);
  }

  return { invoke: invoke, runTicks: runTicks };
})
