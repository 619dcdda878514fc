'use strict';

// Node 0.7.4's querystring module. parse() and stringify() reach escape,
// unescape and unescapeBuffer through exports, so that a script can
// replace them, as the documentation says.

var QueryString = exports;

// A key of an object is looked up with Object.prototype's method, so that
// a query with a 'hasOwnProperty' key still parses.
var hasOwn = Object.prototype.hasOwnProperty;

// The value of a hexadecimal digit's char code, or -1.
function hexValue(code) {
  if (code >= 48 && code <= 57) {
    return code - 48;
  }
  if (code >= 65 && code <= 70) {
    return code - 55;
  }
  if (code >= 97 && code <= 102) {
    return code - 87;
  }
  return -1;
}

// unescapeBuffer(s, [decodeSpaces]): the bytes of s with %XX escapes
// decoded and, with decodeSpaces, '+' as a space. Like 0.7.4 it never
// throws: an escape that is not two hex digits is kept as written (its
// characters are not read again, so '%%41' stays '%%41'), and each other
// character becomes one byte, its char code modulo 256.
QueryString.unescapeBuffer = function(s, decodeSpaces) {
  var out = new Buffer(s.length);
  var n = 0;
  for (var i = 0; i < s.length; i++) {
    var code = s.charCodeAt(i);
    if (code === 37 /* % */) {
      var high = i + 1 < s.length ? hexValue(s.charCodeAt(i + 1)) : -1;
      var low = i + 2 < s.length ? hexValue(s.charCodeAt(i + 2)) : -1;
      if (high >= 0 && low >= 0) {
        out[n++] = high * 16 + low;
        i += 2;
        continue;
      }
      // Copy the '%' and the characters of the broken escape as they are.
      var end = Math.min(high >= 0 ? i + 3 : i + 2, s.length);
      for (; i < end; i++) {
        out[n++] = s.charCodeAt(i);
      }
      i--;
      continue;
    }
    if (code === 43 /* + */ && decodeSpaces) {
      code = 32;
    }
    out[n++] = code;
  }
  return out.slice(0, n);
};

// unescape(s, [decodeSpaces]): unescapeBuffer's bytes as UTF-8 text.
QueryString.unescape = function(s, decodeSpaces) {
  return QueryString.unescapeBuffer(s, decodeSpaces).toString();
};

// escape(str): encodeURIComponent.
QueryString.escape = function(str) {
  return encodeURIComponent(str);
};

// What stringify writes for a value: strings as they are, booleans as
// 'true'/'false', finite numbers, and '' for anything else (objects,
// null, NaN, functions).
function primitive(v) {
  switch (typeof v) {
    case 'string':
      return v;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return isFinite(v) ? v : '';
    default:
      return '';
  }
}

function pair(key, value, eq) {
  return QueryString.escape(primitive(key)) + eq +
         QueryString.escape(primitive(value));
}

// stringify(obj, [sep], [eq]): 'key=value' pairs of obj's own enumerable
// keys joined with sep; an array value gives one pair per element. A
// primitive obj gives '' unless a name is passed as a fourth argument.
QueryString.stringify = QueryString.encode = function(obj, sep, eq, name) {
  sep = sep || '&';
  eq = eq || '=';
  if (obj === null) {
    obj = undefined;
  }
  if (typeof obj !== 'object') {
    return name ? pair(name, obj, eq) : '';
  }
  return Object.keys(obj).map(function(key) {
    var value = obj[key];
    if (Array.isArray(value)) {
      return value.map(function(v) {
        return pair(key, v, eq);
      }).join(sep);
    }
    return pair(key, value, eq);
  }).join(sep);
};

// [decodeURIComponent(key), decodeURIComponent(value)], or null when one
// of them is not valid percent-encoded UTF-8.
function decodeBoth(key, value) {
  try {
    return [decodeURIComponent(key), decodeURIComponent(value)];
  } catch (e) {
    return null;
  }
}

// parse(str, [sep], [eq], [options]): an object of the pairs in str; a
// key seen again makes its value an array. options.maxKeys (1000 by
// default, 0 or less for no limit) caps the pieces read. Each piece is
// decoded with decodeURIComponent, or with unescape (decoding '+' as a
// space) when it holds a '+' or is not valid percent-encoded UTF-8.
QueryString.parse = QueryString.decode = function(qs, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';
  var obj = {};
  var maxKeys = 1000;
  if (options && typeof options.maxKeys === 'number') {
    maxKeys = options.maxKeys;
  }
  if (typeof qs !== 'string' || qs.length === 0) {
    return obj;
  }
  var pieces = qs.split(sep);
  if (maxKeys > 0 && pieces.length > maxKeys) {
    pieces = pieces.slice(0, maxKeys);
  }
  for (var i = 0; i < pieces.length; i++) {
    var piece = pieces[i];
    var parts = piece.split(eq);
    var key = parts[0];
    var value = parts.length === 1 ? '' :
                parts.length === 2 ? parts[1] : parts.slice(1).join(eq);
    // decodeURIComponent leaves a piece without '%' as it is.
    if (piece.indexOf('+') !== -1 || piece.indexOf('%') !== -1) {
      var decoded = piece.indexOf('+') === -1 && decodeBoth(key, value);
      if (decoded) {
        key = decoded[0];
        value = decoded[1];
      } else {
        key = QueryString.unescape(key, true);
        value = QueryString.unescape(value, true);
      }
    }
    if (!hasOwn.call(obj, key)) {
      obj[key] = value;
    } else if (Array.isArray(obj[key])) {
      obj[key].push(value);
    } else {
      obj[key] = [obj[key], value];
    }
  }
  return obj;
};
