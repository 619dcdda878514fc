// Node's tls module. A tls.Server is a net.Server whose connections are
// CleartextStreams; the handshakes, the record layer and certificate
// verification are Go (binding), off the event loop.

var net = require('net');
var crypto = require('crypto');
var util = require('util');
var Stream = require('stream');
var EventEmitter = require('events').EventEmitter;

// NODE_DEBUG=tls: today's Node's debug lines, where gojatls has the same
// moment.
var debug = util.debuglog('tls');

// CleartextStream ------------------------------------------------------

// A CleartextStream is the stream scripts read and write on a secure
// connection. It is a net.Socket underneath, so it has all of a socket's
// methods and events, and 'secureConnect' on the client side.
function CleartextStream(options) {
  if (!(this instanceof CleartextStream)) {
    return new CleartextStream(options);
  }
  net.Socket.call(this, options);
}
util.inherits(CleartextStream, net.Socket);
exports.CleartextStream = CleartextStream;

// What the handshake establishes (_secure) starts from these defaults.
CleartextStream.prototype.authorized = false;
CleartextStream.prototype.authorizationError = null;
CleartextStream.prototype.npnProtocol = false;
CleartextStream.prototype.alpnProtocol = false;
CleartextStream.prototype.servername = false;
CleartextStream.prototype._tls = null;
CleartextStream.prototype._pair = null; // the SecurePair of a pair's stream
CleartextStream.prototype._socketView = null; // socket, once asked for
CleartextStream.prototype._connectionPair = null; // pair, once asked for

// _secure records what the handshake established (Go's handshake
// callbacks pass session and these as their arguments after the handle),
// where it differs from the defaults.
CleartextStream.prototype._secure = function (session, authorized, authorizationError, servername,
                                              npnProtocol, alpnProtocol) {
  if (session !== null) {
    this._tls = session;
  }
  if (this.authorized !== authorized) {
    this.authorized = authorized;
  }
  if (!authorized && authorizationError !== undefined) {
    this.authorizationError = authorizationError;
  }
  if (this.npnProtocol !== npnProtocol) {
    this.npnProtocol = npnProtocol;
  }
  if (this.alpnProtocol !== alpnProtocol) {
    this.alpnProtocol = alpnProtocol;
  }
  if (this.servername !== servername) {
    this.servername = servername;
  }
};

// The 0.7.4 properties of a CleartextStream, as its pipe(pair, socket)
// set them: socket (the net.Socket under it), pair (its SecurePair) and
// encrypted (pair.encrypted). A stream that tls.createServer or
// tls.connect made has no SecurePair or socket object: they are made on
// first use, as views of the connection (no goja object a script does
// not ask for). Assigning
// any of them makes it an ordinary property.
function lazyProperty(name, make) {
  Object.defineProperty(CleartextStream.prototype, name, {
    configurable: true,
    get: make,
    set: function (value) {
      Object.defineProperty(this, name, { value: value, writable: true, enumerable: true, configurable: true });
    }
  });
}
lazyProperty('socket', function () {
  if (this._pair !== null) {
    return undefined; // a SecurePair's stream: the script's own socket, if any, is set on it
  }
  if (this._socketView === null) {
    this._socketView = new SocketView(this);
  }
  return this._socketView;
});
lazyProperty('pair', function () {
  if (this._pair !== null) {
    return this._pair;
  }
  if (this._connectionPair === null) {
    this._connectionPair = new ConnectionPair(this);
  }
  return this._connectionPair;
});
lazyProperty('encrypted', function () {
  return this.pair.encrypted;
});

CleartextStream.prototype._attach = function (handle) {
  net.Socket.prototype._attach.call(this, handle);
  if (this._socketView !== null) {
    this._socketView._bind(this);
  }
};

CleartextStream.prototype._onEnd = function () {
  if (this._socketView !== null) {
    this._socketView._peerEnded();
  }
  net.Socket.prototype._onEnd.call(this);
};

