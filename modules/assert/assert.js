'use strict';

// Node 0.7.4's assert module: functions that throw an AssertionError when a
// condition does not hold.

var assert = module.exports = ok;

// new assert.AssertionError({ message: message, actual: actual,
//                             expected: expected, operator: operator })
function AssertionError(options) {
  options = options || {};
  this.name = 'AssertionError';
  this.message = options.message ||
    defaultMessage(options.actual, options.operator, options.expected);
  this.actual = options.actual;
  this.expected = options.expected;
  this.operator = options.operator;
  // Not enumerable, like the stack V8 gives errors.
  Object.defineProperty(this, 'stack', {
    value: captureStack(this),
    enumerable: false,
    writable: true,
    configurable: true
  });
}
AssertionError.prototype = Object.create(Error.prototype, {
  constructor: {
    value: AssertionError,
    enumerable: false,
    writable: true,
    configurable: true
  }
});
assert.AssertionError = AssertionError;

AssertionError.prototype.toString = function() {
  if (this.message) {
    return this.name + ': ' + this.message;
  }
  return this.name + ': ' + defaultMessage(this.actual, this.operator, this.expected);
};

// How 0.7 showed values in messages: JSON, with undefined, NaN, Infinity,
// functions and regular expressions written as their string forms.
function replacer(key, value) {
  if (value === undefined) {
    return '' + value;
  }
  if (typeof value === 'number' && !isFinite(value)) {
    return value.toString();
  }
  if (typeof value === 'function' || value instanceof RegExp) {
    return value.toString();
  }
  return value;
}

function show(value) {
  var s;
  try {
    s = JSON.stringify(value, replacer);
  } catch (e) {
    // A cycle, for instance.
    s = String(value);
  }
  if (typeof s === 'string' && s.length > 128) {
    s = s.slice(0, 128);
  }
  return s;
}

function defaultMessage(actual, operator, expected) {
  return show(actual) + ' ' + operator + ' ' + show(expected);
}

// goja has no Error.captureStackTrace: take the stack of a fresh Error, drop
// its first line and the frames inside this module, and put the error's own
// description on top, as V8 does.
function captureStack(err) {
  var stack = new Error().stack;
  if (typeof stack !== 'string') {
    return undefined;
  }
  var lines = stack.split('\n');
  var i = 1;
  while (i < lines.length && /[( ]assert\.js:\d/.test(lines[i])) {
    i++;
  }
  return [err.toString()].concat(lines.slice(i)).join('\n').replace(/\n+$/, '');
}

// assert.fail(actual, expected, message, operator)
function fail(actual, expected, message, operator) {
  throw new AssertionError({
    message: message,
    actual: actual,
    expected: expected,
    operator: operator
  });
}
assert.fail = fail;

// assert(value, message), assert.ok(value, [message])
function ok(value, message) {
  if (!value) {
    fail(value, true, message, '==');
  }
}
assert.ok = ok;

// assert.equal(actual, expected, [message])
assert.equal = function equal(actual, expected, message) {
  if (actual != expected) {
    fail(actual, expected, message, '==');
  }
};

// assert.notEqual(actual, expected, [message])
assert.notEqual = function notEqual(actual, expected, message) {
  if (actual == expected) {
    fail(actual, expected, message, '!=');
  }
};

// assert.deepEqual(actual, expected, [message])
assert.deepEqual = function deepEqual(actual, expected, message) {
  if (!deepEq(actual, expected)) {
    fail(actual, expected, message, 'deepEqual');
  }
};

// assert.notDeepEqual(actual, expected, [message])
assert.notDeepEqual = function notDeepEqual(actual, expected, message) {
  if (deepEq(actual, expected)) {
    fail(actual, expected, message, 'notDeepEqual');
  }
};

// assert.strictEqual(actual, expected, [message])
assert.strictEqual = function strictEqual(actual, expected, message) {
  if (actual !== expected) {
    fail(actual, expected, message, '===');
  }
};

// assert.notStrictEqual(actual, expected, [message])
assert.notStrictEqual = function notStrictEqual(actual, expected, message) {
  if (actual === expected) {
    fail(actual, expected, message, '!==');
  }
};

// Node 0.7's deep equality: identical values are equal; Buffers compare
// byte by byte, Dates by time; two values that are not objects compare
// with ==; objects compare by their own enumerable keys and the values under
// them (and by their 'prototype' property), arguments objects as arrays.
function deepEq(actual, expected) {
  if (actual === expected) {
    return true;
  }
  if (Buffer.isBuffer(actual) && Buffer.isBuffer(expected)) {
    if (actual.length !== expected.length) {
      return false;
    }
    for (var i = 0; i < actual.length; i++) {
      if (actual[i] !== expected[i]) {
        return false;
      }
    }
    return true;
  }
  if (actual instanceof Date && expected instanceof Date) {
    return actual.getTime() === expected.getTime();
  }
  if (typeof actual !== 'object' && typeof expected !== 'object') {
    return actual == expected;
  }
  return objEquiv(actual, expected);
}

function isArguments(object) {
  return Object.prototype.toString.call(object) === '[object Arguments]';
}

function isObject(value) {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

function objEquiv(a, b) {
  // Object.keys threw for primitives in 0.7's V8, which made them unequal to
  // any object.
  if (!isObject(a) || !isObject(b)) {
    return false;
  }
  if (a.prototype !== b.prototype) {
    return false;
  }
  if (isArguments(a)) {
    if (!isArguments(b)) {
      return false;
    }
    return deepEq(Array.prototype.slice.call(a), Array.prototype.slice.call(b));
  }
  var ka = Object.keys(a);
  var kb = Object.keys(b);
  if (ka.length !== kb.length) {
    return false;
  }
  ka.sort();
  kb.sort();
  var i;
  for (i = ka.length - 1; i >= 0; i--) {
    if (ka[i] !== kb[i]) {
      return false;
    }
  }
  for (i = ka.length - 1; i >= 0; i--) {
    if (!deepEq(a[ka[i]], b[ka[i]])) {
      return false;
    }
  }
  return true;
}

// Whether the thrown value matches what throws() was told to expect: a
// RegExp tested against it, a constructor it is an instance of, or a
// validation function that returns true for it.
function expectedException(actual, expected) {
  if (!actual || !expected) {
    return false;
  }
  if (expected instanceof RegExp) {
    return expected.test(actual);
  }
  if (actual instanceof expected) {
    return true;
  }
  return expected.call({}, actual) === true;
}

function checkThrows(shouldThrow, block, expected, message) {
  var actual;

  if (typeof expected === 'string') {
    message = expected;
    expected = null;
  }

  try {
    block();
  } catch (e) {
    actual = e;
  }

  message = (expected && expected.name ? ' (' + expected.name + ').' : '.') +
            (message ? ' ' + message : '.');

  if (shouldThrow && !actual) {
    fail(actual, expected, 'Missing expected exception' + message);
  }
  if (!shouldThrow && expectedException(actual, expected)) {
    fail(actual, expected, 'Got unwanted exception' + message);
  }
  if ((shouldThrow && actual && expected && !expectedException(actual, expected)) ||
      (!shouldThrow && actual)) {
    throw actual;
  }
}

// assert.throws(block, [error], [message])
assert.throws = function throws(block, error, message) {
  checkThrows(true, block, error, message);
};

// assert.doesNotThrow(block, [error], [message])
assert.doesNotThrow = function doesNotThrow(block, error, message) {
  checkThrows(false, block, error, message);
};

// assert.ifError(value): throws value if it is truthy.
assert.ifError = function ifError(err) {
  if (err) {
    throw err;
  }
};
