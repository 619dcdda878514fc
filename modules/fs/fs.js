'use strict';
// Node 0.7.4's fs module. The system calls are in the Go binding (fs.go);
// each binding function works synchronously, or on a goroutine when its last
// argument is a callback. Octal literals are not allowed in strict mode:
// modes are written in decimal with the octal value beside them.

var util = require('util');
var EventEmitter = require('events').EventEmitter;
var Stream = require('stream');
if (typeof Stream.Stream === 'function') Stream = Stream.Stream;

var fs = exports;

function noop() {}

// A missing callback is allowed: Node 0.7 used a no-op in its place.
function maybeCallback(cb) {
  return typeof cb === 'function' ? cb : noop;
}

// For calls with optional arguments the callback is the last argument.
function lastCallback(args) {
  return maybeCallback(args[args.length - 1]);
}

// fs.Stats: the binding makes these, with dev, ino, mode, nlink, uid, gid,
// rdev, size, blksize, blocks, atime, mtime and ctime in that order.
function Stats() {}
fs.Stats = binding.Stats = Stats;

Stats.prototype._checkModeProperty = function(type) {
  return (this.mode & binding.S_IFMT) === type;
};

Stats.prototype.isDirectory = function() {
  return this._checkModeProperty(binding.S_IFDIR);
};

Stats.prototype.isFile = function() {
  return this._checkModeProperty(binding.S_IFREG);
};

Stats.prototype.isBlockDevice = function() {
  return this._checkModeProperty(binding.S_IFBLK);
};

Stats.prototype.isCharacterDevice = function() {
  return this._checkModeProperty(binding.S_IFCHR);
};

Stats.prototype.isSymbolicLink = function() {
  return this._checkModeProperty(binding.S_IFLNK);
};

Stats.prototype.isFIFO = function() {
  return this._checkModeProperty(binding.S_IFIFO);
};

Stats.prototype.isSocket = function() {
  return this._checkModeProperty(binding.S_IFSOCK);
};

// open(2) flags for the strings fs.open accepts; numbers pass through.
function stringToFlags(flag) {
  if (typeof flag !== 'string') return flag;
  var O_CREAT = binding.O_CREAT, O_TRUNC = binding.O_TRUNC,
      O_APPEND = binding.O_APPEND, O_EXCL = binding.O_EXCL,
      O_WRONLY = binding.O_WRONLY, O_RDWR = binding.O_RDWR;
  switch (flag) {
    case 'r': return binding.O_RDONLY;
    case 'r+': return O_RDWR;
    case 'w': return O_TRUNC | O_CREAT | O_WRONLY;
    case 'wx': return O_TRUNC | O_CREAT | O_WRONLY | O_EXCL;
    case 'w+': return O_TRUNC | O_CREAT | O_RDWR;
    case 'wx+': return O_TRUNC | O_CREAT | O_RDWR | O_EXCL;
    case 'a': return O_APPEND | O_CREAT | O_WRONLY;
    case 'ax': return O_APPEND | O_CREAT | O_WRONLY | O_EXCL;
    case 'a+': return O_APPEND | O_CREAT | O_RDWR;
    case 'ax+': return O_APPEND | O_CREAT | O_RDWR | O_EXCL;
  }
  throw new Error('Unknown file open flag: ' + flag);
}

// A mode is a number, or a string of octal digits.
function modeNum(m, def) {
  if (typeof m === 'number') return m;
  if (typeof m === 'string') return parseInt(m, 8);
  return def;
}

// utimes takes seconds since the epoch, or Dates.
function toUnixTimestamp(time) {
  if (typeof time === 'number') return time;
  if (time instanceof Date) return time.getTime() / 1000;
  throw new Error('Cannot parse time: ' + time);
}
fs._toUnixTimestamp = toUnixTimestamp;

fs.open = function(path, flags, mode, callback) {
  callback = lastCallback(arguments);
  binding.open(path, stringToFlags(flags), modeNum(mode, 438 /*=0666*/),
               callback);
};

fs.openSync = function(path, flags, mode) {
  return binding.open(path, stringToFlags(flags),
                      modeNum(mode, 438 /*=0666*/));
};

fs.close = function(fd, callback) {
  binding.close(fd, maybeCallback(callback));
};

fs.closeSync = function(fd) {
  return binding.close(fd);
};

