'use strict';
// events: Node 0.7's EventEmitter.
//
// Listeners live in this._events, created on first use, so a subclass works
// whether or not its constructor calls EventEmitter.call(this). One listener
// is stored as the function itself; two or more as an array.

var isArray = Array.isArray;

// More listeners than this for one event print a warning (see
// setMaxListeners).
var defaultMaxListeners = 10;

function EventEmitter() {}
exports.EventEmitter = EventEmitter;

// newEvents makes the listener table. It has no prototype, so an event
// named 'constructor' or 'toString' finds no inherited function.
function newEvents() {
  return Object.create(null);
}

// An emitter with a _listenersChanged(type) method is told when its
// listeners for type (undefined: for any) change or are handed out: a
// socket whose bytes may bypass JS while only a pipe listens to it
// (net.js).
//
// An emitter's _lazyListeners, when not null, holds listeners that are not
// made yet (stream.js: those of a pipe between two sockets, which a
// connection would otherwise pay for in functions and list changes). They
// come after those in _events, in their order; lazy.listening(emitter,
// type) says whether it has some for type, lazy.emit(emitter, type, arg)
// calls them, and lazy.make() adds them to _events (and makes
// _lazyListeners null) once anyone adds a listener for that event, asks
// for the listeners or removes them all. Until then, removing a listener
// never concerns them: nobody has them.
EventEmitter.prototype._lazyListeners = null;

function makeLazy(emitter, type) {
  var lazy = emitter._lazyListeners;
  if (lazy !== null && lazy !== undefined && (type === undefined || lazy.listening(emitter, type))) {
    lazy.make();
  }
}

// _append adds a listener without 'newListener' or a warning: lazy
// listeners being made, which were added when they were given.
EventEmitter._append = function (emitter, type, listener) {
  if (!emitter._events) emitter._events = newEvents();
  var list = emitter._events[type];
  if (!list) {
    emitter._events[type] = listener;
  } else if (isArray(list)) {
    list.push(listener);
  } else {
    emitter._events[type] = [list, listener];
  }
};

EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
  if (!this._events) this._events = newEvents();
  this._maxListeners = n;
};

EventEmitter.prototype.emit = function emit(type) {
  var events = this._events;
  var lazy = this._lazyListeners;
  if (lazy !== null && lazy !== undefined && lazy.listening(this, type)) {
    return emitWithLazy(this, lazy, type, arguments);
  }

  // An 'error' nobody listens for is thrown.
  if (type === 'error') {
    var onError = events ? events.error : undefined;
    if (!onError || (isArray(onError) && onError.length === 0)) {
      if (arguments[1] instanceof Error) throw arguments[1];
      throw new Error("Uncaught, unspecified 'error' event.");
    }
  }

  if (!events) return false;
  var handler = events[type];
  if (!handler) return false;

  var argc = arguments.length;
  var args, i;

  if (typeof handler === 'function') {
    switch (argc) {
      case 1: handler.call(this); break;
      case 2: handler.call(this, arguments[1]); break;
      case 3: handler.call(this, arguments[1], arguments[2]); break;
      case 4: handler.call(this, arguments[1], arguments[2], arguments[3]);
        break;
      default:
        args = new Array(argc - 1);
        for (i = 1; i < argc; i++) args[i - 1] = arguments[i];
        handler.apply(this, args);
    }
    return true;
  }

  if (!isArray(handler)) return false;

  // Call a copy: a listener removed (or added) by an earlier listener
  // during this emit does not change who is called this time.
  var list = handler.slice();
  var n = list.length;
  switch (argc) {
    case 1:
      for (i = 0; i < n; i++) list[i].call(this);
      break;
    case 2:
      for (i = 0; i < n; i++) list[i].call(this, arguments[1]);
      break;
    case 3:
      for (i = 0; i < n; i++) list[i].call(this, arguments[1], arguments[2]);
      break;
    default:
      args = new Array(argc - 1);
      for (i = 1; i < argc; i++) args[i - 1] = arguments[i];
      for (i = 0; i < n; i++) list[i].apply(this, args);
  }
  return true;
};

