'use strict';

// Node 0.7.4's zlib module. Each stream queues its writes and sends them
// one at a time to the binding, whose goroutine runs Go's compress/flate,
// gzip or zlib off the loop; the output comes back as 'data' Buffers of at
// most chunkSize bytes.

var util = require('util');
var Stream = require('stream');

// zlib.h has no limits for these; 0.7.4's lib adds them in zlib's naming.
binding.Z_MIN_WINDOWBITS = 8;
binding.Z_MAX_WINDOWBITS = 15;
binding.Z_DEFAULT_WINDOWBITS = 15;
binding.Z_MIN_CHUNK = 64;
binding.Z_MAX_CHUNK = Infinity;
binding.Z_DEFAULT_CHUNK = 16 * 1024;
binding.Z_MIN_MEMLEVEL = 1;
binding.Z_MAX_MEMLEVEL = 9;
binding.Z_DEFAULT_MEMLEVEL = 8;
binding.Z_MIN_LEVEL = -1;
binding.Z_MAX_LEVEL = 9;
binding.Z_DEFAULT_LEVEL = binding.Z_DEFAULT_COMPRESSION;

Object.keys(binding).forEach(function(k) {
  if (/^Z/.test(k)) exports[k] = binding[k];
});

// The binding's stream kinds (node_zlib.cc's modes).
var DEFLATE = 1, INFLATE = 2, GZIP = 3, GUNZIP = 4,
    DEFLATERAW = 5, INFLATERAW = 6, UNZIP = 7;

// The names of zlib's return codes, for error.code.
var codes = {
  '0': 'Z_OK', '1': 'Z_STREAM_END', '2': 'Z_NEED_DICT', '-1': 'Z_ERRNO',
  '-2': 'Z_STREAM_ERROR', '-3': 'Z_DATA_ERROR', '-4': 'Z_MEM_ERROR',
  '-5': 'Z_BUF_ERROR', '-6': 'Z_VERSION_ERROR'
};

function streamClass(name, mode) {
  var Class = function(opts) {
    if (!(this instanceof Class)) return new Class(opts);
    Zlib.call(this, opts, mode);
  };
  exports[name] = Class;
  exports['create' + name] = function(o) {
    return new Class(o);
  };
  return Class;
}

// Convenience methods: compress or decompress a string or Buffer in one
// step; callback(err, result) runs on a later turn.
function convenience(Class) {
  return function(buffer, callback) {
    zlibBuffer(new Class(), buffer, callback);
  };
}

function zlibBuffer(engine, buffer, callback) {
  var buffers = [];
  var nread = 0;

  function onError(err) {
    engine.removeListener('end', onEnd);
    engine.removeListener('error', onError);
    callback(err);
  }

  function onData(chunk) {
    buffers.push(chunk);
    nread += chunk.length;
  }

  function onEnd() {
    var result = buffers.length === 1 ? buffers[0] : new Buffer(nread);
    if (buffers.length > 1) {
      var n = 0;
      buffers.forEach(function(b) {
        b.copy(result, n, 0, b.length);
        n += b.length;
      });
    }
    callback(null, result);
  }

  engine.on('error', onError);
  engine.on('data', onData);
  engine.on('end', onEnd);
  engine.write(buffer);
  engine.end();
}

// Zlib is the stream all seven classes share: readable and writable, as
// 0.7.4's. write() returns false once a write waits behind another, and
// 'drain' follows when the queue is empty.
function Zlib(opts, mode) {
  this._opts = opts = opts || {};
  this._queue = [];
  this._processing = false;
  this._ended = false;
  this.readable = true;
  this.writable = true;

  // 0.7.4 checks only the options that are set and not 0.
  if (opts.chunkSize) {
    if (opts.chunkSize < exports.Z_MIN_CHUNK ||
        opts.chunkSize > exports.Z_MAX_CHUNK) {
      throw new Error('Invalid chunk size: ' + opts.chunkSize);
    }
  }
  if (opts.windowBits) {
    if (opts.windowBits < exports.Z_MIN_WINDOWBITS ||
        opts.windowBits > exports.Z_MAX_WINDOWBITS) {
      throw new Error('Invalid windowBits: ' + opts.windowBits);
    }
  }
  if (opts.level) {
    if (opts.level < exports.Z_MIN_LEVEL ||
        opts.level > exports.Z_MAX_LEVEL) {
      throw new Error('Invalid compression level: ' + opts.level);
    }
  }
  if (opts.memLevel) {
    if (opts.memLevel < exports.Z_MIN_MEMLEVEL ||
        opts.memLevel > exports.Z_MAX_MEMLEVEL) {
      throw new Error('Invalid memLevel: ' + opts.memLevel);
    }
  }
  if (opts.strategy) {
    if (opts.strategy != exports.Z_FILTERED &&
        opts.strategy != exports.Z_HUFFMAN_ONLY &&
        opts.strategy != exports.Z_RLE &&
        opts.strategy != exports.Z_FIXED &&
        opts.strategy != exports.Z_DEFAULT_STRATEGY) {
      throw new Error('Invalid strategy: ' + opts.strategy);
    }
  }
  if (opts.dictionary) {
    if (!Buffer.isBuffer(opts.dictionary)) {
      throw new Error('Invalid dictionary: it should be a Buffer instance');
    }
  }

  // As in 0.7.4, a level of 0 counts as unset. windowBits and memLevel
  // have no Go counterpart (see the README).
  this._handle = binding.open(mode,
                              opts.level || exports.Z_DEFAULT_COMPRESSION,
                              opts.strategy || exports.Z_DEFAULT_STRATEGY,
                              opts.dictionary || null);
  this._chunkSize = opts.chunkSize || exports.Z_DEFAULT_CHUNK;
}
util.inherits(Zlib, Stream);