// The socket closes before the stream, as the TCP connection went first
// in 0.7.
CleartextStream.prototype._destroy = function (exception, cb) {
  if (this._socketView !== null && !this.destroyed) {
    this._socketView._closed();
  }
  net.Socket.prototype._destroy.call(this, exception, cb);
};

// destroy also destroys the SecurePair the stream belongs to.
CleartextStream.prototype.destroy = function (exception) {
  net.Socket.prototype.destroy.call(this, exception);
  if (this._pair !== null) {
    this._pair.destroy();
  }
};

// _session is the Go object of what the handshake established (getPeer-
// Certificate, getCipher... are its methods), or null before. A server's
// stream gets it from its handle when first asked for: an idle connection
// holds no such object unless a script asks (_secure got null).
CleartextStream.prototype._session = function () {
  if (this._tls === null) {
    var handle = this._handle !== null ? this._handle : this._closedHandle;
    if (handle !== null) {
      this._tls = binding.sessionOf(handle);
    }
  }
  return this._tls;
};

CleartextStream.prototype.getPeerCertificate = function () {
  if (this.destroyed || this._session() === null) {
    return null;
  }
  return this._tls.getPeerCertificate();
};

// verifyPeer() says whether the peer's certificate verified (authorized).
// http.markdown names it, for request.connection, from Node 0.3's secure
// streams; 0.7.4's tls no longer had it, so a documented call threw there.
CleartextStream.prototype.verifyPeer = function () {
  return this.authorized;
};

CleartextStream.prototype.getCipher = function () {
  if (this.destroyed || this._session() === null) {
    return null;
  }
  return this._tls.getCipher();
};

CleartextStream.prototype.getProtocol = function () {
  if (this.destroyed || this._session() === null) {
    return null;
  }
  return this._tls.getProtocol();
};

CleartextStream.prototype.isSessionReused = function () {
  return this._session() !== null && this._tls.isSessionReused();
};

// getSession: the session to pass as the session option of a later
// tls.connect to the same server, to resume it.
CleartextStream.prototype.getSession = function () {
  return this._session() === null ? undefined : this._tls.getSession();
};

// SocketView is cleartextStream.socket for a stream without a net.Socket
// object of its own: a net.Socket for the TCP connection the TLS records
// go over. It reports that connection's addresses and byte counts, emits
// 'end' when the peer ends it (before the stream's 'end') and 'close'
// when it closes (before the stream's 'close'); what it is told to do
// (end, destroy, pause, resume, setTimeout, setNoDelay, setKeepAlive,
// ref, unref) it does to the connection, as the stream would. It has no
// 'data': the bytes it carries are TLS records, which Go reads. Writing
// raw bytes into the TLS connection is refused.
function SocketView(stream) {
  net.Socket.call(this);
  this._stream = stream;
  if (stream._handle !== null) {
    this._bind(stream);
  } else if (stream.destroyed) {
    this.destroyed = true;
  } else {
    this._connecting = stream._connecting;
    this.writable = stream.writable;
  }
}
util.inherits(SocketView, net.Socket);

SocketView.prototype._bind = function (stream) {
  // The stream's connection handle serves the view's address(),
  // remoteAddress and remotePort; the view never attaches to it.
  this._handle = stream._handle;
  this._connecting = false;
  this.readable = stream.readable;
  this.writable = stream.writable;
};

SocketView.prototype._peerEnded = function () {
  if (this.readable) {
    this.readable = false;
    this.emit('end');
  }
};

SocketView.prototype._closed = function () {
  this._connecting = false;
  net.Socket.prototype._destroy.call(this);
};

Object.defineProperty(SocketView.prototype, 'bytesRead', {
  get: function () { return this._stream._session() !== null ? this._stream._tls.socketBytes()[0] : 0; }
});
Object.defineProperty(SocketView.prototype, 'bytesWritten', {
  get: function () { return this._stream._session() !== null ? this._stream._tls.socketBytes()[1] : 0; }
});

