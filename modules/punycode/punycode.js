'use strict';

// Node 0.7.4's punycode module: Punycode.js 0.3.0's API over RFC 3492
// (Bootstring with Punycode's parameters). url.parse() uses encode() for
// host names with non-ASCII labels. Errors are RangeErrors with 0.3.0's
// messages.

var BASE = 36;
var T_MIN = 1;
var T_MAX = 26;
var SKEW = 38;
var DAMP = 700;
var INITIAL_BIAS = 72;
var INITIAL_N = 128;
var DELIMITER = '-';
var MAX_INT = 2147483647; // the largest value the integer arithmetic may reach

var messages = {
  'overflow': 'Overflow: input needs wider integers to process.',
  'ucs2decode': 'UCS-2(decode): illegal sequence',
  'ucs2encode': 'UCS-2(encode): illegal value',
  'not-basic': 'Illegal input >= 0x80 (not a basic code point)',
  'invalid-input': 'Invalid input'
};

function fail(kind) {
  throw new RangeError(messages[kind]);
}

function isSurrogate(unit) {
  return (unit & 0xF800) === 0xD800;
}

// ucs2.decode(string): the string's code points, surrogate pairs joined.
// A lone surrogate is an error, as in 0.3.0.
function ucs2decode(string) {
  var points = [];
  var i = 0;
  while (i < string.length) {
    var unit = string.charCodeAt(i++);
    if (isSurrogate(unit)) {
      var low = string.charCodeAt(i++);
      if ((unit & 0xFC00) !== 0xD800 || (low & 0xFC00) !== 0xDC00) {
        fail('ucs2decode');
      }
      unit = ((unit & 0x3FF) << 10) + (low & 0x3FF) + 0x10000;
    }
    points.push(unit);
  }
  return points;
}

// ucs2.encode(codePoints): the string of those code points. A surrogate
// code point is an error, as in 0.3.0.
function ucs2encode(points) {
  var out = '';
  for (var i = 0; i < points.length; i++) {
    var point = points[i];
    if (isSurrogate(point)) {
      fail('ucs2encode');
    }
    if (point > 0xFFFF) {
      point -= 0x10000;
      out += String.fromCharCode(point >>> 10 & 0x3FF | 0xD800);
      point = 0xDC00 | point & 0x3FF;
    }
    out += String.fromCharCode(point);
  }
  return out;
}

// The digit value of a basic code point, or BASE for none. As in 0.3.0,
// the comparisons are signed, so code points below '0' also yield digits.
function digitOf(code) {
  if (code - 48 < 10) {
    return code - 22;
  }
  if (code - 65 < 26) {
    return code - 65;
  }
  if (code - 97 < 26) {
    return code - 97;
  }
  return BASE;
}

// The lower-case basic code point for a digit: a-z for 0-25, 0-9 for 26-35.
function digitChar(digit) {
  return String.fromCharCode(digit < 26 ? digit + 97 : digit + 22);
}

// RFC 3492 section 6.1.
function adapt(delta, numPoints, firstTime) {
  delta = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  delta += Math.floor(delta / numPoints);
  var k = 0;
  while (delta > ((BASE - T_MIN) * T_MAX) >> 1) {
    delta = Math.floor(delta / (BASE - T_MIN));
    k += BASE;
  }
  return Math.floor(k + (BASE - T_MIN + 1) * delta / (delta + SKEW));
}

// The threshold t for position k with the current bias.
function threshold(k, bias) {
  if (k <= bias) {
    return T_MIN;
  }
  if (k >= bias + T_MAX) {
    return T_MAX;
  }
  return k - bias;
}

