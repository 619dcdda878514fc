'use strict';
// Node 0.7.4's util module: format, inspect, the type checks, inherits, pump
// and the synchronous print helpers. inspect() prints what Node 0.7 printed
// (not what today's Node prints): see js-tests/util for the differences.

var formatRegExp = /%[sdj%]/g;

// format(f, ...) is printf-like: %s String, %d Number, %j JSON, %% a percent
// sign. A placeholder without an argument left is kept as it is (so is %%,
// as in Node 0.7). Extra arguments follow, separated by spaces: objects
// inspected, everything else converted to a string.
exports.format = function(f) {
  var i;
  if (typeof f !== 'string') {
    var objects = [];
    for (i = 0; i < arguments.length; i++) {
      objects.push(inspect(arguments[i]));
    }
    return objects.join(' ');
  }

  i = 1;
  var args = arguments;
  var len = args.length;
  // Without a '%' there is nothing to replace (the common console.log).
  var str = f.indexOf('%') === -1 ? f : f.replace(formatRegExp, function(x) {
    if (i >= len) return x;
    switch (x) {
      case '%s': return String(args[i++]);
      case '%d': return String(Number(args[i++]));
      case '%j': return jsonOrCircular(args[i++]);
      case '%%': return '%';
      default: return x;
    }
  });
  for (var x = args[i]; i < len; x = args[++i]) {
    if (x === null || typeof x !== 'object') {
      str += ' ' + String(x);
    } else {
      str += ' ' + inspect(x);
    }
  }
  return str;
};

// Node 0.7 let JSON.stringify throw on a circular structure; like later
// Node versions we print '[Circular]' instead.
function jsonOrCircular(value) {
  try {
    return String(JSON.stringify(value));
  } catch (err) {
    if (err instanceof TypeError && /circular/i.test(err.message)) {
      return '[Circular]';
    }
    throw err;
  }
}


// Output. Each call is one write, synchronous, of whole lines, so that it
// interleaves with console.log, and with other processes on the same pipe,
// by whole calls, and nothing is lost at exit. Once a script has replaced
// process.stdout.write (or stderr's), it is called as 0.7.4 called it, an
// argument at a time (console.go).

exports.print = function() {
  var i, len = arguments.length;
  if (binding.replaced(1)) {
    for (i = 0; i < len; ++i) {
      binding.writeOut(String(arguments[i]));
    }
    return;
  }
  var out = '';
  for (i = 0; i < len; ++i) {
    out += String(arguments[i]);
  }
  binding.writeOut(out);
};

exports.puts = function() {
  linesTo(1, arguments);
};

exports.debug = function(x) {
  binding.writeErr('DEBUG: ' + x + '\n');
};

exports.error = function() {
  linesTo(2, arguments);
};

// linesTo writes each argument as a line ('\n' added with +, as 0.7.4: an
// object's valueOf first) to stdout (1) or stderr (2).
function linesTo(fd, args) {
  var write = fd === 1 ? binding.writeOut : binding.writeErr;
  var i, len = args.length;
  if (binding.replaced(fd)) {
    for (i = 0; i < len; ++i) {
      write(args[i] + '\n');
    }
    return;
  }
  var out = '';
  for (i = 0; i < len; ++i) {
    out += args[i] + '\n';
  }
  write(out);
}


// inspect(obj, [showHidden], [depth], [colors]) returns a string
// representation of obj. depth defaults to 2; null means no limit.
function inspect(obj, showHidden, depth, colors) {
  var ctx = {
    showHidden: showHidden,
    seen: [],
    stylize: colors ? stylizeWithColor : stylizeNoColor
  };
  return formatValue(ctx, obj, (typeof depth === 'undefined' ? 2 : depth));
}
exports.inspect = inspect;

