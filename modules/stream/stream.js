'use strict';
// stream: Node 0.7's Stream base class and its pipe().
//
// A Stream is an EventEmitter. By convention a readable stream has
// readable === true until it ends, errors or is destroyed, emits 'data',
// 'end', 'error' and 'close', and may have pause() and resume(); a writable
// stream has writable === true until end() or destroy(), write() returning
// false when its buffer is full, and emits 'drain' when it empties.

var EventEmitter = require('events').EventEmitter;
var util = require('util');

function Stream() {
  EventEmitter.call(this);
}
util.inherits(Stream, EventEmitter);

module.exports = Stream;
// require('stream').Stream, as in Node 0.4.
Stream.Stream = Stream;

// pipe writes everything this stream emits to dest, pausing this stream while
// dest is full, and ends dest when this stream ends (unless options.end is
// false, or dest is process.stdout or process.stderr). It returns dest.
Stream.prototype.pipe = function pipe(dest, options) {
  var source = this;

  function ondata(chunk) {
    if (dest.writable) {
      if (dest.write(chunk) === false && source.pause) source.pause();
    }
  }
  source.on('data', ondata);

  function ondrain() {
    if (source.readable && source.resume) source.resume();
  }
  dest.on('drain', ondrain);

  if (!dest._isStdio && (!options || options.end !== false)) {
    source.on('end', onend);
    source.on('close', onclose);
  }

  // dest is ended (or destroyed) once, by whichever comes first.
  var didOnEnd = false;
  function onend() {
    if (didOnEnd) return;
    didOnEnd = true;
    dest.end();
  }

  // 'close' without 'end' means the source went away early: the data is
  // incomplete, so dest is destroyed rather than ended.
  function onclose() {
    if (didOnEnd) return;
    didOnEnd = true;
    if (typeof dest.destroy === 'function') dest.destroy();
  }

  // An error on either side takes the pipe down; it is thrown if pipe was
  // the only one listening for it.
  function onerror(er) {
    cleanup();
    if (this.listeners('error').length === 0) {
      throw er; // Unhandled stream error in pipe.
    }
  }
  source.on('error', onerror);
  dest.on('error', onerror);

  // cleanup removes every listener pipe added.
  function cleanup() {
    source.removeListener('data', ondata);
    dest.removeListener('drain', ondrain);

    source.removeListener('end', onend);
    source.removeListener('close', onclose);

    source.removeListener('error', onerror);
    dest.removeListener('error', onerror);

    source.removeListener('end', cleanup);
    source.removeListener('close', cleanup);

    dest.removeListener('end', cleanup);
    dest.removeListener('close', cleanup);
  }
  source.on('end', cleanup);
  source.on('close', cleanup);
  dest.on('end', cleanup);
  dest.on('close', cleanup);

  dest.emit('pipe', source);

  // A socket piped into a socket may move the bytes in Go, as ondata
  // would, for as long as ondata is its only 'data' listener (net.js).
  if (typeof source._pipeInGo === 'function') source._pipeInGo(dest, ondata);

  // Allows a.pipe(b).pipe(c).
  return dest;
};