SocketView.prototype.write = function () {
  throw new Error('cleartextStream.socket carries the TLS records: write to the CleartextStream');
};

SocketView.prototype.end = function (data, encoding) {
  if (data !== undefined && data !== null && typeof data !== 'function') {
    this.write(data, encoding);
  }
  this.writable = false;
  this._stream.end();
};

SocketView.prototype.destroy = function (exception) {
  this._stream.destroy(exception);
};

SocketView.prototype.destroySoon = function () {
  this._stream.destroySoon();
};

['pause', 'resume', 'setTimeout', 'setNoDelay', 'setKeepAlive', 'ref', 'unref'].forEach(function (name) {
  SocketView.prototype[name] = function () {
    var stream = this._stream;
    stream[name].apply(stream, arguments);
    return this;
  };
});

SocketView.prototype.setEncoding = function () {};

// ConnectionPair is cleartextStream.pair for a stream that tls.createServer
// or tls.connect made: a SecurePair (instanceof) whose cleartext is the
// stream and whose encrypted side is an EncryptedView.
function ConnectionPair(stream) {
  EventEmitter.call(this);
  this.cleartext = stream;
  this.encrypted = new EncryptedView(this);
}

// EncryptedView is that pair's encrypted stream: readable and writable as
// the connection is; ending or destroying it ends or destroys the
// connection. Its TLS records go between Go and the socket and are not
// emitted, nor can JS write any.
function EncryptedView(pair) {
  Stream.call(this);
  this.pair = pair;
}

// Server ---------------------------------------------------------------

function Server(options, listener) {
  if (!(this instanceof Server)) {
    return new Server(options, listener);
  }
  if (typeof options === 'function') {
    listener = options;
    options = {};
  }
  if (options === null || typeof options !== 'object') {
    throw new TypeError('options must be an object');
  }
  net.Server.call(this, { allowHalfOpen: options.allowHalfOpen });
  this._context = contextOf(options);
  this.requestCert = Boolean(options.requestCert);
  this.rejectUnauthorized = Boolean(options.rejectUnauthorized);
  this.handshakeTimeout = options.handshakeTimeout || 120000;
  this.NPNProtocols = options.NPNProtocols;
  this.ALPNProtocols = options.ALPNProtocols;
  if (options.SNICallback !== undefined) {
    if (typeof options.SNICallback !== 'function') {
      throw new TypeError('options.SNICallback must be a function');
    }
    this.SNICallback = options.SNICallback;
  }
  this._contexts = new SNIContexts();
  if (typeof listener === 'function') {
    this.on('secureConnection', listener);
  }
}
util.inherits(Server, net.Server);
exports.Server = Server;

exports.createServer = function (options, listener) {
  return new Server(options, listener);
};

Server.prototype._makeHandle = function () {
  var handle = binding.createServer(this, this._context, {
    requestCert: this.requestCert,
    rejectUnauthorized: this.rejectUnauthorized,
    handshakeTimeout: this.handshakeTimeout,
    NPNProtocols: this.NPNProtocols,
    ALPNProtocols: this.ALPNProtocols
  });
  if (this.SNICallback || this._contexts.length > 0) {
    handle.enableSNI();
  }
  return handle;
};

// addContext(hostname, credentials): the context for clients that ask for
// hostname by SNI. As in 0.7.4, '*' matches any run of characters (dots
// too) and the first context added that matches wins; case does not
// matter, host names being case-insensitive.
Server.prototype.addContext = function (servername, credentials) {
  if (!servername || typeof servername !== 'string') {
    throw new TypeError('Servername is required parameter for Server.addContext');
  }
  var context = credentials && credentials.context ? credentials.context
                                                   : crypto.createCredentials(credentials).context;
  this._contexts.add(servername, context);
  if (this._handle) {
    this._handle.enableSNI();
  }
};