// emitWithLazy is emit for an event that lazy listeners listen to: those
// in _events, then the lazy ones, all as they were when emit began.
function emitWithLazy(emitter, lazy, type, args) {
  var handler = emitter._events ? emitter._events[type] : undefined;
  var list = typeof handler === 'function' ? [handler] : isArray(handler) ? handler.slice() : [];
  var rest = Array.prototype.slice.call(args, 1);
  for (var i = 0; i < list.length; i++) {
    list[i].apply(emitter, rest);
  }
  lazy.emit(emitter, type, args[1]);
  return true;
}

EventEmitter.prototype.addListener = function addListener(type, listener) {
  if (typeof listener !== 'function') {
    throw new Error('addListener only takes instances of Function');
  }
  makeLazy(this, type);
  if (!this._events) this._events = newEvents();

  // 'newListener' goes out before the listener is added, so adding the
  // first 'newListener' listener does not call it.
  if (this._events.newListener) this.emit('newListener', type, listener);

  var events = this._events;
  var list = events[type];
  if (!list) {
    events[type] = listener;
    if (this._listenersChanged !== undefined) this._listenersChanged(type);
    return this;
  }
  if (isArray(list)) {
    list.push(listener);
  } else {
    list = events[type] = [list, listener];
  }
  if (this._listenersChanged !== undefined) this._listenersChanged(type);

  // Warn once per listener array when it grows past the limit.
  if (!list.warned) {
    var max = this._maxListeners !== undefined ?
        this._maxListeners : defaultMaxListeners;
    if (max && max > 0 && list.length > max) {
      list.warned = true;
      console.error('(node) warning: possible EventEmitter memory ' +
                    'leak detected. %d listeners added. ' +
                    'Use emitter.setMaxListeners() to increase limit.',
                    list.length);
      console.trace();
    }
  }
  return this;
};

EventEmitter.prototype.on = EventEmitter.prototype.addListener;

EventEmitter.prototype.once = function once(type, listener) {
  if (typeof listener !== 'function') {
    throw new Error('.once only takes instances of Function');
  }
  var self = this;
  // The wrapper remembers the original as .listener, so that
  // removeListener(type, listener) finds it.
  function onceWrapper() {
    self.removeListener(type, onceWrapper);
    listener.apply(this, arguments);
  }
  onceWrapper.listener = listener;
  this.on(type, onceWrapper);
  return this;
};

EventEmitter.prototype.removeListener = function removeListener(type,
                                                               listener) {
  if (typeof listener !== 'function') {
    throw new Error('removeListener only takes instances of Function');
  }
  var events = this._events;
  if (!events || !events[type]) return this;

  var list = events[type];
  if (isArray(list)) {
    var position = -1;
    for (var i = 0; i < list.length; i++) {
      if (list[i] === listener || list[i].listener === listener) {
        position = i;
        break;
      }
    }
    if (position < 0) return this;
    list.splice(position, 1);
    if (list.length === 0) delete events[type];
  } else if (list === listener || list.listener === listener) {
    delete events[type];
  } else {
    return this;
  }
  if (this._listenersChanged !== undefined) this._listenersChanged(type);
  return this;
};

EventEmitter.prototype.removeAllListeners = function removeAllListeners(type) {
  makeLazy(this, arguments.length === 0 ? undefined : type);
  if (arguments.length === 0) {
    this._events = newEvents();
    if (this._listenersChanged !== undefined) this._listenersChanged(undefined);
    return this;
  }
  if (type && this._events && this._events[type]) {
    this._events[type] = null;
    if (this._listenersChanged !== undefined) this._listenersChanged(type);
  }
  return this;
};

// listeners returns the emitter's own array for the event (made on demand),
// so changing it changes who is called, as the 0.7 docs say.
EventEmitter.prototype.listeners = function listeners(type) {
  makeLazy(this, type);
  if (!this._events) this._events = newEvents();
  var list = this._events[type];
  if (!list) {
    list = this._events[type] = [];
  } else if (!isArray(list)) {
    list = this._events[type] = [list];
  }
  // The array may be changed by the caller from now on.
  if (this._listenersChanged !== undefined) this._listenersChanged(type);
  return list;
};