fs.read = function(fd, buffer, offset, length, position, callback) {
  if (!Buffer.isBuffer(buffer)) {
    // The older string form: (fd, length, position, encoding, callback),
    // calling back with (err, string, bytesRead).
    var cb = arguments[4];
    var encoding = arguments[3];
    position = arguments[2];
    length = arguments[1];
    buffer = new Buffer(length);
    offset = 0;
    callback = function(err, bytesRead) {
      if (typeof cb !== 'function') return;
      var str = bytesRead > 0 ? buffer.toString(encoding, 0, bytesRead) : '';
      cb(err, str, bytesRead);
    };
  }
  binding.read(fd, buffer, offset, length, position, function(err, n) {
    if (typeof callback === 'function') callback(err, n || 0, buffer);
  });
};

fs.readSync = function(fd, buffer, offset, length, position) {
  if (Buffer.isBuffer(buffer)) {
    return binding.read(fd, buffer, offset, length, position);
  }
  // The older string form: (fd, length, position, encoding) returns
  // [string, bytesRead].
  var encoding = arguments[3];
  position = arguments[2];
  length = arguments[1];
  buffer = new Buffer(length);
  var n = binding.read(fd, buffer, 0, length, position);
  return [n > 0 ? buffer.toString(encoding, 0, n) : '', n];
};

fs.write = function(fd, buffer, offset, length, position, callback) {
  if (!Buffer.isBuffer(buffer)) {
    // The string form: (fd, data, position, encoding, callback).
    callback = arguments[4];
    position = arguments[2];
    buffer = new Buffer('' + arguments[1], arguments[3]);
    offset = 0;
    length = buffer.length;
  }
  if (!length) {
    if (typeof callback === 'function') {
      process.nextTick(function() { callback(undefined, 0); });
    }
    return;
  }
  binding.write(fd, buffer, offset, length, position, function(err, n) {
    if (typeof callback === 'function') callback(err, n || 0, buffer);
  });
};

fs.writeSync = function(fd, buffer, offset, length, position) {
  if (!Buffer.isBuffer(buffer)) {
    // The string form: (fd, data, position, encoding).
    position = arguments[2];
    buffer = new Buffer('' + arguments[1], arguments[3]);
    offset = 0;
    length = buffer.length;
  }
  if (!length) return 0;
  return binding.write(fd, buffer, offset, length, position);
};

fs.rename = function(oldPath, newPath, callback) {
  binding.rename(oldPath, newPath, maybeCallback(callback));
};

fs.renameSync = function(oldPath, newPath) {
  return binding.rename(oldPath, newPath);
};

// Node 0.7 truncates a file descriptor; a path (as later versions allow)
// works too, and len may be left out.
fs.truncate = function(fd, len, callback) {
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  if (typeof fd === 'string') {
    binding.truncate(fd, len, maybeCallback(callback));
  } else {
    binding.ftruncate(fd, len, maybeCallback(callback));
  }
};

fs.truncateSync = function(fd, len) {
  if (typeof fd === 'string') return binding.truncate(fd, len);
  return binding.ftruncate(fd, len);
};

fs.ftruncate = function(fd, len, callback) {
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  binding.ftruncate(fd, len, maybeCallback(callback));
};

fs.ftruncateSync = function(fd, len) {
  return binding.ftruncate(fd, len);
};

fs.rmdir = function(path, callback) {
  binding.rmdir(path, maybeCallback(callback));
};

fs.rmdirSync = function(path) {
  return binding.rmdir(path);
};

fs.fdatasync = function(fd, callback) {
  binding.fdatasync(fd, maybeCallback(callback));
};

fs.fdatasyncSync = function(fd) {
  return binding.fdatasync(fd);
};

fs.fsync = function(fd, callback) {
  binding.fsync(fd, maybeCallback(callback));
};

fs.fsyncSync = function(fd) {
  return binding.fsync(fd);
};

fs.mkdir = function(path, mode, callback) {
  if (typeof mode === 'function') callback = mode;
  binding.mkdir(path, modeNum(mode, 511 /*=0777*/), maybeCallback(callback));
};

fs.mkdirSync = function(path, mode) {
  return binding.mkdir(path, modeNum(mode, 511 /*=0777*/));
};

fs.readdir = function(path, callback) {
  binding.readdir(path, maybeCallback(callback));
};