// _sniContext runs during a handshake that names a server: the script's
// SNICallback (0.7's synchronous form, or the later (servername, cb) form),
// else the contexts given to addContext. done(err, context) answers Go.
Server.prototype._sniContext = function (servername, done) {
  if (this.SNICallback) {
    if (this.SNICallback.length >= 2) {
      this.SNICallback(servername, done);
    } else {
      done(null, this.SNICallback(servername));
    }
    return;
  }
  done(null, this._contexts.find(servername));
};

// SNIContexts holds a server's addContext patterns so that a lookup does
// not test them one by one: exact names in a map, patterns with '*' by the
// literal text after their last '*' and then by the text before their
// first (a name can only match patterns it ends and starts that way). A
// lookup reads one map per distinct suffix length and prefix length, and
// tests only the patterns it finds there.
function SNIContexts() {
  this.length = 0;
  this._exact = Object.create(null);
  this._wild = new AffixIndex();
}

SNIContexts.prototype.add = function (pattern, context) {
  pattern = pattern.toLowerCase();
  var entry = { order: this.length++, parts: pattern.split('*'), context: context };
  if (entry.parts.length === 1) {
    if (!(pattern in this._exact)) {
      this._exact[pattern] = entry;
    }
    return;
  }
  var suffix = entry.parts[entry.parts.length - 1];
  var byPrefix = this._wild.get(suffix, function () { return new AffixIndex(); });
  byPrefix.get(entry.parts[0], function () { return []; }).push(entry);
};

// find returns the context of the first pattern added that matches name.
SNIContexts.prototype.find = function (name) {
  name = name.toLowerCase();
  var best = name in this._exact ? this._exact[name] : null;
  this._wild.each(name, true, function (byPrefix) {
    byPrefix.each(name, false, function (entries) {
      // Entries are in the order they were added: the first match is
      // the best of them.
      for (var i = 0; i < entries.length && (best === null || entries[i].order < best.order); i++) {
        if (globMatches(entries[i].parts, name)) {
          best = entries[i];
          break;
        }
      }
    });
  });
  return best === null ? undefined : best.context;
};

// AffixIndex maps strings (prefixes or suffixes) to values, and finds the
// values of those a name starts (or ends) with.
function AffixIndex() {
  this._map = Object.create(null);
  this._lengths = [];
}

AffixIndex.prototype.get = function (key, make) {
  if (!(key in this._map)) {
    this._map[key] = make();
    if (this._lengths.indexOf(key.length) === -1) {
      this._lengths.push(key.length);
    }
  }
  return this._map[key];
};

AffixIndex.prototype.each = function (name, suffixes, fn) {
  for (var i = 0; i < this._lengths.length; i++) {
    var n = this._lengths[i];
    if (n <= name.length) {
      var key = suffixes ? name.slice(name.length - n) : name.slice(0, n);
      if (key in this._map) {
        fn(this._map[key]);
      }
    }
  }
};

// globMatches: does name match the pattern whose literal pieces between
// '*'s are parts? The first piece starts name, the last ends it, and each
// middle one is found, in order, after the one before (the leftmost place
// is always the right one when '*' is the only wildcard).
function globMatches(parts, name) {
  var last = parts.length - 1;
  var end = name.length - parts[last].length;
  if (end < parts[0].length || name.lastIndexOf(parts[0], 0) !== 0) {
    return false;
  }
  var at = parts[0].length;
  for (var i = 1; i < last; i++) {
    at = name.indexOf(parts[i], at);
    if (at === -1 || at + parts[i].length > end) {
      return false;
    }
    at += parts[i].length;
  }
  return name.slice(end) === parts[last];
}