// write(chunk, [encoding], [callback]); 0.7.4 took write(chunk, callback).
Zlib.prototype.write = function write(chunk, encoding, cb) {
  if (this._ended) {
    return this.emit('error', new Error('Cannot write after end'));
  }
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = undefined;
  }
  if (arguments.length === 1 && typeof chunk === 'function') {
    cb = chunk;
    chunk = null;
  }
  if (!chunk) {
    chunk = null;
  } else if (typeof chunk === 'string') {
    chunk = new Buffer(chunk, encoding);
  } else if (!Buffer.isBuffer(chunk)) {
    return this.emit('error', new Error('Invalid argument'));
  }
  return this._queueWrite(chunk, exports.Z_NO_FLUSH, cb);
};

Zlib.prototype._queueWrite = function(chunk, flush, cb) {
  var empty = this._queue.length === 0;
  this._queue.push([chunk, flush, cb]);
  this._process();
  if (!empty) this._needDrain = true;
  return empty;
};

// flush([callback]) makes the output so far decodable (Z_SYNC_FLUSH).
Zlib.prototype.flush = function flush(cb) {
  if (this._ended) {
    return this.emit('error', new Error('Cannot write after end'));
  }
  return this._queueWrite(null, exports.Z_SYNC_FLUSH, cb);
};

// reset() starts the stream over, its settings kept.
Zlib.prototype.reset = function reset() {
  return this._handle.reset();
};

// end([chunk], [encoding], [callback]): the last write finishes the
// stream (Z_FINISH) and 'end' follows its output.
Zlib.prototype.end = function end(chunk, encoding, cb) {
  var self = this;
  if (typeof chunk === 'function') {
    cb = chunk;
    chunk = null;
  } else if (typeof encoding === 'function') {
    cb = encoding;
    encoding = undefined;
  }
  this._ending = true;
  var ret = this.write(chunk, encoding, function() {
    self.emit('end');
    if (cb) cb();
  });
  this._ended = true;
  return ret;
};

Zlib.prototype._process = function() {
  if (this._processing || this._paused || this._hadError || this._destroyed) {
    return;
  }
  if (this._queue.length === 0) {
    if (this._needDrain) {
      this._needDrain = false;
      this.emit('drain');
    }
    return;
  }

  var req = this._queue.shift();
  var flush = req[1];
  if (this._ending && this._queue.length === 0) flush = exports.Z_FINISH;

  var self = this;
  this._processing = true;
  this._handle.write(req[0], flush, function(message, errno, out) {
    self._processing = false;
    if (self._destroyed) return;
    if (out) self._emitData(out);
    if (message !== null) return self._error(message, errno);
    if (req[2]) req[2]();
    self._process();
  });
};

// _emitData emits out in slices of at most chunkSize bytes, as 0.7.4's
// output buffer of chunkSize bytes gave them.
Zlib.prototype._emitData = function(out) {
  var size = this._chunkSize;
  if (out.length <= size) return this.emit('data', out);
  for (var off = 0; off < out.length && !this._destroyed; off += size) {
    this.emit('data', out.slice(off, Math.min(off + size, out.length)));
  }
};

// _error emits zlib's error as Node builds it: message, errno and code.
// The stream cannot go on after it.
Zlib.prototype._error = function(message, errno) {
  this._hadError = true;
  this._queue = [];
  this._handle.close();
  var error = new Error(message);
  error.errno = errno;
  error.code = codes[errno];
  this.emit('error', error);
};

// pause() stops sending queued writes to the binding (a write in flight
// still emits its data), as 0.7.4's did; resume() goes on.
Zlib.prototype.pause = function() {
  this._paused = true;
  this.emit('pause');
};

Zlib.prototype.resume = function() {
  this._paused = false;
  this._process();
};

// destroy() is not in 0.7.4's zlib: it drops the queue, stops the
// binding's goroutine, and emits 'close', as other 0.7 streams do, so
// that a stream given up mid-way releases what it holds.
Zlib.prototype.destroy = function() {
  if (this._destroyed) return;
  this._destroyed = true;
  this.readable = false;
  this.writable = false;
  this._queue = [];
  this._handle.close();
  var self = this;
  process.nextTick(function() {
    self.emit('close');
  });
};

var Deflate = streamClass('Deflate', DEFLATE);
var Inflate = streamClass('Inflate', INFLATE);
var Gzip = streamClass('Gzip', GZIP);
var Gunzip = streamClass('Gunzip', GUNZIP);
var DeflateRaw = streamClass('DeflateRaw', DEFLATERAW);
var InflateRaw = streamClass('InflateRaw', INFLATERAW);
var Unzip = streamClass('Unzip', UNZIP);
[Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip]
    .forEach(function(C) { util.inherits(C, Zlib); });

exports.deflate = convenience(Deflate);
exports.gzip = convenience(Gzip);
exports.deflateRaw = convenience(DeflateRaw);
exports.unzip = convenience(Unzip);
exports.inflate = convenience(Inflate);
exports.gunzip = convenience(Gunzip);
exports.inflateRaw = convenience(InflateRaw);