fs.readdirSync = function(path) {
  return binding.readdir(path);
};

fs.fstat = function(fd, callback) {
  binding.fstat(fd, maybeCallback(callback));
};

fs.lstat = function(path, callback) {
  binding.lstat(path, maybeCallback(callback));
};

fs.stat = function(path, callback) {
  binding.stat(path, maybeCallback(callback));
};

fs.fstatSync = function(fd) {
  return binding.fstat(fd);
};

fs.lstatSync = function(path) {
  return binding.lstat(path);
};

fs.statSync = function(path) {
  return binding.stat(path);
};

fs.readlink = function(path, callback) {
  binding.readlink(path, maybeCallback(callback));
};

fs.readlinkSync = function(path) {
  return binding.readlink(path);
};

// type ('dir' or 'file') only matters on Windows.
fs.symlink = function(destination, path, type, callback) {
  callback = lastCallback(arguments);
  binding.symlink(destination, path, typeof type === 'string' ? type : null,
                  callback);
};

fs.symlinkSync = function(destination, path, type) {
  return binding.symlink(destination, path,
                         typeof type === 'string' ? type : null);
};

fs.link = function(srcpath, dstpath, callback) {
  binding.link(srcpath, dstpath, maybeCallback(callback));
};

fs.linkSync = function(srcpath, dstpath) {
  return binding.link(srcpath, dstpath);
};

fs.unlink = function(path, callback) {
  binding.unlink(path, maybeCallback(callback));
};

fs.unlinkSync = function(path) {
  return binding.unlink(path);
};

fs.fchmod = function(fd, mode, callback) {
  binding.fchmod(fd, modeNum(mode), maybeCallback(callback));
};

fs.fchmodSync = function(fd, mode) {
  return binding.fchmod(fd, modeNum(mode));
};

fs.chmod = function(path, mode, callback) {
  binding.chmod(path, modeNum(mode), maybeCallback(callback));
};

fs.chmodSync = function(path, mode) {
  return binding.chmod(path, modeNum(mode));
};

// lchmod is missing, as in Node 0.7 on Linux, which cannot change the mode
// of a symbolic link.

fs.lchown = function(path, uid, gid, callback) {
  binding.lchown(path, uid, gid, maybeCallback(callback));
};

fs.lchownSync = function(path, uid, gid) {
  return binding.lchown(path, uid, gid);
};

fs.fchown = function(fd, uid, gid, callback) {
  binding.fchown(fd, uid, gid, maybeCallback(callback));
};

fs.fchownSync = function(fd, uid, gid) {
  return binding.fchown(fd, uid, gid);
};

fs.chown = function(path, uid, gid, callback) {
  binding.chown(path, uid, gid, maybeCallback(callback));
};

fs.chownSync = function(path, uid, gid) {
  return binding.chown(path, uid, gid);
};

// Node 0.7 called the utimes callbacks with no arguments on success.
function utimesCallback(callback) {
  callback = maybeCallback(callback);
  return function(err) {
    if (err) callback(err);
    else callback();
  };
}

fs.utimes = function(path, atime, mtime, callback) {
  binding.utimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime),
                 utimesCallback(callback));
};

fs.utimesSync = function(path, atime, mtime) {
  binding.utimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime));
};

fs.futimes = function(fd, atime, mtime, callback) {
  binding.futimes(fd, toUnixTimestamp(atime), toUnixTimestamp(mtime),
                  utimesCallback(callback));
};

fs.futimesSync = function(fd, atime, mtime) {
  binding.futimes(fd, toUnixTimestamp(atime), toUnixTimestamp(mtime));
};

// realpath(path, [cache], callback): cache, if given, maps paths to
// results already known, and learns the new one.
fs.realpath = function(p, cache, callback) {
  if (typeof callback !== 'function') {
    callback = maybeCallback(cache);
    cache = null;
  }
  if (cache && Object.prototype.hasOwnProperty.call(cache, p)) {
    var known = cache[p];
    return process.nextTick(function() { callback(null, known); });
  }
  binding.realpath(p, function(err, resolved) {
    if (err) return callback(err);
    if (cache) cache[p] = resolved;
    callback(null, resolved);
  });
};

