'use strict';

// Node 0.7.4's url module: parse, format, resolve and resolveObject, with
// 0.7.4's rules (RFC 3986, 1808 and 2396 as browsers bend them). The
// objects parse() returns are plain objects whose keys appear in 0.7.4's
// order, since util.inspect and Object.keys show it.
//
// Later Node's WHATWG URL and URLSearchParams are added beside them; they
// come from goja_nodejs's url package, through the binding.

var punycode = require('punycode');
var querystring = require('querystring');

exports.parse = urlParse;
exports.resolve = urlResolve;
exports.resolveObject = urlResolveObject;
exports.format = urlFormat;
exports.URL = binding.URL;
exports.URLSearchParams = binding.URLSearchParams;

var protocolPattern = /^([a-z0-9.+-]+:)/i;
var portPattern = /:[0-9]+$/;

// The character sets of RFC 2396 that 0.7.4 uses, as regular expressions
// so that a search runs natively rather than a character at a time.
// Delimiters: cut from the start of a URL, and the URL ends at the first.
var leadingDelims = /^[<>"` \r\n\t]+/;
var delim = /[<>"` \r\n\t]/;
// A host name ends at a delimiter, an "unwise" character ({ } | \ ^ ~ `),
// or one of % / ? ; # and the quote.
var nonHost = /[%\/?;#'{}|\\^~<>"` \r\n\t]/;
// Characters that cannot be in the user:password part; format() escapes
// them there.
var nonAuthList = ['/', '@', '?', '#', '<', '>', '"', '`', ' ', '\r', '\n', '\t'];
var nonAuth = /[\/@?#<>"` \r\n\t]/;

var hostnameMaxLen = 255;
// Host names are split with a regular expression: goja's split with a
// string separator turns lone surrogates into U+FFFD, and such a name must
// reach punycode.encode as it is, to throw as in 0.7.4.
var dot = /\./;
var hostnamePartPattern = /^[a-zA-Z0-9][a-z0-9A-Z_-]{0,62}$/;
var hostnamePartStart = /^([a-zA-Z0-9][a-z0-9A-Z_-]{0,62})(.*)$/;
// A host name of valid ASCII labels (empty ones allowed): nothing to cut,
// nothing to encode.
var plainHostname =
    /^(?:[a-zA-Z0-9][a-z0-9A-Z_-]{0,62})?(?:\.(?:[a-zA-Z0-9][a-z0-9A-Z_-]{0,62})?)*$/;

// Returns a lookup table of the given protocol names.
function set(items) {
  var table = {};
  for (var i = 0; i < items.length; i++) {
    table[items[i]] = true;
  }
  return table;
}

// javascript: URLs keep every character and never have a host.
var unsafeProtocol = set(['javascript', 'javascript:']);
var hostlessProtocol = set(['javascript', 'javascript:']);
// Protocols whose URLs always have '//' and a path.
var slashedProtocol = set(['http', 'https', 'ftp', 'gopher', 'file',
                           'http:', 'https:', 'ftp:', 'gopher:', 'file:']);

// 'path' is what http.request wants: pathname and search together.
function setPath(obj) {
  obj.path = (obj.pathname ? obj.pathname : '') +
             (obj.search ? obj.search : '');
}

// url.parse(urlStr, [parseQueryString], [slashesDenoteHost])
function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url && typeof url === 'object' && url.href) {
    return url;
  }
  if (typeof url !== 'string') {
    throw new TypeError("Parameter 'url' must be a string, not " + typeof url);
  }

  var out = {};
  var rest = url.replace(leadingDelims, '');

  // 0.7.4 stores the protocol lower-cased but looks it up in its tables as
  // written: 'HTTP://host' is parsed like 'foo://host' (no '/' pathname).
  var proto = protocolPattern.exec(rest);
  var lowerProto;
  if (proto) {
    proto = proto[0];
    lowerProto = proto.toLowerCase();
    out.protocol = lowerProto;
    rest = rest.substr(proto.length);
  }

  // '//host' is a host after a protocol or with slashesDenoteHost, and
  // '//user@host' always is.
  var slashes = false;
  if (slashesDenoteHost || proto || /^\/\/[^@\/]+@[^@\/]+/.test(rest)) {
    slashes = rest.substr(0, 2) === '//';
    if (slashes && !(proto && hostlessProtocol[proto])) {
      rest = rest.substr(2);
      out.slashes = true;
    }
  }

  if (!hostlessProtocol[proto] &&
      (slashes || (proto && !slashedProtocol[proto]))) {
    rest = parseHost(out, rest);
  }

  if (!unsafeProtocol[lowerProto]) {
    // The quote is escaped, even though encodeURIComponent leaves it, and
    // the URL ends at the first delimiter.
    if (rest.indexOf('\'') !== -1) {
      rest = rest.split('\'').join('%27');
    }
    var chop = rest.search(delim);
    if (chop !== -1) {
      rest = rest.substr(0, chop);
    }
  }

  var hash = rest.indexOf('#');
  if (hash !== -1) {
    out.hash = rest.substr(hash);
    rest = rest.slice(0, hash);
  }
  var qm = rest.indexOf('?');
  if (qm !== -1) {
    out.search = rest.substr(qm);
    out.query = rest.substr(qm + 1);
    if (parseQueryString) {
      out.query = querystring.parse(out.query);
    }
    rest = rest.slice(0, qm);
  } else if (parseQueryString) {
    out.search = '';
    out.query = {};
  }
  if (rest) {
    out.pathname = rest;
  }
  if (slashedProtocol[proto] && out.hostname && !out.pathname) {
    out.pathname = '/';
  }
  if (out.pathname || out.search) {
    setPath(out);
  }

  out.href = urlFormat(out);
  return out;
}

// parseHost takes auth, host, port and hostname off the front of rest into
// out, and returns what follows the host.
function parseHost(out, rest) {
  // An '@' makes what comes before it the auth, unless a character that
  // cannot be in an auth comes first (as in http://foo.com/bar@baz/).
  var at = rest.indexOf('@');
  if (at !== -1) {
    var bad = rest.search(nonAuth);
    if (bad === -1 || bad >= at) {
      out.auth = rest.substr(0, at);
      rest = rest.substr(at + 1);
    }
  }

  var end = rest.search(nonHost);
  if (end !== -1) {
    out.host = rest.substr(0, end);
    rest = rest.substr(end);
  } else {
    out.host = rest;
    rest = '';
  }

  var host = out.host;
  var port = portPattern.exec(host);
  if (port) {
    out.port = port[0].substr(1);
    host = host.substr(0, host.length - port[0].length);
  }
  if (host) {
    out.hostname = host;
  }
  // There is a host, so hostname is there, if only empty.
  out.hostname = out.hostname || '';

  var hostname = out.hostname;
  var ipv6 = hostname.charAt(0) === '[' &&
             hostname.charAt(hostname.length - 1) === ']';
  if (hostname.length > hostnameMaxLen) {
    hostname = '';
  } else if (plainHostname.test(hostname)) {
    hostname = hostname.toLowerCase();
  } else if (ipv6) {
    hostname = lowerCase(hostname);
  } else {
    var valid = validHostname(hostname);
    if (valid.moved && valid.moved.length) {
      rest = '/' + valid.moved.join('.') + rest;
    }
    hostname = toPunycode(lowerCase(valid.hostname));
  }
  out.hostname = hostname;
  out.host = hostname + (out.port ? ':' + out.port : '');
  // href gets its place in the key order here; parse() sets its value last.
  out.href = '';

  if (ipv6) {
    out.hostname = hostname.substr(1, hostname.length - 2);
    if (rest.charAt(0) !== '/') {
      rest = '/' + rest;
    }
  }
  return rest;
}

// validHostname keeps the labels of hostname up to the first one that is
// not a valid label (non-ASCII characters count as letters) and the valid
// start of that one. The rest, joined with dots, belongs to the path:
// 'x.y.cOm*a' is host 'x.y.cOm' and path '/*a'. Returns the host name and
// the labels moved to the path (null when none was invalid).
function validHostname(hostname) {
  var parts = hostname.split(dot);
  for (var i = 0; i < parts.length; i++) {
    var part = parts[i];
    if (!part || hostnamePartPattern.test(part) ||
        hostnamePartPattern.test(nonASCIIAsLetters(part))) {
      continue;
    }
    var kept = parts.slice(0, i);
    var moved = parts.slice(i + 1);
    var bit = part.match(hostnamePartStart);
    if (bit) {
      kept.push(bit[1]);
      moved.unshift(bit[2]);
    }
    return { hostname: kept.join('.'), moved: moved };
  }
  return { hostname: hostname, moved: null };
}

// Each UTF-16 unit above 127 replaced by 'x', so that the length limit of a
// label counts the units, as 0.7.4 does.
function nonASCIIAsLetters(part) {
  var out = '';
  for (var i = 0; i < part.length; i++) {
    out += part.charCodeAt(i) > 127 ? 'x' : part.charAt(i);
  }
  return out;
}

// toLowerCase that keeps lone surrogates, as V8's does (goja's turns them
// into U+FFFD): punycode.encode then throws for such a host, as in 0.7.4.
function lowerCase(s) {
  if (!/[\ud800-\udfff]/.test(s)) {
    return s.toLowerCase();
  }
  return s.replace(/(?:[^\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])+/g,
                   function(run) { return run.toLowerCase(); });
}

// IDNA as 0.7.4 does it: each label holding anything but letters, digits,
// '_' and '-' becomes 'xn--' and its Punycode.
function toPunycode(hostname) {
  var labels = hostname.split(dot);
  for (var i = 0; i < labels.length; i++) {
    if (/[^A-Za-z0-9_-]/.test(labels[i])) {
      labels[i] = 'xn--' + punycode.encode(labels[i]);
    }
  }
  return labels.join('.');
}

// url.format(urlObj): a string parses first, to clean it up.
function urlFormat(obj) {
  if (typeof obj === 'string') {
    obj = urlParse(obj);
  }

  var auth = obj.auth || '';
  if (auth) {
    if (typeof auth !== 'string' || nonAuth.test(auth)) {
      for (var i = 0; i < nonAuthList.length; i++) {
        var c = nonAuthList[i];
        auth = auth.split(c).join(encodeURIComponent(c));
      }
    }
    auth += '@';
  }

  var protocol = obj.protocol || '';
  var pathname = obj.pathname || '';
  var hash = obj.hash || '';
  var host = false;
  var query = '';

  if (obj.host !== undefined) {
    host = auth + obj.host;
  } else if (obj.hostname !== undefined) {
    host = auth + (obj.hostname.indexOf(':') === -1 ?
                   obj.hostname : '[' + obj.hostname + ']');
    if (obj.port) {
      host += ':' + obj.port;
    }
  }

  if (obj.query && typeof obj.query === 'object' &&
      Object.keys(obj.query).length) {
    query = querystring.stringify(obj.query);
  }
  var search = obj.search || (query && ('?' + query)) || '';

  if (protocol && protocol.substr(-1) !== ':') {
    protocol += ':';
  }

  // Only the slashed protocols get '//' (not mailto:, xmpp:, ...), unless
  // the object says it had them.
  if (obj.slashes ||
      (!protocol || slashedProtocol[protocol]) && host !== false) {
    host = '//' + (host || '');
    if (pathname && pathname.charAt(0) !== '/') {
      pathname = '/' + pathname;
    }
  } else if (!host) {
    host = '';
  }

  if (hash && hash.charAt(0) !== '#') {
    hash = '#' + hash;
  }
  if (search && search.charAt(0) !== '?') {
    search = '?' + search;
  }
  return protocol + host + pathname + search + hash;
}

// url.resolve(from, to): to resolved against from, as a browser resolves
// the href of a link.
function urlResolve(source, relative) {
  return urlFormat(urlResolveObject(source, relative));
}

// url.resolveObject(from, to): resolve() that returns the parsed object.
function urlResolveObject(source, relative) {
  if (!source) {
    return relative;
  }
  source = urlParse(urlFormat(source), false, true);
  relative = urlParse(urlFormat(relative), false, true);

  // The hash always comes from relative.
  source.hash = relative.hash;

  if (relative.href === '') {
    source.href = urlFormat(source);
    return source;
  }

  // '//host/path' keeps only the protocol.
  if (relative.slashes && !relative.protocol) {
    relative.protocol = source.protocol;
    if (slashedProtocol[relative.protocol] &&
        relative.hostname && !relative.pathname) {
      relative.path = relative.pathname = '/';
    }
    relative.href = urlFormat(relative);
    return relative;
  }

  if (relative.protocol && relative.protocol !== source.protocol) {
    return changeProtocol(source, relative);
  }

  var isSourceAbs = source.pathname && source.pathname.charAt(0) === '/';
  var isRelAbs = relative.host !== undefined ||
                 relative.pathname && relative.pathname.charAt(0) === '/';
  var mustEndAbs = isRelAbs || isSourceAbs ||
                   (source.host && relative.pathname);
  var removeAllDots = mustEndAbs;
  var srcPath = source.pathname && source.pathname.split('/') || [];
  var relPath = relative.pathname && relative.pathname.split('/') || [];
  // A protocol without '//' (mailto:, foo:): '..' may climb into the host,
  // so the host goes in front of the path while the dots are resolved.
  var psychotic = source.protocol && !slashedProtocol[source.protocol];

  if (psychotic) {
    delete source.hostname;
    delete source.port;
    if (source.host) {
      if (srcPath[0] === '') {
        srcPath[0] = source.host;
      } else {
        srcPath.unshift(source.host);
      }
    }
    delete source.host;
    if (relative.protocol) {
      delete relative.hostname;
      delete relative.port;
      if (relative.host) {
        if (relPath[0] === '') {
          relPath[0] = relative.host;
        } else {
          relPath.unshift(relative.host);
        }
      }
      delete relative.host;
    }
    mustEndAbs = mustEndAbs && (relPath[0] === '' || srcPath[0] === '');
  }

  if (isRelAbs) {
    // relative's path replaces the whole path (and its host, if any).
    source.host = (relative.host || relative.host === '') ?
                  relative.host : source.host;
    source.hostname = (relative.hostname || relative.hostname === '') ?
                      relative.hostname : source.hostname;
    source.search = relative.search;
    source.query = relative.query;
    srcPath = relPath;
  } else if (relPath.length) {
    // relative's path replaces the last segment of source's.
    srcPath.pop();
    srcPath = srcPath.concat(relPath);
    source.search = relative.search;
    source.query = relative.query;
  } else if ('search' in relative) {
    // Only a search, like href='?foo'.
    if (psychotic) {
      source.hostname = source.host = srcPath.shift();
      splitAuthFromHost(source);
    }
    source.search = relative.search;
    source.query = relative.query;
    if (source.pathname !== undefined || source.search !== undefined) {
      setPath(source);
    }
    source.href = urlFormat(source);
    return source;
  }

  if (!srcPath.length) {
    // No path at all.
    delete source.pathname;
    if (!source.search) {
      // As 0.7.4 has it: the search here is empty or undefined.
      source.path = '/' + source.search;
    } else {
      delete source.path;
    }
    source.href = urlFormat(source);
    return source;
  }

  // A path ending in '.' or '..' (with a host) or in '/' ends with '/'.
  var last = srcPath[srcPath.length - 1];
  var hasTrailingSlash = (source.host || relative.host) &&
                         (last === '.' || last === '..') || last === '';

  // Drop '.' segments and each '..' with the segment before it; up counts
  // the '..'s that climbed above the start.
  var up = 0;
  for (var i = srcPath.length; i >= 0; i--) {
    last = srcPath[i];
    if (last === '.') {
      srcPath.splice(i, 1);
    } else if (last === '..') {
      srcPath.splice(i, 1);
      up++;
    } else if (up) {
      srcPath.splice(i, 1);
      up--;
    }
  }
  if (!mustEndAbs && !removeAllDots) {
    for (; up > 0; up--) {
      srcPath.unshift('..');
    }
  }

  if (mustEndAbs && srcPath[0] !== '' &&
      (!srcPath[0] || srcPath[0].charAt(0) !== '/')) {
    srcPath.unshift('');
  }
  if (hasTrailingSlash && srcPath.join('/').substr(-1) !== '/') {
    srcPath.push('');
  }

  var isAbsolute = srcPath[0] === '' ||
                   (srcPath[0] && srcPath[0].charAt(0) === '/');

  if (psychotic) {
    // Put the host back from the front of the path.
    source.hostname = source.host = isAbsolute ? '' :
        srcPath.length ? srcPath.shift() : '';
    splitAuthFromHost(source);
  }

  mustEndAbs = mustEndAbs || (source.host && srcPath.length);
  if (mustEndAbs && !isAbsolute) {
    srcPath.unshift('');
  }

  source.pathname = srcPath.join('/');
  setPath(source);
  source.auth = relative.auth || source.auth;
  source.slashes = source.slashes || relative.slashes;
  source.href = urlFormat(source);
  return source;
}

// changeProtocol resolves a relative URL with a protocol of its own. For
// a protocol without '//' it stands alone; for a slashed one it keeps
// nothing of source but what it lacks, and a missing host is taken from
// the front of its path (https:/a/b is https://a/b).
function changeProtocol(source, relative) {
  if (!slashedProtocol[relative.protocol]) {
    relative.href = urlFormat(relative);
    return relative;
  }
  source.protocol = relative.protocol;
  if (!relative.host && !hostlessProtocol[relative.protocol]) {
    var relPath = (relative.pathname || '').split('/');
    while (relPath.length && !(relative.host = relPath.shift())) {
      // skip empty segments
    }
    if (!relative.host) {
      relative.host = '';
    }
    if (!relative.hostname) {
      relative.hostname = '';
    }
    if (relPath[0] !== '') {
      relPath.unshift('');
    }
    if (relPath.length < 2) {
      relPath.unshift('');
    }
    relative.pathname = relPath.join('/');
  }
  source.pathname = relative.pathname;
  source.search = relative.search;
  source.query = relative.query;
  source.host = relative.host || '';
  source.auth = relative.auth;
  source.hostname = relative.hostname || relative.host;
  source.port = relative.port;
  if (source.pathname !== undefined || source.search !== undefined) {
    setPath(source);
  }
  source.slashes = source.slashes || relative.slashes;
  source.href = urlFormat(source);
  return source;
}

// An auth can end up in the host of a protocol without '//' (resolving
// 'local2@domain2' against 'mailto:local1@domain1'): move it to auth.
function splitAuthFromHost(source) {
  var host = source.host;
  if (host && host.indexOf('@') > 0) {
    var parts = host.split('@');
    source.auth = parts[0];
    source.host = source.hostname = parts[1];
  }
}
