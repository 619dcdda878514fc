'use strict';

// Node 0.7.4's dns module. lookup() is getaddrinfo's job there and the
// other functions are c-ares queries; here Go's resolver does both, in the
// binding, off the loop. The callback always runs on a later turn.

var isIP = require('net').isIP;

// errnoException is 0.7.4's: message "syscall CODE", code and errno both
// the code string.
function errnoException(code, syscall) {
  var e = new Error(syscall + ' ' + code);
  e.errno = e.code = code;
  e.syscall = syscall;
  return e;
}

function checkName(name, what) {
  if (typeof name !== 'string') {
    throw new TypeError(what + ' must be a string');
  }
}

function checkCallback(callback) {
  if (typeof callback !== 'function') {
    throw new TypeError('callback must be a function');
  }
}

// lookup(domain, [family,] callback)
exports.lookup = function(domain, family, callback) {
  if (arguments.length === 2) {
    callback = family;
    family = 0;
  } else if (!family) {
    family = 0;
  } else {
    family = +family;
    if (family !== 4 && family !== 6) {
      throw new Error('invalid argument: `family` must be 4 or 6');
    }
  }
  checkCallback(callback);

  if (!domain) {
    process.nextTick(function() {
      callback(null, null, family === 6 ? 6 : 4);
    });
    return {};
  }
  checkName(domain, 'hostname');

  var matchedFamily = isIP(domain);
  if (matchedFamily) {
    process.nextTick(function() {
      callback(null, domain, matchedFamily);
    });
    return {};
  }

  binding.getaddrinfo(domain, family, function(code, address, family) {
    if (code) {
      callback(errnoException(code, 'getaddrinfo'));
    } else {
      callback(null, address, family);
    }
  });
  return {};
};

// resolver makes the function for one query of the binding, named as
// 0.7.4's cares_wrap named it (the syscall of its errors).
function resolver(bindingName) {
  var query = binding[bindingName];

  return function(name, callback) {
    checkName(name, 'name');
    checkCallback(callback);
    var code = query(name, function(code, result) {
      if (code) {
        callback(errnoException(code, bindingName));
      } else {
        callback(null, result);
      }
    });
    if (code) {
      throw errnoException(code, bindingName);
    }
    return {};
  };
}

var resolveMap = {};
var hasOwn = Object.prototype.hasOwnProperty;
exports.resolve4 = resolveMap.A = resolver('queryA');
exports.resolve6 = resolveMap.AAAA = resolver('queryAaaa');
exports.resolveCname = resolveMap.CNAME = resolver('queryCname');
exports.resolveMx = resolveMap.MX = resolver('queryMx');
exports.resolveNs = resolveMap.NS = resolver('queryNs');
exports.resolveTxt = resolveMap.TXT = resolver('queryTxt');
exports.resolveSrv = resolveMap.SRV = resolver('querySrv');
exports.reverse = resolveMap.PTR = resolver('getHostByAddr');

// resolve(domain, [rrtype,] callback): as in 0.7.4, an rrtype that is not
// a string is taken for the callback.
exports.resolve = function(domain, type, callback) {
  var query;
  if (typeof type === 'string') {
    query = hasOwn.call(resolveMap, type) ? resolveMap[type] : undefined;
  } else {
    query = exports.resolve4;
    callback = type;
  }
  if (typeof query !== 'function') {
    throw new Error('Unknown type "' + type + '"');
  }
  return query(domain, callback);
};

// The error codes, as 0.7.4 exported them (its lib has none of the
// documentation's TEMPFAIL, PROTOCOL, NXDOMAIN, BADQUERY).
exports.BADNAME = 'EBADNAME';
exports.BADRESP = 'EBADRESP';
exports.CONNREFUSED = 'ECONNREFUSED';
exports.DESTRUCTION = 'EDESTRUCTION';
exports.REFUSED = 'EREFUSED';
exports.FORMERR = 'EFORMERR';
exports.NODATA = 'ENODATA';
exports.NOMEM = 'ENOMEM';
exports.NOTFOUND = 'ENOTFOUND';
exports.NOTIMP = 'ENOTIMP';
exports.SERVFAIL = 'ESERVFAIL';
exports.TIMEOUT = 'ETIMEOUT';