fs.realpathSync = function(p, cache) {
  if (cache && Object.prototype.hasOwnProperty.call(cache, p)) {
    return cache[p];
  }
  var resolved = binding.realpath(p);
  if (cache) cache[p] = resolved;
  return resolved;
};

fs.exists = function(path, callback) {
  binding.stat(path, function(err) {
    if (typeof callback === 'function') callback(err ? false : true);
  });
};

fs.existsSync = function(path) {
  try {
    binding.stat(path);
    return true;
  } catch (e) {
    return false;
  }
};

// readFile(filename, [encoding], [callback]): a Buffer, or a string when an
// encoding is given.
fs.readFile = function(path, encoding) {
  if (typeof encoding !== 'string') encoding = null;
  var callback = lastCallback(arguments);
  binding.readFile(path, function(err, buffer) {
    if (err) return callback(err);
    if (encoding) {
      try {
        buffer = buffer.toString(encoding);
      } catch (er) {
        return callback(er);
      }
    }
    callback(null, buffer);
  });
};

fs.readFileSync = function(path, encoding) {
  var buffer = binding.readFile(path);
  return encoding ? buffer.toString(encoding) : buffer;
};

function toBuffer(data, encoding) {
  if (Buffer.isBuffer(data)) return data;
  return new Buffer('' + data, typeof encoding === 'string' ? encoding : 'utf8');
}

var writeFlags = stringToFlags('w');
var appendFlags = stringToFlags('a');

fs.writeFile = function(path, data, encoding, callback) {
  callback = lastCallback(arguments);
  binding.writeFile(path, toBuffer(data, encoding), writeFlags,
                    438 /*=0666*/, callback);
};

fs.writeFileSync = function(path, data, encoding) {
  binding.writeFile(path, toBuffer(data, encoding), writeFlags, 438 /*=0666*/);
};

fs.appendFile = function(path, data, encoding, callback) {
  callback = lastCallback(arguments);
  binding.writeFile(path, toBuffer(data, encoding), appendFlags,
                    438 /*=0666*/, callback);
};

fs.appendFileSync = function(path, data, encoding) {
  binding.writeFile(path, toBuffer(data, encoding), appendFlags,
                    438 /*=0666*/);
};


// watchFile: a StatWatcher per file name, shared by every listener.

function StatWatcher() {
  EventEmitter.call(this);
  this._stop = null;
}
util.inherits(StatWatcher, EventEmitter);
fs.StatWatcher = StatWatcher;

StatWatcher.prototype.start = function(filename, persistent, interval) {
  var self = this;
  this._stop = binding.watchStat(filename, persistent, function(cur, prev) {
    self.emit('change', cur, prev);
  });
};

StatWatcher.prototype.stop = function() {
  if (!this._stop) return;
  this._stop();
  this._stop = null;
  this.emit('stop');
};

var statWatchers = {};

fs.watchFile = function(filename) {
  var options, listener;
  if (typeof arguments[1] === 'object' && arguments[1] !== null) {
    options = arguments[1];
    listener = arguments[2];
  } else {
    options = {};
    listener = arguments[1];
  }
  if (!listener) throw new Error('watchFile requires a listener function');
  var persistent = options.persistent === undefined ? true : options.persistent;
  var interval = options.interval === undefined ? 0 : options.interval;

  var watcher;
  if (Object.prototype.hasOwnProperty.call(statWatchers, filename)) {
    watcher = statWatchers[filename];
  } else {
    watcher = statWatchers[filename] = new StatWatcher();
    watcher.start(filename, persistent, interval);
  }
  watcher.addListener('change', listener);
  return watcher;
};

fs.unwatchFile = function(filename) {
  if (Object.prototype.hasOwnProperty.call(statWatchers, filename)) {
    var watcher = statWatchers[filename];
    delete statWatchers[filename];
    watcher.stop();
  }
};


// fs.watch: an FSWatcher emitting 'change' (event, filename).

function FSWatcher() {
  EventEmitter.call(this);
  this._stop = null;
}
util.inherits(FSWatcher, EventEmitter);
fs.FSWatcher = FSWatcher;

FSWatcher.prototype.start = function(filename, persistent) {
  var self = this;
  this._stop = binding.watchPath(filename, persistent, function(event, name) {
    self.emit('change', event, name);
  });
};

FSWatcher.prototype.close = function() {
  if (!this._stop) return;
  this._stop();
  this._stop = null;
};