// _onSecureConnection: Go finished a handshake (handle, then _secure's
// arguments).
// The stream always has an 'error' listener of its own, as today's Node
// gives its server sockets: an error after the handshake (a client that
// resets, a bad record) reaches the script's listeners, and with none it
// only ends that connection, instead of throwing (as 0.7 did, through
// pipe()) and taking down the server (README: Compatibility).
Server.prototype._onSecureConnection = function (handle, session, authorized, authorizationError,
                                                 servername, npnProtocol, alpnProtocol) {
  debug('server onhandshakedone');
  var stream = new CleartextStream(null);
  if (this.allowHalfOpen) {
    stream.allowHalfOpen = true;
  }
  stream._secure(session, authorized, authorizationError, servername, npnProtocol, alpnProtocol);
  stream.server = this; // counted in connections since Go accepted it
  stream.on('error', onServerStreamError);
  stream._attach(handle);
  debug('server emit secureConnection');
  this.emit('secureConnection', stream);
};

// onServerStreamError: the error has already destroyed the stream.
function onServerStreamError() {}

// contextOf is the SecureContext for tls options: their credentials'
// context when given, else one made from key, cert, ca, ...
function contextOf(options) {
  if (options.credentials && options.credentials.context) {
    return options.credentials.context;
  }
  return crypto.createCredentials(options).context;
}

// connect --------------------------------------------------------------

// normalizeConnectArgs: (options, [cb]) or (port, [host], [options], [cb]).
function normalizeConnectArgs(args) {
  var options = {};
  var cb = null;
  var i = 0;
  if (args[0] !== null && typeof args[0] === 'object') {
    copy(options, args[0]);
    i = 1;
  } else {
    options.port = args[0];
    i = 1;
    if (typeof args[1] === 'string') {
      options.host = args[1];
      i = 2;
    }
    if (args[i] !== null && typeof args[i] === 'object') {
      var extra = args[i];
      copy(options, extra);
      options.port = args[0];
      if (typeof args[1] === 'string') {
        options.host = args[1];
      }
      i++;
    }
  }
  if (typeof args[i] === 'function') {
    cb = args[i];
  }
  return [options, cb];
}

// checkServername refuses a servername option that no server would take
// (OpenSSL refuses it in a ClientHello; Node's OpenSSL client silently sent
// none, or the part before a NUL).
function checkServername(servername) {
  if (typeof servername === 'string' &&
      (Buffer.byteLength(servername) > 255 || servername.indexOf('\u0000') !== -1)) {
    var err = new TypeError('options.servername must be a host name of at most 255 bytes, without NUL');
    err.code = 'ERR_INVALID_ARG_VALUE';
    throw err;
  }
}

function copy(to, from) {
  for (var k in from) {
    to[k] = from[k];
  }
}

exports.connect = function (/* options | port, [host], [options], [cb] */) {
  var args = normalizeConnectArgs(arguments);
  var options = args[0];
  checkServername(options.servername);
  if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0') {
    // Later Node's switch: verification failures are accepted silently
    // (an explicit rejectUnauthorized still wins), with Node's warning.
    binding.warnRejectUnauthorizedEnv();
    if (options.rejectUnauthorized === undefined) {
      options.rejectUnauthorized = false;
    }
  }
  if (options.checkServerIdentity !== undefined && typeof options.checkServerIdentity !== 'function') {
    throw new TypeError('options.checkServerIdentity must be a function');
  }
  var context = contextOf(options);
  if (options.socket) {
    return connectOverSocket(options, context, args[1]);
  }
  var stream = new CleartextStream({ allowHalfOpen: options.allowHalfOpen });
  if (args[1]) {
    stream.once('secureConnect', args[1]);
  }
  stream._connectOptions = options;
  stream._context = context;
  net.Socket.prototype.connect.call(stream, options);
  return stream;
};

// A tls.connect stream connects as a net.Socket does, its dial followed
// by the handshake and the verification (binding.connect).
CleartextStream.prototype._connectOptions = null;
CleartextStream.prototype._context = null;