// ANSI escape codes: [start, end].
var colorCodes = {
  bold: [1, 22],
  italic: [3, 23],
  underline: [4, 24],
  inverse: [7, 27],
  white: [37, 39],
  grey: [90, 39],
  black: [30, 39],
  blue: [34, 39],
  cyan: [36, 39],
  green: [32, 39],
  magenta: [35, 39],
  red: [31, 39],
  yellow: [33, 39]
};

// Which color each kind of value gets. Property names stay plain.
var styles = {
  special: 'cyan',
  number: 'yellow',
  'boolean': 'yellow',
  'undefined': 'grey',
  'null': 'bold',
  string: 'green',
  date: 'magenta',
  regexp: 'red'
};

function stylizeWithColor(str, styleType) {
  var style = styles[styleType];
  if (!style) return str;
  var codes = colorCodes[style];
  return '\u001b[' + codes[0] + 'm' + str + '\u001b[' + codes[1] + 'm';
}

function stylizeNoColor(str) {
  return str;
}

function formatValue(ctx, value, recurseTimes) {
  // An object may say how it is inspected (Buffers do), unless it is the
  // util module itself or a prototype object.
  if (value && typeof value.inspect === 'function' &&
      value.inspect !== inspect &&
      !(value.constructor && value.constructor.prototype === value)) {
    return value.inspect(recurseTimes);
  }

  var primitive = formatPrimitive(ctx, value);
  if (primitive) {
    return primitive;
  }

  var visibleKeys = Object.keys(value);
  var keys = ctx.showHidden ? Object.getOwnPropertyNames(value) : visibleKeys;

  // Objects without properties that have a short form.
  if (keys.length === 0) {
    if (typeof value === 'function') {
      return ctx.stylize(functionName(value), 'special');
    }
    if (isRegExp(value)) {
      return ctx.stylize(RegExp.prototype.toString.call(value), 'regexp');
    }
    // A bare date is its toString(), in local time; a date with
    // properties shows toUTCString() before them (0.7.4's lib/util.js).
    if (isDate(value)) {
      return ctx.stylize(Date.prototype.toString.call(value), 'date');
    }
    if (isError(value)) {
      return formatError(value);
    }
  }

  var base = '';
  var array = false;
  var braces = ['{', '}'];

  if (isArray(value)) {
    array = true;
    braces = ['[', ']'];
  }
  if (typeof value === 'function') {
    base = ' ' + functionName(value);
  }
  if (isRegExp(value)) {
    base = ' ' + RegExp.prototype.toString.call(value);
  }
  if (isDate(value)) {
    base = ' ' + Date.prototype.toUTCString.call(value);
  }
  if (isError(value)) {
    base = ' ' + formatError(value);
  }

  if (keys.length === 0 && (!array || value.length === 0)) {
    return braces[0] + base + braces[1];
  }

  if (recurseTimes < 0) {
    if (isRegExp(value)) {
      return ctx.stylize(RegExp.prototype.toString.call(value), 'regexp');
    }
    return ctx.stylize('[Object]', 'special');
  }

  ctx.seen.push(value);
  var output;
  if (array) {
    output = formatArray(ctx, value, recurseTimes, visibleKeys, keys);
  } else {
    output = keys.map(function(key) {
      return formatProperty(ctx, value, recurseTimes, visibleKeys, key, false);
    });
  }
  ctx.seen.pop();

  return reduceToSingleString(output, base, braces);
}