fs.watch = function(filename) {
  var options, listener;
  if (typeof arguments[1] === 'object' && arguments[1] !== null) {
    options = arguments[1];
    listener = arguments[2];
  } else {
    options = {};
    listener = arguments[1];
  }
  if (!listener) throw new Error('watch requires a listener function');
  var persistent = options.persistent === undefined ? true : options.persistent;

  var watcher = new FSWatcher();
  watcher.start(filename, persistent);
  watcher.addListener('change', listener);
  return watcher;
};


// fs.ReadStream: a readable Stream over a file, read on goroutines a chunk
// of bufferSize bytes at a time. Reading stops while paused.

fs.createReadStream = function(path, options) {
  return new ReadStream(path, options);
};

function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  Stream.call(this);

  var self = this;
  this.path = path;
  this.fd = null;
  this.readable = true;
  this.paused = false;

  this.flags = 'r';
  this.mode = 438; /*=0666*/
  this.bufferSize = 64 * 1024;

  options = options || {};
  Object.keys(options).forEach(function(key) {
    self[key] = options[key];
  });

  if (this.encoding) this.setEncoding(this.encoding);

  if (this.start !== undefined || this.end !== undefined) {
    if (this.start === undefined) this.start = 0;
    if (typeof this.start !== 'number') {
      throw new TypeError('start must be a Number');
    }
    if (this.end === undefined) {
      this.end = Infinity;
    } else if (typeof this.end !== 'number') {
      throw new TypeError('end must be a Number');
    }
    if (this.start > this.end) {
      throw new Error('start must be <= end');
    }
    this.pos = this.start;
  }

  if (this.fd !== null && this.fd !== undefined) {
    this._read();
    return;
  }
  this.fd = null;

  fs.open(this.path, this.flags, this.mode, function(err, fd) {
    if (err) {
      self.readable = false;
      self.emit('error', err);
      return;
    }
    self.fd = fd;
    self.emit('open', fd);
    self._read();
  });
}
util.inherits(ReadStream, Stream);
fs.ReadStream = ReadStream;
fs.FileReadStream = ReadStream; // the older name

ReadStream.prototype.setEncoding = function(encoding) {
  var StringDecoder = require('string_decoder').StringDecoder;
  this._decoder = new StringDecoder(encoding);
};

ReadStream.prototype._read = function() {
  var self = this;
  if (!this.readable || this.paused || this.reading) return;

  var toRead = ~~this.bufferSize;
  if (this.pos !== undefined) {
    toRead = Math.min(this.end - this.pos + 1, toRead);
  }
  if (toRead <= 0) {
    this._ended();
    return;
  }

  this.reading = true;
  var position = this.pos === undefined ? null : this.pos;
  if (this.pos !== undefined) this.pos += toRead;

  binding.readChunk(this.fd, toRead, position, function(err, chunk) {
    self.reading = false;
    if (!self.readable) return; // destroyed meanwhile
    if (err) {
      self.readable = false;
      fs.close(self.fd, function() {
        self.fd = null;
        self.emit('error', err);
      });
      return;
    }
    if (chunk.length === 0) {
      self._ended();
      return;
    }
    if (self.paused) {
      self._pausedData = chunk;
      return;
    }
    self._emitData(chunk);
    self._read();
  });
};

// _ended emits 'end' (once not paused) and closes the file.
ReadStream.prototype._ended = function() {
  if (this.paused) {
    this._pausedEnd = true;
    return;
  }
  this.emit('end');
  this.destroy();
};

ReadStream.prototype._emitData = function(chunk) {
  if (this._decoder) {
    var string = this._decoder.write(chunk);
    if (string.length) this.emit('data', string);
  } else {
    this.emit('data', chunk);
  }
};

ReadStream.prototype.destroy = function(cb) {
  if (!this.readable) {
    if (cb) process.nextTick(function() { cb(null); });
    return;
  }
  this.readable = false;
  closeStream(this, cb);
};

// closeStream closes a stream's fd once it is open, then emits 'close' (or
// 'error'), calling cb either way.
function closeStream(stream, cb) {
  function close() {
    fs.close(stream.fd, function(err) {
      if (err) {
        if (cb) cb(err);
        stream.emit('error', err);
        return;
      }
      if (cb) cb(null);
      stream.emit('close');
    });
  }

  if (stream.fd === null) {
    stream.addListener('open', close);
  } else {
    close();
  }
}

