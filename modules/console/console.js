'use strict';
// Node 0.7.4's console module. Every method makes one write per call (to a
// file or a TTY synchronously; to a pipe the runtime queues it, in order:
// runtime/stdio.go; through process.stdout.write or process.stderr.write
// once a script has replaced it, as Node's console calls them), and none
// of them needs `this`, so `var log = console.log` works.

var util = require('util');

function writeOut(str) {
  binding.writeOut(str);
}

function writeErr(str) {
  binding.writeErr(str);
}

exports.log = function() {
  writeOut(util.format.apply(null, arguments) + '\n');
};

exports.info = exports.log;

exports.warn = function() {
  writeErr(util.format.apply(null, arguments) + '\n');
};

exports.error = exports.warn;

// dir(obj) prints util.inspect(obj) to stdout, as Node 0.7 did (its docs
// said stderr).
exports.dir = function(object) {
  writeOut(util.inspect(object) + '\n');
};

var times = Object.create(null);

exports.time = function(label) {
  times[label] = Date.now();
};

// timeEnd(label) logs 'label: 12ms' through console.log.
exports.timeEnd = function(label) {
  var time = times[label];
  if (!time) {
    throw new Error('No such label: ' + label);
  }
  var duration = Date.now() - time;
  exports.log('%s: %dms', label, duration);
};

// trace(label) prints 'Trace: label' and the caller's stack to stderr,
// through console.error.
exports.trace = function(label) {
  var message = label || '';
  var header = message === '' ? 'Trace' : 'Trace: ' + message;
  // Drop the new Error's own first line and the frame of trace itself.
  var frames = String(new Error().stack).split('\n').slice(2);
  var lines = [header];
  frames.forEach(function(frame) {
    if (/^\s*at /.test(frame)) {
      lines.push(frame.replace(/^\s*at /, '    at ')
                      .replace(/:(\d+):(\d+)\(\d+\)/, ':$1:$2'));
    }
  });
  exports.error(lines.join('\n'));
};

// assert(expression, [message...]) is assert.ok(expression, message) with
// the message put together by util.format.
exports.assert = function(expression) {
  if (expression) return;
  var args = Array.prototype.slice.call(arguments, 1);
  var message = util.format.apply(null, args);
  var assert = null;
  try {
    assert = require('assert');
  } catch (e) {
    // No assert module: throw an equivalent error below.
  }
  if (assert && typeof assert.ok === 'function') {
    assert.ok(false, message);
  }
  var err = new Error(message);
  err.name = 'AssertionError';
  err.actual = false;
  err.expected = true;
  err.operator = '==';
  throw err;
};