function formatPrimitive(ctx, value) {
  switch (typeof value) {
    case 'undefined':
      return ctx.stylize('undefined', 'undefined');
    case 'string':
      // JSON's escapes, in single quotes.
      var simple = '\'' + JSON.stringify(value).replace(/^"|"$/g, '')
                                               .replace(/'/g, '\\\'')
                                               .replace(/\\"/g, '"') + '\'';
      return ctx.stylize(simple, 'string');
    case 'number':
      // '' + -0 is '0', as Node 0.7 printed it.
      return ctx.stylize('' + value, 'number');
    case 'boolean':
      return ctx.stylize('' + value, 'boolean');
    case 'symbol':
      return ctx.stylize(String(value), 'special');
    case 'bigint':
      return ctx.stylize(String(value) + 'n', 'number');
  }
  if (value === null) {
    return ctx.stylize('null', 'null');
  }
}

function functionName(fn) {
  return '[Function' + (fn.name ? ': ' + fn.name : '') + ']';
}

function formatError(value) {
  return '[' + Error.prototype.toString.call(value) + ']';
}

// Array elements in order, '' for each hole, then the other properties.
function formatArray(ctx, value, recurseTimes, visibleKeys, keys) {
  var output = [];
  for (var i = 0, l = value.length; i < l; ++i) {
    if (Object.prototype.hasOwnProperty.call(value, String(i))) {
      output.push(formatProperty(ctx, value, recurseTimes, visibleKeys,
                                 String(i), true));
    } else {
      output.push('');
    }
  }
  keys.forEach(function(key) {
    if (!/^\d+$/.test(key)) {
      output.push(formatProperty(ctx, value, recurseTimes, visibleKeys,
                                 key, true));
    }
  });
  return output;
}

function formatProperty(ctx, value, recurseTimes, visibleKeys, key, array) {
  var name, str;
  var desc = Object.getOwnPropertyDescriptor(value, key) ||
             { value: value[key] };
  if (desc.get) {
    str = ctx.stylize(desc.set ? '[Getter/Setter]' : '[Getter]', 'special');
  } else if (desc.set) {
    str = ctx.stylize('[Setter]', 'special');
  }
  if (visibleKeys.indexOf(key) < 0) {
    name = '[' + key + ']';
  }
  if (!str) {
    if (ctx.seen.indexOf(desc.value) < 0) {
      str = String(formatValue(ctx, desc.value,
                               recurseTimes === null ? null : recurseTimes - 1));
      if (str.indexOf('\n') > -1) {
        if (array) {
          str = str.split('\n').map(function(line) {
            return '  ' + line;
          }).join('\n').substr(2);
        } else {
          str = '\n' + str.split('\n').map(function(line) {
            return '   ' + line;
          }).join('\n');
        }
      }
    } else {
      str = ctx.stylize('[Circular]', 'special');
    }
  }
  if (name === undefined) {
    if (array && /^\d+$/.test(key)) {
      return str;
    }
    name = JSON.stringify('' + key);
    if (/^"([a-zA-Z_][a-zA-Z_0-9]*)"$/.test(name)) {
      name = ctx.stylize(name.substr(1, name.length - 2), 'name');
    } else {
      name = name.replace(/'/g, '\\\'')
                 .replace(/\\"/g, '"')
                 .replace(/(^"|"$)/g, '\'');
      name = ctx.stylize(name, 'string');
    }
  }
  return name + ': ' + str;
}

// One line if the entries are short (60 characters, counting one separator
// each), else one entry per line.
function reduceToSingleString(output, base, braces) {
  var length = output.reduce(function(prev, cur) {
    return prev + cur.length + 1;
  }, 0);

  if (length > 60) {
    return braces[0] +
           (base === '' ? '' : base + '\n ') +
           ' ' +
           output.join(',\n  ') +
           ' ' +
           braces[1];
  }
  return braces[0] + base + ' ' + output.join(', ') + ' ' + braces[1];
}


// Type checks by internal class, not instanceof, so that objects from other
// contexts count and Object.create() fakes do not.

function objectToString(o) {
  return Object.prototype.toString.call(o);
}

function isArray(ar) {
  return Array.isArray(ar) ||
         (typeof ar === 'object' && objectToString(ar) === '[object Array]');
}
exports.isArray = isArray;

function isRegExp(re) {
  return typeof re === 'object' && objectToString(re) === '[object RegExp]';
}
exports.isRegExp = isRegExp;

function isDate(d) {
  return typeof d === 'object' && objectToString(d) === '[object Date]';
}
exports.isDate = isDate;

function isError(e) {
  return typeof e === 'object' && objectToString(e) === '[object Error]';
}
exports.isError = isError;


function pad(n) {
  return n < 10 ? '0' + n : String(n);
}

var months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep',
              'Oct', 'Nov', 'Dec'];

// '26 Feb 16:19:34', local time.
function timestamp() {
  var d = new Date();
  var time = [pad(d.getHours()), pad(d.getMinutes()), pad(d.getSeconds())];
  return [d.getDate(), months[d.getMonth()], time.join(':')].join(' ');
}

// log(msg) prints msg with a timestamp to stdout, through util.puts.
exports.log = function(msg) {
  exports.puts(timestamp() + ' - ' + msg.toString());
};


// debuglog(section) is later Node's: for a section that NODE_DEBUG names
// (a comma-separated list, '*' a wildcard, any case: NODE_DEBUG=tls,net),
// a function that prints its format()ed arguments to stderr as
// 'SECTION pid: message'; for any other, a function that does nothing, so
// that a disabled debug line costs a call and no formatting. NODE_DEBUG is
// read at the first call.
var debugSections = null;
var debugLogs = {};
exports.debuglog = function(section) {
  section = String(section).toUpperCase();
  if (debugSections === null) {
    var names = process.env.NODE_DEBUG || '';
    debugSections = new RegExp('^(' + names.replace(/[|\\{}()[\]^$+?.]/g, '\\$&')
      .replace(/\*/g, '.*').replace(/,/g, '|') + ')$', 'i');
  }
  if (!(section in debugLogs)) {
    if (debugSections.test(section)) {
      var prefix = section + ' ' + process.pid + ': ';
      debugLogs[section] = function() {
        binding.writeErr(prefix + exports.format.apply(exports, arguments) + '\n');
      };
    } else {
      debugLogs[section] = function() {};
    }
  }
  return debugLogs[section];
};


// pump(readable, writable, [callback]) sends readable's data to writable,
// pausing readable while writable is full. callback(err) runs once: when
// readable closes, or on the first error of either stream.
exports.pump = function(readStream, writeStream, callback) {
  var callbackCalled = false;

  function call(err) {
    if (callback && !callbackCalled) {
      callbackCalled = true;
      callback(err);
    }
  }

  readStream.addListener('data', function(chunk) {
    if (writeStream.write(chunk) === false) readStream.pause();
  });
  writeStream.addListener('drain', function() {
    readStream.resume();
  });
  readStream.addListener('end', function() {
    writeStream.end();
  });
  readStream.addListener('close', function() {
    call();
  });
  readStream.addListener('error', function(err) {
    writeStream.end();
    call(err);
  });
  writeStream.addListener('error', function(err) {
    readStream.destroy();
    call(err);
  });
};


// inherits(ctor, superCtor) makes ctor.prototype a new object whose
// prototype is superCtor.prototype (replacing the old one, as Node 0.7 did),
// with a non-enumerable constructor, and sets ctor.super_.
exports.inherits = function(ctor, superCtor) {
  ctor.super_ = superCtor;
  ctor.prototype = Object.create(superCtor.prototype, {
    constructor: {
      value: ctor,
      enumerable: false,
      writable: true,
      configurable: true
    }
  });
};

// _describe(value) names a wrong argument the way later Node versions do in
// their TypeErrors ("Received type number (5)"), for path and
// string_decoder. It is not enumerable: util's visible surface stays 0.7's.
Object.defineProperty(exports, '_describe', {
  value: function describe(value) {
    if (value === null || value === undefined) {
      return String(value);
    }
    if (typeof value === 'function') {
      return 'function ' + (value.name || '<anonymous>');
    }
    if (typeof value === 'object') {
      var ctor = value.constructor;
      return ctor && ctor.name ? 'an instance of ' + ctor.name : 'an object';
    }
    return 'type ' + typeof value + ' (' + String(value) + ')';
  }
});