ReadStream.prototype.pause = function() {
  this.paused = true;
};

ReadStream.prototype.resume = function() {
  this.paused = false;
  if (this._pausedData) {
    var chunk = this._pausedData;
    this._pausedData = null;
    this._emitData(chunk);
  }
  if (this.paused || !this.readable) return;
  if (this._pausedEnd) {
    this._pausedEnd = false;
    this._ended();
    return;
  }
  if (this.fd === null) return; // not open yet; reading starts on 'open'
  this._read();
};


// fs.WriteStream: a writable Stream over a file. Opening, every write and
// the final close go through one queue, one at a time. write() returns false
// (the data is queued) and 'drain' follows when the queue is empty.

fs.createWriteStream = function(path, options) {
  return new WriteStream(path, options);
};

function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  Stream.call(this);

  var self = this;
  this.path = path;
  this.fd = null;
  this.writable = true;

  this.flags = 'w';
  this.encoding = null;
  this.mode = 438; /*=0666*/
  this.bytesWritten = 0;

  options = options || {};
  Object.keys(options).forEach(function(key) {
    self[key] = options[key];
  });

  if (this.start !== undefined) {
    if (typeof this.start !== 'number') {
      throw new TypeError('start must be a Number');
    }
    if (this.start < 0) {
      throw new Error('start must be >= zero');
    }
    this.pos = this.start;
  }

  this.busy = false;
  this._queue = [];

  if (this.fd === null || this.fd === undefined) {
    this.fd = null;
    this._queue.push({ op: 'open' });
    this.flush();
  }
}
util.inherits(WriteStream, Stream);
fs.WriteStream = WriteStream;
fs.FileWriteStream = WriteStream; // the older name

// flush starts the next queued operation unless one is under way.
WriteStream.prototype.flush = function() {
  if (this.busy) return;
  var self = this;
  var item = this._queue.shift();
  if (!item) {
    if (this.drainable) this.emit('drain');
    return;
  }
  this.busy = true;

  function done(err, result) {
    self.busy = false;
    if (err) {
      self.writable = false;
      if (item.cb) item.cb(err);
      self.emit('error', err);
      return;
    }
    if (item.op === 'open') {
      self.fd = result;
      self.emit('open', result);
    } else if (item.op === 'write') {
      self.bytesWritten += result;
      if (item.cb) item.cb(null, result);
    } else {
      if (item.cb) item.cb(null);
      self.emit('close');
      return;
    }
    self.flush();
  }

  if (item.op === 'open') {
    fs.open(this.path, this.flags, this.mode, done);
  } else if (item.op === 'write') {
    fs.write(this.fd, item.data, 0, item.data.length, item.pos, done);
  } else {
    fs.close(this.fd, done);
  }
};

// write(data, [encoding], [callback])
WriteStream.prototype.write = function(data) {
  if (!this.writable) {
    this.emit('error', new Error('stream not writable'));
    return false;
  }
  this.drainable = true;

  var cb;
  if (typeof arguments[arguments.length - 1] === 'function') {
    cb = arguments[arguments.length - 1];
  }
  if (!Buffer.isBuffer(data)) {
    var encoding = 'utf8';
    if (typeof arguments[1] === 'string') encoding = arguments[1];
    else if (typeof this.encoding === 'string') encoding = this.encoding;
    data = new Buffer('' + data, encoding);
  }

  this._queue.push({ op: 'write', data: data, pos: this.pos, cb: cb });
  if (this.pos !== undefined) this.pos += data.length;
  this.flush();
  return false;
};

// end([data], [encoding], [callback])
WriteStream.prototype.end = function(data, encoding, cb) {
  if (typeof data === 'function') {
    cb = data;
  } else if (typeof encoding === 'function') {
    cb = encoding;
    this.write(data);
  } else if (arguments.length > 0) {
    this.write(data, encoding);
  }
  this.writable = false;
  this._queue.push({ op: 'close', cb: cb });
  this.flush();
};

WriteStream.prototype.destroy = function(cb) {
  this.writable = false;
  this._queue = [];
  closeStream(this, cb);
};

// There is no shutdown for files: finish the queue, then close.
WriteStream.prototype.destroySoon = WriteStream.prototype.end;
