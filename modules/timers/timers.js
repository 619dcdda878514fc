// Node's timers: setTimeout, setInterval, setImmediate and their clear
// functions. The timing is Go's (one heap in the event loop); a Timeout
// object is what the script holds and what `this` is in its callback.

var TIMEOUT_MAX = 2147483647;

function checkCallback(callback) {
  if (typeof callback !== 'function') {
    throw new TypeError('callback must be a function');
  }
}

function extraArgs(args, from) {
  return args.length > from ? Array.prototype.slice.call(args, from) : null;
}

function bindArgs(callback, args) {
  if (args === null) {
    return callback;
  }
  return function () {
    return callback.apply(this, args);
  };
}

function normalize(after) {
  after = Number(after);
  if (!(after >= 1 && after <= TIMEOUT_MAX)) {
    after = 1;
  }
  return Math.floor(after);
}

function Timeout(callback, after, repeat) {
  this._idleTimeout = after;
  this._onTimeout = callback;
  this._repeat = repeat;
}

Timeout.prototype.ref = function () {
  binding.ref(this);
  return this;
};

Timeout.prototype.unref = function () {
  binding.unref(this);
  return this;
};

Timeout.prototype.hasRef = function () {
  return binding.hasRef(this);
};

// close() stops the timer and leaves it as Node 0.7's clearTimeout did
// (lib/timers.js: the callbacks dropped, unenroll()'s list links cleared and
// _idleTimeout -1, which scripts test to see that a timer is off).
Timeout.prototype.close = function () {
  binding.stop(this);
  this.ontimeout = this._onTimeout = null;
  this._idleNext = this._idlePrev = null;
  this._idleTimeout = -1;
  return this;
};

function Immediate(callback) {
  this._onImmediate = callback;
}

Immediate.prototype.ref = Timeout.prototype.ref;
Immediate.prototype.unref = Timeout.prototype.unref;
Immediate.prototype.hasRef = Timeout.prototype.hasRef;

exports.setTimeout = function (callback, after) {
  checkCallback(callback);
  var timer = new Timeout(bindArgs(callback, extraArgs(arguments, 2)), normalize(after), false);
  binding.start(timer, timer._idleTimeout, false);
  return timer;
};

exports.setInterval = function (callback, repeat) {
  checkCallback(callback);
  var timer = new Timeout(bindArgs(callback, extraArgs(arguments, 2)), normalize(repeat), true);
  binding.start(timer, timer._idleTimeout, true);
  return timer;
};

exports.clearTimeout = function (timer) {
  if (timer && typeof timer === 'object' && timer instanceof Timeout) {
    timer.close();
  }
};

exports.clearInterval = exports.clearTimeout;

exports.setImmediate = function (callback) {
  checkCallback(callback);
  var immediate = new Immediate(bindArgs(callback, extraArgs(arguments, 1)));
  binding.immediate(immediate);
  return immediate;
};

exports.clearImmediate = function (immediate) {
  if (immediate && immediate instanceof Immediate) {
    binding.stop(immediate);
  }
};