CleartextStream.prototype._dial = function (network, address, callback) {
  var options = this._connectOptions;
  return binding.connect(network, address, this._context, {
    host: options.host || 'localhost',
    servername: options.servername,
    rejectUnauthorized: options.rejectUnauthorized,
    NPNProtocols: options.NPNProtocols,
    ALPNProtocols: options.ALPNProtocols,
    session: options.session
  }, callback);
};

CleartextStream.prototype._onConnect = function (handle, session, authorized, authorizationError,
                                                servername, npnProtocol, alpnProtocol) {
  var options = this._connectOptions;
  this._connectOptions = this._context = null;
  debug('client onhandshakedone');
  this._secure(session, authorized, authorizationError, servername, npnProtocol, alpnProtocol);
  var identityError = checkIdentity(this, options);
  if (!this.authorized) {
    if (options.rejectUnauthorized) {
      // As Node 0.7: 'error' with the verification failure, never
      // 'secureConnect'.
      handle.destroy();
      var verifyError = identityError;
      if (!verifyError) {
        verifyError = new Error(authorizationError);
        verifyError.code = authorizationError;
      }
      this.destroy(verifyError);
      return;
    }
    if (options.rejectUnauthorized === undefined) {
      binding.warnUnverified(this.authorizationError);
    }
  }
  this._connected(handle);
  if (this.destroyed) {
    return;
  }
  if (this.authorized) {
    debug('client emit secureConnect. authorized: %s', this.authorized);
  } else {
    debug('client emit secureConnect. rejectUnauthorized: %s, authorizationError: %s',
          Boolean(options.rejectUnauthorized), this.authorizationError);
  }
  this.emit('secureConnect');
};

// checkIdentity runs once a server's chain has verified (0.7.4 checked no
// more). A checkServerIdentity option (later Node's) is called with the
// host and the certificate: an Error it returns makes the connection
// unauthorized, that Error's code (or message) its authorizationError, and
// it is returned. Without the option, a certificate for another host gets
// the one-time warning unless rejectUnauthorized is false.
function checkIdentity(stream, options) {
  if (!stream.authorized) {
    return null;
  }
  var host = options.servername || options.host || 'localhost';
  if (typeof options.checkServerIdentity !== 'function') {
    if (options.rejectUnauthorized !== false) {
      binding.warnHostMismatch(stream._tls, host);
    }
    return null;
  }
  var err = options.checkServerIdentity(host, stream.getPeerCertificate());
  if (!(err instanceof Error)) {
    return null;
  }
  stream.authorized = false;
  stream.authorizationError = err.code || err.message;
  return err;
}

// checkServerIdentity(host, cert): later Node's check that a certificate
// (as getPeerCertificate() shows it) is for host, with Node 0.8's rules:
// IP addresses against the subjectAltName IP entries; other hosts against
// its DNS (and URI) entries, and the CN only when it has none; '*' in the
// first label. undefined when it is, else the Error today's Node returns.
exports.checkServerIdentity = function (host, cert) {
  host = String(host).replace(/\.$/, '');
  var cn = cert.subject ? cert.subject.CN : undefined;
  var cns = cn === undefined || cn === null ? [] : [].concat(cn).map(String);
  var reason = binding.checkHost(host, cert.subjectaltname || '', cns);
  if (reason === '') {
    return undefined;
  }
  var err = new Error("Hostname/IP does not match certificate's altnames: " + reason);
  err.reason = reason;
  err.host = host;
  err.cert = cert;
  err.code = 'ERR_TLS_CERT_ALTNAME_INVALID';
  return err;
};

// SecurePair -----------------------------------------------------------

// EncryptedStream is pair.encrypted: what is written to it is TLS from the
// network; what it emits is TLS for the network.
function EncryptedStream(pair) {
  Stream.call(this);
  this.pair = pair;
  this.readable = true;
  this.writable = true;
  this._paused = false;
  this._queue = [];
  this.on('pipe', onEncryptedPipe);
}
util.inherits(EncryptedStream, Stream);

