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
  var p = new Pipe(source, dest, !dest._isStdio && (!options || options.end !== false));

  // A socket piped into a socket may keep the pipe's listeners unmade
  // until someone looks at them (net.js): they are the emitters' lazy
  // listeners (events.js) meanwhile.
  if (typeof source._canPipeLazily === 'function' && source._canPipeLazily(dest)) {
    source._lazyListeners = p;
    dest._lazyListeners = p;
  } else {
    p.make(true);
  }

  dest.emit('pipe', source);

  // A socket piped into a socket may move the bytes in Go, as ondata
  // would, for as long as ondata is its only 'data' listener (net.js).
  if (typeof source._pipeInGo === 'function') source._pipeInGo(dest, p);

  // Allows a.pipe(b).pipe(c).
  return dest;
};

// Pipe is one pipe()'s state and what its listeners do.
function Pipe(source, dest, end) {
  this.source = source;
  this.dest = dest;
  this.end = end;
  this.didOnEnd = false; // dest is ended (or destroyed) once, by whichever comes first
  this.live = true; // cleanup has not run
  this.fns = null; // the listener functions, once made
}

// The listeners pipe() adds, in the order it adds them: on the source or
// on dest, the event, the function (onend and onclose only when it ends
// dest).
var pipeListeners = [
  [true, 'data', 'ondata'], [false, 'drain', 'ondrain'],
  [true, 'end', 'onend'], [true, 'close', 'onclose'],
  [true, 'error', 'onerror'], [false, 'error', 'onerror'],
  [true, 'end', 'cleanup'], [true, 'close', 'cleanup'],
  [false, 'end', 'cleanup'], [false, 'close', 'cleanup']
];

// make makes the listener functions and adds them: with on() when pipe()
// is called, or straight into the listener tables when lazy listeners are
// made because someone looks (they were added then, for the events
// 'newListener' and the leak warning).
Pipe.prototype.make = function (withOn) {
  if (this.fns !== null || !this.live) {
    return;
  }
  var p = this;
  this.fns = {
    ondata: function ondata(chunk) { p.ondata(chunk); },
    ondrain: function ondrain() { p.ondrain(); },
    onend: function onend() { p.onend(); },
    onclose: function onclose() { p.onclose(); },
    onerror: function onerror(er) { p.onerror(this, er); },
    cleanup: function cleanup() { p.cleanup(); }
  };
  var source = this.source;
  var dest = this.dest;
  if (!withOn) {
    source._lazyListeners = null;
    dest._lazyListeners = null;
  }
  for (var i = 0; i < pipeListeners.length; i++) {
    var entry = pipeListeners[i];
    var name = entry[2];
    if (!this.end && (name === 'onend' || name === 'onclose')) {
      continue;
    }
    var emitter = entry[0] ? source : dest;
    if (withOn) {
      emitter.on(entry[1], this.fns[name]);
    } else {
      EventEmitter._append(emitter, entry[1], this.fns[name]);
    }
  }
  if (!withOn && source._listenersChanged !== undefined) {
    source._listenersChanged('data');
  }
};

Pipe.prototype.ondata = function (chunk) {
  var dest = this.dest;
  if (dest.writable) {
    if (dest.write(chunk) === false && this.source.pause) this.source.pause();
  }
};

Pipe.prototype.ondrain = function () {
  var source = this.source;
  if (source.readable && source.resume) source.resume();
};

Pipe.prototype.onend = function () {
  if (this.didOnEnd) return;
  this.didOnEnd = true;
  this.dest.end();
};

// 'close' without 'end' means the source went away early: the data is
// incomplete, so dest is destroyed rather than ended.
Pipe.prototype.onclose = function () {
  if (this.didOnEnd) return;
  this.didOnEnd = true;
  if (typeof this.dest.destroy === 'function') this.dest.destroy();
};

// An error on either side takes the pipe down; it is thrown if pipe was
// the only one listening for it.
Pipe.prototype.onerror = function (emitter, er) {
  this.cleanup();
  if (emitter.listeners('error').length === 0) {
    throw er; // Unhandled stream error in pipe.
  }
};

// cleanup removes every listener pipe added.
Pipe.prototype.cleanup = function () {
  var source = this.source;
  var dest = this.dest;
  var fns = this.fns;
  if (fns === null) {
    if (this.live) {
      this.live = false;
      release(source, this);
      release(dest, this);
    }
    return;
  }
  this.live = false;
  source.removeListener('data', fns.ondata);
  dest.removeListener('drain', fns.ondrain);

  source.removeListener('end', fns.onend);
  source.removeListener('close', fns.onclose);

  source.removeListener('error', fns.onerror);
  dest.removeListener('error', fns.onerror);

  source.removeListener('end', fns.cleanup);
  source.removeListener('close', fns.cleanup);

  dest.removeListener('end', fns.cleanup);
  dest.removeListener('close', fns.cleanup);
};

// release drops a pipe's unmade listeners from an emitter.
function release(emitter, p) {
  if (emitter._lazyListeners === p) {
    emitter._lazyListeners = null;
    if (emitter._listenersChanged !== undefined) emitter._listenersChanged(undefined);
  }
}

// The lazy listeners protocol (events.js): listening says whether the
// pipe holds listeners for type on emitter, emit calls them, in the order
// pipe() would have added them.
Pipe.prototype.listening = function (emitter, type) {
  switch (type) {
    case 'data': return emitter === this.source;
    case 'drain': return emitter === this.dest;
    case 'end': case 'close': case 'error': return true;
  }
  return false;
};

Pipe.prototype.emit = function (emitter, type, arg) {
  var onSource = emitter === this.source;
  var onDest = emitter === this.dest;
  switch (type) {
    case 'data':
      this.ondata(arg);
      break;
    case 'drain':
      this.ondrain();
      break;
    case 'end':
    case 'close':
      if (onSource) {
        if (this.end) {
          if (type === 'end') this.onend(); else this.onclose();
        }
        this.cleanup();
      }
      if (onDest) this.cleanup();
      break;
    case 'error':
      if (onSource) this.onerror(emitter, arg);
      if (onDest) this.onerror(emitter, arg);
      break;
  }
};