// decode(input): the Unicode string a Punycode string stands for
// (RFC 3492 section 6.2).
function decode(input) {
  var output = [];
  var basic = input.lastIndexOf(DELIMITER);
  if (basic < 0) {
    basic = 0;
  }
  for (var j = 0; j < basic; j++) {
    if (input.charCodeAt(j) >= 0x80) {
      fail('not-basic');
    }
    output.push(input.charCodeAt(j));
  }

  var n = INITIAL_N;
  var bias = INITIAL_BIAS;
  var i = 0;
  var pos = basic > 0 ? basic + 1 : 0;
  while (pos < input.length) {
    var oldi = i;
    var w = 1;
    for (var k = BASE; ; k += BASE) {
      if (pos >= input.length) {
        fail('invalid-input');
      }
      var digit = digitOf(input.charCodeAt(pos++));
      if (digit >= BASE || digit > Math.floor((MAX_INT - i) / w)) {
        fail('overflow');
      }
      i += digit * w;
      var t = threshold(k, bias);
      if (digit < t) {
        break;
      }
      if (w > Math.floor(MAX_INT / (BASE - t))) {
        fail('overflow');
      }
      w *= BASE - t;
    }
    var count = output.length + 1;
    bias = adapt(i - oldi, count, oldi === 0);
    if (Math.floor(i / count) > MAX_INT - n) {
      fail('overflow');
    }
    n += Math.floor(i / count);
    i %= count;
    output.splice(i++, 0, n);
  }
  return ucs2encode(output);
}

// encode(input): the Punycode string for a Unicode string (RFC 3492
// section 6.3). The basic code points come first, followed by '-' when
// there are any: encode('abc') is 'abc-'.
function encode(input) {
  var points = ucs2decode(input);
  var output = '';
  for (var j = 0; j < points.length; j++) {
    if (points[j] < 0x80) {
      output += String.fromCharCode(points[j]);
    }
  }
  var basicLength = output.length;
  var handled = basicLength;
  if (basicLength > 0) {
    output += DELIMITER;
  }

  var n = INITIAL_N;
  var delta = 0;
  var bias = INITIAL_BIAS;
  while (handled < points.length) {
    var m = MAX_INT;
    for (j = 0; j < points.length; j++) {
      if (points[j] >= n && points[j] < m) {
        m = points[j];
      }
    }
    if (m - n > Math.floor((MAX_INT - delta) / (handled + 1))) {
      fail('overflow');
    }
    delta += (m - n) * (handled + 1);
    n = m;
    for (j = 0; j < points.length; j++) {
      if (points[j] < n && ++delta > MAX_INT) {
        fail('overflow');
      }
      if (points[j] === n) {
        var q = delta;
        for (var k = BASE; ; k += BASE) {
          var t = threshold(k, bias);
          if (q < t) {
            break;
          }
          output += digitChar(t + (q - t) % (BASE - t));
          q = Math.floor((q - t) / (BASE - t));
        }
        output += digitChar(q);
        bias = adapt(delta, handled + 1, handled === basicLength);
        delta = 0;
        handled++;
      }
    }
    delta++;
    n++;
  }
  return output;
}

// Applies fn to each dot-separated label of domain, last label first (the
// order 0.3.0 uses, which decides the error a name with two bad labels
// throws). The split is by regular expression because goja's split with a
// string separator turns lone surrogates into U+FFFD.
function mapLabels(domain, fn) {
  var labels = domain.split(/\./);
  for (var i = labels.length - 1; i >= 0; i--) {
    labels[i] = fn(labels[i]);
  }
  return labels.join('.');
}

// toUnicode(domain): decodes the labels that start with 'xn--'.
function toUnicode(domain) {
  return mapLabels(domain, function(label) {
    return /^xn--/.test(label) ? decode(label.slice(4).toLowerCase()) : label;
  });
}

// toASCII(domain): encodes the labels that hold anything but printable
// ASCII, with the 'xn--' prefix.
function toASCII(domain) {
  return mapLabels(domain, function(label) {
    return /[^ -~]/.test(label) ? 'xn--' + encode(label) : label;
  });
}

exports.version = '0.3.0';
exports.ucs2 = { decode: ucs2decode, encode: ucs2encode };
exports.decode = decode;
exports.encode = encode;
exports.toASCII = toASCII;
exports.toUnicode = toUnicode;