// onEncryptedPipe: a stream (the socket) is piped into pair.encrypted. A
// source that closes before it ended (a reset, a destroyed socket) leaves
// nothing more to come: the pair is destroyed, as pipe() itself does. This
// also holds after an 'error' on the source, from which pipe() has
// already unhooked itself: a pair whose network is gone never waits for
// bytes (its handshake runs on a goroutine that would wait for ever).
function onEncryptedPipe(source) {
  var encrypted = this;
  source.on('close', function () {
    if (encrypted.writable) {
      encrypted.pair.destroy();
    }
  });
}

EncryptedStream.prototype.write = function (data, encoding) {
  if (typeof data === 'string') {
    data = new Buffer(data, encoding);
  } else if (!Buffer.isBuffer(data)) {
    throw new TypeError('First argument must be a buffer or a string.');
  }
  if (!this.writable) {
    return false;
  }
  this.pair._handle.feed(data);
  return true;
};

EncryptedStream.prototype.end = function (data, encoding) {
  if (data !== undefined && data !== null) {
    this.write(data, encoding);
  }
  if (this.writable) {
    this.writable = false;
    this.pair._handle.feedEnd();
  }
};

EncryptedStream.prototype.pause = function () {
  this._paused = true;
};

EncryptedStream.prototype.resume = function () {
  this._paused = false;
  while (!this._paused && this._queue.length > 0) {
    this._deliver(this._queue.shift());
  }
};

EncryptedStream.prototype.destroy = function () {
  this.pair.destroy();
};

EncryptedStream.prototype.destroySoon = EncryptedStream.prototype.end;

EncryptedStream.prototype._deliver = function (chunk) {
  if (chunk === null) {
    this.readable = false;
    this.emit('end');
    this.emit('close');
  } else {
    this.emit('data', chunk);
  }
};

// _onData and _onEnd come from Go, in order.
EncryptedStream.prototype._onData = function (chunk) {
  if (this._paused || this._queue.length > 0) {
    this._queue.push(chunk);
  } else {
    this._deliver(chunk);
  }
};

EncryptedStream.prototype._onEnd = function () {
  if (!this.readable) {
    return;
  }
  this.writable = false;
  this._onData(null);
};

// SecurePair: a TLS session over any pair of streams. The handshake starts
// at once; 'secure' follows it, and pair.cleartext then carries the data.
function SecurePair(credentials, isServer, requestCert, rejectUnauthorized, options) {
  if (!(this instanceof SecurePair)) {
    return new SecurePair(credentials, isServer, requestCert, rejectUnauthorized, options);
  }
  EventEmitter.call(this);
  options = options || {};
  this._isServer = Boolean(isServer);
  this._requestCert = this._isServer ? Boolean(requestCert) : true;
  this._rejectUnauthorized = Boolean(rejectUnauthorized);
  this._warnUnverified = !this._isServer && rejectUnauthorized === undefined;
  var context = credentials && credentials.context ? credentials.context : crypto.createCredentials({}).context;
  this.encrypted = new EncryptedStream(this);
  this.cleartext = new CleartextStream({ allowHalfOpen: options.allowHalfOpen });
  this.cleartext._pair = this;
  this.cleartext._beginConnect(); // until the handshake is done
  this._destroyed = false;
  this._handle = binding.createPair(this, context, {
    isServer: this._isServer,
    requestCert: this._requestCert,
    rejectUnauthorized: this._rejectUnauthorized,
    servername: options.servername
  });
}
util.inherits(SecurePair, EventEmitter);
exports.SecurePair = SecurePair;

exports.createSecurePair = function (credentials, isServer, requestCert, rejectUnauthorized) {
  return new SecurePair(credentials, isServer, requestCert, rejectUnauthorized);
};

