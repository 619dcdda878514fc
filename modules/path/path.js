'use strict';

// Node 0.7.4's path module, POSIX flavour. Every function but exists and
// existsSync only transforms strings; the file system is never consulted.

// Resolves '.' and '..' in an array of path segments (no empty ones).
// With allowAboveRoot, '..' segments that climb above the start are kept.
function normalizeArray(parts, allowAboveRoot) {
  var out = [];
  var up = 0;
  for (var i = parts.length - 1; i >= 0; i--) {
    var part = parts[i];
    if (part === '.') {
      continue;
    }
    if (part === '..') {
      up++;
    } else if (up > 0) {
      up--;
    } else {
      out.push(part);
    }
  }
  if (allowAboveRoot) {
    for (; up > 0; up--) {
      out.push('..');
    }
  }
  return out.reverse();
}

function nonEmpty(p) {
  return p !== '';
}

var describe = require('util')._describe;

// Splits a path into [root, dir, basename, ext]. As in Node 0.7, a trailing
// slash stays part of the last portion: basename('/a/b/') is 'b/'.
var splitPathRe = /^(\/?)([\s\S]+\/(?!$)|\/)?((?:\.{1,2}$|[\s\S]+?)?(\.[^.\/]*)?)$/;

function splitPath(filename) {
  var result = splitPathRe.exec(filename);
  return [result[1] || '', result[2] || '', result[3] || '', result[4] || ''];
}

// path.resolve([from ...], to)
exports.resolve = function() {
  var resolvedPath = '';
  var resolvedAbsolute = false;

  for (var i = arguments.length - 1; i >= -1 && !resolvedAbsolute; i--) {
    var path = (i >= 0) ? arguments[i] : process.cwd();
    // Non-string and empty arguments are ignored.
    if (typeof path !== 'string' || !path) {
      continue;
    }
    resolvedPath = path + '/' + resolvedPath;
    resolvedAbsolute = path.charAt(0) === '/';
  }

  resolvedPath = normalizeArray(resolvedPath.split('/').filter(nonEmpty),
                                !resolvedAbsolute).join('/');
  return ((resolvedAbsolute ? '/' : '') + resolvedPath) || '.';
};

// path.normalize(p)
exports.normalize = function(path) {
  if (typeof path !== 'string') {
    throw new TypeError('The "path" argument must be of type string.' +
                        ' Received ' + describe(path));
  }
  var isAbsolute = path.charAt(0) === '/';
  var trailingSlash = path.substr(-1) === '/';

  path = normalizeArray(path.split('/').filter(nonEmpty), !isAbsolute).join('/');
  if (!path && !isAbsolute) {
    path = '.';
  }
  if (path && trailingSlash) {
    path += '/';
  }
  return (isAbsolute ? '/' : '') + path;
};

// path.join([path1], [path2], [...]): non-string and empty arguments are
// ignored, as the 0.7.4 documentation says (later versions throw).
exports.join = function() {
  var paths = [];
  for (var i = 0; i < arguments.length; i++) {
    if (typeof arguments[i] === 'string' && arguments[i]) {
      paths.push(arguments[i]);
    }
  }
  return exports.normalize(paths.join('/'));
};

// path.relative(from, to)
exports.relative = function(from, to) {
  var fromParts = exports.resolve(from).split('/').filter(nonEmpty);
  var toParts = exports.resolve(to).split('/').filter(nonEmpty);

  var length = Math.min(fromParts.length, toParts.length);
  var same = length;
  for (var i = 0; i < length; i++) {
    if (fromParts[i] !== toParts[i]) {
      same = i;
      break;
    }
  }

  var out = [];
  for (var j = same; j < fromParts.length; j++) {
    out.push('..');
  }
  return out.concat(toParts.slice(same)).join('/');
};

// path.dirname(p)
exports.dirname = function(path) {
  var result = splitPath(String(path));
  var root = result[0];
  var dir = result[1];
  if (!root && !dir) {
    return '.';
  }
  if (dir) {
    dir = dir.substr(0, dir.length - 1);
  }
  return root + dir;
};

// path.basename(p, [ext])
exports.basename = function(path, ext) {
  var f = splitPath(String(path))[2];
  if (ext && f.substr(-1 * ext.length) === ext) {
    f = f.substr(0, f.length - ext.length);
  }
  return f;
};

// path.extname(p)
exports.extname = function(path) {
  return splitPath(String(path))[3];
};

// path.exists and path.existsSync are Node 0.7's older names for fs.exists
// and fs.existsSync.
exports.exists = function(path, callback) {
  require('fs').exists(path, callback);
};

exports.existsSync = function(path) {
  return require('fs').existsSync(path);
};

// Used by fs and module on Windows; the identity on POSIX.
exports._makeLong = function(path) {
  return path;
};

// Additions from later Node versions.
exports.sep = '/';
exports.delimiter = ':';