SecurePair.prototype._onSecure = function (handle, session, authorized, authorizationError,
                                           servername, npnProtocol, alpnProtocol) {
  var cleartext = this.cleartext;
  if (cleartext.destroyed) {
    handle.destroy();
    return;
  }
  cleartext._secure(session, authorized, authorizationError, servername, npnProtocol, alpnProtocol);
  if (!authorized && this._requestCert) {
    if (this._rejectUnauthorized) {
      handle.destroy();
      if (this._isServer) {
        // As a tls.Server does: dropped without an event.
        this.destroy();
      } else {
        var verifyError = new Error(authorizationError);
        verifyError.code = authorizationError;
        cleartext.destroy(verifyError);
      }
      return;
    }
    if (this._warnUnverified) {
      binding.warnUnverified(authorizationError);
    }
  }
  cleartext._connected(handle);
  this.emit('secure');
};

// _onError: the handshake failed (garbage on pair.encrypted, a bad peer).
// As in Node 0.7.4, the pair is destroyed and the error is the pair's
// ('error' on the pair; errors after the handshake are the cleartext
// stream's).
SecurePair.prototype._onError = function (err) {
  this.destroy();
  this.emit('error', err);
};

SecurePair.prototype.destroy = function () {
  if (this._destroyed) {
    return;
  }
  this._destroyed = true;
  this._handle.destroy();
  if (!this.cleartext.destroyed) {
    this.cleartext.destroy();
  }
  var encrypted = this.encrypted;
  if (encrypted.readable) {
    encrypted.readable = false;
    encrypted.writable = false;
    process.nextTick(function () {
      encrypted.emit('close');
    });
  }
};

util.inherits(ConnectionPair, SecurePair);

ConnectionPair.prototype.destroy = function () {
  this.cleartext.destroy();
};

util.inherits(EncryptedView, EncryptedStream);

Object.defineProperty(EncryptedView.prototype, 'readable', {
  get: function () { return this.pair.cleartext.readable; }
});
Object.defineProperty(EncryptedView.prototype, 'writable', {
  get: function () { return this.pair.cleartext.writable; }
});

EncryptedView.prototype.write = function () {
  throw new Error('the TLS records of this connection go between Go and its socket: write to the CleartextStream');
};

EncryptedView.prototype.end = function (data, encoding) {
  if (data !== undefined && data !== null) {
    this.write(data, encoding);
  }
  this.pair.cleartext.end();
};

EncryptedView.prototype.destroySoon = EncryptedView.prototype.end;

EncryptedView.prototype.pause = function () {
  this.pair.cleartext.pause();
};

EncryptedView.prototype.resume = function () {
  this.pair.cleartext.resume();
};

// connectOverSocket is tls.connect({socket}): a client SecurePair piped to
// and from the socket, its cleartext stream returned at once.
function connectOverSocket(options, context, callback) {
  var socket = options.socket;
  var pair = new SecurePair({ context: context }, false, true, options.rejectUnauthorized, {
    servername: options.servername || (net.isIP(options.host || '') ? undefined : options.host),
    allowHalfOpen: options.allowHalfOpen
  });
  var cleartext = pair.cleartext;
  socket.pipe(pair.encrypted);
  pair.encrypted.pipe(socket);
  socket.on('error', function (err) {
    if (!cleartext.destroyed) {
      cleartext.destroy(err);
    }
  });
  cleartext.socket = socket;
  pair.on('secure', function () {
    var identityError = checkIdentity(cleartext, options);
    if (identityError) {
      if (options.rejectUnauthorized) {
        cleartext.destroy(identityError);
        return;
      }
      if (options.rejectUnauthorized === undefined) {
        binding.warnUnverified(cleartext.authorizationError);
      }
    }
    cleartext.emit('secureConnect');
  });
  // As 0.7.4's tls.connect: the handshake's errors are the stream's.
  pair.on('error', function (err) {
    cleartext.emit('error', err);
  });
  if (callback) {
    cleartext.once('secureConnect', callback);
  }
  return cleartext;
}
