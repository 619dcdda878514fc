// Node's http module, as Node 0.7.4 has it. Connections are parsed in Go
// (binding): their reader goroutines hand this file whole heads and body
// chunks, through the four callbacks below. The messages, the server's
// connection handling, the client and the agent are here.

var net = require('net');
var Stream = require('stream');
var EventEmitter = require('events').EventEmitter;
var util = require('util');

var CRLF = '\r\n';

var STATUS_CODES = exports.STATUS_CODES = {
  100: 'Continue',
  101: 'Switching Protocols',
  102: 'Processing',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  203: 'Non-Authoritative Information',
  204: 'No Content',
  205: 'Reset Content',
  206: 'Partial Content',
  207: 'Multi-Status',
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Moved Temporarily',
  303: 'See Other',
  304: 'Not Modified',
  305: 'Use Proxy',
  307: 'Temporary Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Time-out',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Request Entity Too Large',
  414: 'Request-URI Too Large',
  415: 'Unsupported Media Type',
  416: 'Requested Range Not Satisfiable',
  417: 'Expectation Failed',
  418: 'I\'m a teapot',
  422: 'Unprocessable Entity',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Unordered Collection',
  426: 'Upgrade Required',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Time-out',
  505: 'HTTP Version not supported',
  506: 'Variant Also Negotiates',
  507: 'Insufficient Storage',
  509: 'Bandwidth Limit Exceeded',
  510: 'Not Extended'
};

// Parsing -----------------------------------------------------------------

// The flags of a head (modules/http/http.go).
var KEEP_ALIVE = 1;
var COMPLETE = 2;
var UPGRADE = 4;

// A Parser is a connection's HTTP state here (the parsing is Go's): the
// message being read, and what to do with each new one. It is
// socket.parser while the connection carries HTTP.
// handler has onIncoming(message, shouldKeepAlive) and onUpgrade(message,
// head): the server's connection, or the client's request.
function Parser(socket, maxHeadersCount, handler) {
  this.socket = socket;
  this.handler = handler;
  // Headers past maxHeadersCount are dropped; 0 keeps them all.
  this.maxHeaderPairs = typeof maxHeadersCount === 'number' ? maxHeadersCount << 1 : 2000;
}

Parser.prototype.incoming = null;
Parser.prototype.eofError = null; // the connection ended in the middle of a message

function onHead(socket, msg, flags, rest) {
  var parser = socket.parser;
  if (!parser) {
    return;
  }
  parser.incoming = msg;
  if (msg.upgrade) {
    parser.handler.onUpgrade(msg, rest);
    return;
  }
  parser.handler.onIncoming(msg, (flags & KEEP_ALIVE) !== 0);
  if ((flags & COMPLETE) !== 0 && parser.incoming === msg) {
    messageComplete(parser, msg, undefined);
  }
}

// onBody: a chunk of the body (or undefined), and whether the message
// ends with it (with its trailers).
function onBody(socket, chunk, end, trailers) {
  var parser = socket.parser;
  var msg = parser ? parser.incoming : null;
  if (!msg) {
    return;
  }
  if (chunk !== undefined) {
    if (msg._paused || hasPendings(msg)) {
      msg._pendings.push(chunk);
    } else {
      msg._emitData(chunk);
    }
  }
  if (end && parser.incoming === msg) {
    messageComplete(parser, msg, trailers);
  }
}

// onParseError: a parse error. Node 0.7 destroyed the socket with it; one
// at the end of the connection was reported by its end handler.
function onParseError(socket, err, atEOF) {
  var parser = socket.parser;
  if (atEOF && parser) {
    parser.eofError = err;
    return;
  }
  socket.destroy(err);
}

var END_OF_FILE = {};

// emit0 and emit2 emit http's own events as emitter.emit(type) and
// emitter.emit(type, a, b) do. With EventEmitter's emit and one listener
// or none, they call it themselves: emit's arguments object is a goja
// object of its own, made for every call, and these are emitted for
// every request.
function emit0(emitter, type) {
  var events = emitter._events;
  if (!events && emitter.emit === emitEvent) {
    return false; // no listener at all
  }
  var handler = events ? events[type] : undefined;
  if (emitter.emit !== emitEvent || (handler && typeof handler !== 'function')) {
    return emitter.emit(type);
  }
  if (!handler) {
    return false;
  }
  handler.call(emitter);
  return true;
}

function emit2(emitter, type, a, b) {
  var events = emitter._events;
  var handler = events ? events[type] : undefined;
  if (emitter.emit !== emitEvent || (handler && typeof handler !== 'function')) {
    return emitter.emit(type, a, b);
  }
  if (!handler) {
    return false;
  }
  handler.call(emitter, a, b);
  return true;
}

var emitEvent = EventEmitter.prototype.emit;

// hasPendings: the message holds chunks (or its end) until it resumes.
function hasPendings(msg) {
  return msg.hasOwnProperty('_pendings') && msg._pendings.length > 0;
}

function messageComplete(parser, msg, trailers) {
  msg.complete = true;
  if (trailers !== undefined) {
    msg.trailers = trailers;
  }
  parser.incoming = null;
  if (!msg.upgrade) {
    if (msg._paused || hasPendings(msg)) {
      msg._pendings.push(END_OF_FILE);
    } else if (msg._emitEnd === emitEnd && msg._decoder === null && !msg._events && msg.emit === emitEvent) {
      msg.readable = false; // an end nobody listens to
    } else {
      msg._emitEnd();
    }
  }
  // As Node 0.7 did: the next message is read even if this one is paused.
  if (parser.socket.readable && parser.socket._paused) {
    parser.socket.resume();
  }
}

// IncomingMessage ---------------------------------------------------------

// IncomingMessage is http.ServerRequest and http.ClientResponse: a
// readable stream of a message's body. (The messages a connection reads
// are made in Go, with the properties below: modules/http/http.go.
// Stream's constructor, EventEmitter's, sets nothing.)
function IncomingMessage(socket) {
  this.socket = socket;
  this.readable = true;
}
util.inherits(IncomingMessage, Stream);
exports.IncomingMessage = IncomingMessage;

// A message's state starts from these defaults on the prototype, so that
// each request makes only the properties that differ (every property a
// goja object gets costs on the loop, which serves every connection).
IncomingMessage.prototype.httpVersionMajor = null;
IncomingMessage.prototype.httpVersionMinor = null;
IncomingMessage.prototype.url = '';
IncomingMessage.prototype.method = null;
IncomingMessage.prototype.statusCode = null;
IncomingMessage.prototype.upgrade = false;
IncomingMessage.prototype.complete = false;
IncomingMessage.prototype._paused = false;
IncomingMessage.prototype._decoder = null;

// ownDefault defines a property of the prototype whose value each message
// gets its own of when it is first read or written: headers, trailers and
// the held chunks are objects no two messages may share.
function ownDefault(proto, name, make) {
  Object.defineProperty(proto, name, {
    configurable: true,
    enumerable: true,
    get: function () {
      var value = make(this);
      Object.defineProperty(this, name, { value: value, writable: true, enumerable: true, configurable: true });
      return value;
    },
    set: function (value) {
      Object.defineProperty(this, name, { value: value, writable: true, enumerable: true, configurable: true });
    }
  });
}
ownDefault(IncomingMessage.prototype, 'headers', function () { return {}; });
ownDefault(IncomingMessage.prototype, 'trailers', function () { return {}; });
ownDefault(IncomingMessage.prototype, '_pendings', function () { return []; });
// httpVersion is 'major.minor' ('1.1', '1.0'), or null before the head.
Object.defineProperty(IncomingMessage.prototype, 'httpVersion', {
  configurable: true,
  enumerable: true,
  get: function () {
    return this.httpVersionMajor === null ? null : this.httpVersionMajor + '.' + this.httpVersionMinor;
  },
  set: function (value) {
    Object.defineProperty(this, 'httpVersion', { value: value, writable: true, enumerable: true, configurable: true });
  }
});

// connection and client are the socket (Node 0.4's names).
ownDefault(IncomingMessage.prototype, 'connection', function (msg) { return msg.socket; });
ownDefault(IncomingMessage.prototype, 'client', function (msg) { return msg.socket; });

// What connections read comes here: heads as IncomingMessages made in Go
// on this prototype, body chunks, parse errors.
binding.setCallbacks(IncomingMessage.prototype, onHead, onBody, onParseError);

IncomingMessage.prototype.destroy = function (error) {
  this.socket.destroy(error);
};

IncomingMessage.prototype.setEncoding = function (encoding) {
  var StringDecoder = require('string_decoder').StringDecoder;
  this._decoder = new StringDecoder(encoding);
};

IncomingMessage.prototype.pause = function () {
  this._paused = true;
  this.socket.pause();
};

IncomingMessage.prototype.resume = function () {
  this._paused = false;
  if (this.socket) {
    this.socket.resume();
  }
  if (hasPendings(this)) {
    var self = this;
    process.nextTick(function () {
      while (!self._paused && self._pendings.length) {
        var chunk = self._pendings.shift();
        if (chunk !== END_OF_FILE) {
          self._emitData(chunk);
        } else {
          self._emitEnd();
        }
      }
    });
  }
};

IncomingMessage.prototype._emitData = function (d) {
  if (this._decoder) {
    var string = this._decoder.write(d);
    if (string.length) {
      this.emit('data', string);
    }
  } else {
    this.emit('data', d);
  }
};

// _emitEnd ends the body: what a decoder of setEncoding() still holds (a
// base64 group's last bytes) is emitted first, then 'end'.
function emitEnd() {
  this.readable = false;
  if (this._decoder !== null) {
    var rest = this._decoder.end();
    if (rest) {
      this.emit('data', rest);
    }
  }
  emit0(this, 'end');
}
IncomingMessage.prototype._emitEnd = emitEnd;

// _addHeaderLine(field, value) adds a header (a trailer once the message is
// complete) with Node 0.7's rules for a repeated name. (Heads are built in
// Go with the same rules; this is for scripts that call it.)
IncomingMessage.prototype._addHeaderLine = function (field, value) {
  var dest = this.complete ? this.trailers : this.headers;
  switch (field) {
    case 'set-cookie':
      if (field in dest) {
        dest[field].push(value);
      } else {
        dest[field] = [value];
      }
      break;
    case 'accept':
    case 'accept-charset':
    case 'accept-encoding':
    case 'accept-language':
    case 'connection':
    case 'cookie':
    case 'pragma':
    case 'link':
      joinHeader(dest, field, value);
      break;
    default:
      if (field.slice(0, 2) === 'x-') {
        joinHeader(dest, field, value);
      } else if (!(field in dest)) {
        dest[field] = value;
      }
  }
};

function joinHeader(dest, field, value) {
  if (field in dest) {
    dest[field] += ', ' + value;
  } else {
    dest[field] = value;
  }
}

// OutgoingMessage ---------------------------------------------------------

// OutgoingMessage is what ServerResponse and ClientRequest share: a
// writable stream that sends a head, then the body (chunked when no length
// is known), then the trailers.
function OutgoingMessage() {
  Stream.call(this);
  this.writable = true;
}
util.inherits(OutgoingMessage, Stream);
exports.OutgoingMessage = OutgoingMessage;

// Defaults on the prototype, as IncomingMessage's.
OutgoingMessage.prototype._last = false;
OutgoingMessage.prototype.chunkedEncoding = false;
OutgoingMessage.prototype.shouldKeepAlive = true;
OutgoingMessage.prototype.useChunkedEncodingByDefault = true;
OutgoingMessage.prototype._hasBody = true;
OutgoingMessage.prototype._trailer = '';
OutgoingMessage.prototype.finished = false;
// output and outputEncodings hold what waits for the socket.
ownDefault(OutgoingMessage.prototype, 'output', function () { return []; });
ownDefault(OutgoingMessage.prototype, 'outputEncodings', function () { return []; });

// hasOutput: data waits for the socket.
function hasOutput(msg) {
  return msg.hasOwnProperty('output') && msg.output.length > 0;
}

OutgoingMessage.prototype._header = '';
OutgoingMessage.prototype._headerSent = false;
OutgoingMessage.prototype._headers = null;
OutgoingMessage.prototype._headerNames = null;
OutgoingMessage.prototype.socket = null;
// connection is the socket (its older name): read from socket, so that a
// message that gets or leaves a socket sets one property, not two.
Object.defineProperty(OutgoingMessage.prototype, 'connection', {
  configurable: true,
  enumerable: true,
  get: function () {
    return this.socket;
  },
  set: function (value) {
    Object.defineProperty(this, 'connection', { value: value, writable: true, enumerable: true, configurable: true });
  }
});
// sendDate: send a Date header with the head. Node 0.7.4 sent none; later
// Node added this property (true there), so it is here, off.
OutgoingMessage.prototype.sendDate = false;

OutgoingMessage.prototype.destroy = function (error) {
  this.socket.destroy(error);
};

// _send writes data, the head going with the first piece.
OutgoingMessage.prototype._send = function (data, encoding) {
  if (!this._headerSent) {
    if (typeof data === 'string' && asciiSafe(encoding)) {
      data = this._header + data;
    } else {
      this.output.unshift(this._header);
      this.outputEncodings.unshift('ascii');
    }
    this._headerSent = true;
  }
  return this._writeRaw(data, encoding);
};

// _writeRaw writes to the socket while this message owns it, else keeps
// data until it does (a response behind an earlier one's, a request
// waiting for its connection).
OutgoingMessage.prototype._writeRaw = function (data, encoding) {
  var conn = this.socket;
  if (conn && conn._httpMessage === this && conn.writable) {
    while (hasOutput(this)) {
      if (!conn.writable) {
        this._buffer(data, encoding);
        return false;
      }
      conn.write(this.output.shift(), this.outputEncodings.shift());
    }
    return conn.write(data, encoding);
  }
  this._buffer(data, encoding);
  return false;
};

OutgoingMessage.prototype._buffer = function (data, encoding) {
  if (data.length === 0) {
    return false;
  }
  var length = this.output.length;
  if (length === 0 || typeof data !== 'string') {
    this.output.push(data);
    this.outputEncodings.push(encoding);
    return false;
  }
  var lastEncoding = this.outputEncodings[length - 1];
  var lastData = this.output[length - 1];
  if ((encoding && lastEncoding === encoding) ||
      (!encoding && data.constructor === lastData.constructor)) {
    this.output[length - 1] = lastData + data;
    return false;
  }
  this.output.push(data);
  this.outputEncodings.push(encoding);
  return false;
};

// HEAD_ENDS end a head with what the headers left to say: nothing,
// Connection: keep-alive or close, then the same three with chunked
// Transfer-Encoding (one string each, so that a head is built with few
// concatenations: each is a new string in goja).
var HEAD_ENDS = [
  CRLF,
  'Connection: keep-alive\r\n\r\n',
  'Connection: close\r\n\r\n',
  'Transfer-Encoding: chunked\r\n\r\n',
  'Connection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n',
  'Connection: close\r\nTransfer-Encoding: chunked\r\n\r\n'
];

// What a head's headers said, for _storeHeader.
var SENT_CONNECTION = 1;
var SENT_CONTENT_LENGTH = 2;
var SENT_TRANSFER_ENCODING = 4;
var SENT_EXPECT = 8;
var SENT_DATE = 16;

// _storeHeader builds the head: firstLine, then the headers (an object, or
// an array of [name, value]; an array value is one line each), then what
// framing and keep-alive need that the headers did not say.
OutgoingMessage.prototype._storeHeader = function (firstLine, headers) {
  var head = firstLine;
  var sent = 0;
  if (headers) {
    var keys = Object.keys(headers);
    var isArray = Array.isArray(headers);
    for (var i = 0, l = keys.length; i < l; i++) {
      var field, value;
      if (isArray) {
        field = headers[keys[i]][0];
        value = headers[keys[i]][1];
      } else {
        field = keys[i];
        value = headers[keys[i]];
      }
      if (Array.isArray(value)) {
        for (var j = 0; j < value.length; j++) {
          head += field + ': ' + value[j] + CRLF;
          sent |= this._noteHeader(field, value[j]);
        }
      } else {
        head += field + ': ' + value + CRLF;
        sent |= this._noteHeader(field, value);
      }
    }
  }
  if (this.sendDate && (sent & SENT_DATE) === 0 && this instanceof ServerResponse) {
    head += 'Date: ' + new Date().toUTCString() + CRLF;
  }
  var end = 0; // which of HEAD_ENDS
  if ((sent & SENT_CONNECTION) === 0) {
    if (this.shouldKeepAlive &&
        ((sent & SENT_CONTENT_LENGTH) !== 0 || this.useChunkedEncodingByDefault || this.agent)) {
      end = 1;
    } else {
      this._last = true;
      end = 2;
    }
  }
  if ((sent & (SENT_CONTENT_LENGTH | SENT_TRANSFER_ENCODING)) === 0) {
    if (this._hasBody) {
      if (this.useChunkedEncodingByDefault) {
        end += 3;
        this.chunkedEncoding = true;
      } else {
        this._last = true;
      }
    } else if (this.chunkedEncoding) {
      this.chunkedEncoding = false; // no 0\r\n\r\n after a head-only message
    }
  }
  this._header = head + HEAD_ENDS[end];
  if (this._headerSent) {
    this._headerSent = false;
  }
  // The head waits for the first piece of body, or end(), unless the
  // request expects 100 Continue: then it goes at once.
  if ((sent & SENT_EXPECT) !== 0) {
    this._send('');
  }
};

// _noteHeader notes what a header says about framing and keep-alive, and
// returns which it is. (Node 0.7 matched the names with unanchored
// patterns, so that "Proxy-Connection" counted as Connection; the names
// are compared whole here, as later Node does.)
OutgoingMessage.prototype._noteHeader = function (field, value) {
  switch (String(field).toLowerCase()) {
    case 'connection':
      if (/close/i.test(value)) {
        this._last = true;
      } else {
        this.shouldKeepAlive = true;
      }
      return SENT_CONNECTION;
    case 'transfer-encoding':
      if (/chunk/i.test(value)) {
        this.chunkedEncoding = true;
      }
      return SENT_TRANSFER_ENCODING;
    case 'content-length':
      return SENT_CONTENT_LENGTH;
    case 'expect':
      return SENT_EXPECT;
    case 'date':
      return SENT_DATE;
  }
  return 0;
};

OutgoingMessage.prototype.setHeader = function (name, value) {
  if (arguments.length < 2) {
    throw new Error('`name` and `value` are required for setHeader().');
  }
  if (this._header) {
    throw new Error('Can\'t set headers after they are sent.');
  }
  var key = String(name).toLowerCase();
  if (this._headers === null) {
    this._headers = {};
    this._headerNames = {};
  }
  this._headers[key] = value;
  this._headerNames[key] = name;
};

OutgoingMessage.prototype.getHeader = function (name) {
  if (arguments.length < 1) {
    throw new Error('`name` is required for getHeader().');
  }
  if (this._headers === null) {
    return undefined;
  }
  return this._headers[String(name).toLowerCase()];
};

OutgoingMessage.prototype.removeHeader = function (name) {
  if (arguments.length < 1) {
    throw new Error('`name` is required for removeHeader().');
  }
  if (this._header) {
    throw new Error('Can\'t remove headers after they are sent.');
  }
  if (this._headers === null) {
    return;
  }
  var key = String(name).toLowerCase();
  delete this._headers[key];
  delete this._headerNames[key];
};

OutgoingMessage.prototype._renderHeaders = function () {
  if (this._header) {
    throw new Error('Can\'t render headers after they are sent to the client.');
  }
  if (this._headers === null) {
    return {};
  }
  var headers = {};
  var keys = Object.keys(this._headers);
  for (var i = 0, l = keys.length; i < l; i++) {
    headers[this._headerNames[keys[i]]] = this._headers[keys[i]];
  }
  return headers;
};

OutgoingMessage.prototype.write = function (chunk, encoding) {
  if (!this._header) {
    this._implicitHeader();
  }
  if (!this._hasBody) {
    console.error('This type of response MUST NOT have a body. ' +
                  'Ignoring write() calls.');
    return true;
  }
  if (typeof chunk !== 'string' && !Buffer.isBuffer(chunk)) {
    throw new TypeError('first argument must be a string or Buffer');
  }
  if (chunk.length === 0) {
    return false;
  }
  if (typeof chunk === 'string' && !asciiSafe(encoding)) {
    // The head and the chunk framing go out with the data: as later Node
    // (0.7.4 wrote them in the data's encoding, which mangled them), the
    // data is decoded first.
    chunk = new Buffer(chunk, encoding);
    encoding = undefined;
  }
  if (!this.chunkedEncoding) {
    return this._send(chunk, encoding);
  }
  if (typeof chunk === 'string') {
    var size = Buffer.byteLength(chunk, encoding);
    return this._send(size.toString(16) + CRLF + chunk + CRLF, encoding);
  }
  this._send(chunk.length.toString(16) + CRLF);
  this._send(chunk);
  return this._send(CRLF);
};

OutgoingMessage.prototype.addTrailers = function (headers) {
  this._trailer = '';
  var keys = Object.keys(headers);
  var isArray = Array.isArray(headers);
  for (var i = 0, l = keys.length; i < l; i++) {
    if (isArray) {
      this._trailer += headers[keys[i]][0] + ': ' + headers[keys[i]][1] + CRLF;
    } else {
      this._trailer += keys[i] + ': ' + headers[keys[i]] + CRLF;
    }
  }
};

OutgoingMessage.prototype.end = function (data, encoding) {
  if (this.finished) {
    return false;
  }
  if (!this._header) {
    this._implicitHeader();
  }
  if (data && !this._hasBody) {
    console.error('This type of response MUST NOT have a body. ' +
                  'Ignoring data passed to end().');
    data = false;
  }
  var ret;
  var conn = this.socket;
  var hot = this._headerSent === false && typeof data === 'string' &&
            data.length > 0 && (encoding === undefined || asciiSafe(encoding)) &&
            !(this.hasOwnProperty('output') && this.output.length > 0) && conn &&
            conn.writable && conn._httpMessage === this;
  if (hot) {
    // The common case, res.writeHead() then res.end(body): head and body
    // in one write (in an encoding that writes the head as it is).
    var last = this.chunkedEncoding ?
      (this._trailer === '' ? '\r\n0\r\n\r\n' : '\r\n0\r\n' + this._trailer + CRLF) : undefined;
    if (encoding === undefined && conn._writeReplaced === false && conn._handle && !conn._connecting) {
      // What conn.write(head, size line, data, last) would do, in one
      // call: the socket is connected and writable, and its write is
      // net's own (a net.Socket's, whose write was not replaced).
      ret = binding.writeMessage(conn._handle, this._header, data, last);
    } else if (last !== undefined) {
      var size = isUtf8(encoding) ? binding.byteLength(data) : Buffer.byteLength(data, encoding);
      ret = conn.write(this._header + chunkLine(size) + data + last, encoding);
    } else {
      ret = conn.write(this._header + data, encoding);
    }
    this._headerSent = true;
  } else {
    if (data) {
      ret = this.write(data, encoding);
    }
    if (this.chunkedEncoding) {
      ret = this._send('0\r\n' + this._trailer + CRLF);
    } else {
      ret = this._send(''); // flushes the head if nothing else did
    }
  }
  this.finished = true;
  if ((hot || !hasOutput(this)) && this.socket && this.socket._httpMessage === this) {
    this._finish();
  }
  return ret;
};

// chunkLine is a chunk's size line; those of small chunks are made once.
var chunkLines = [];
function chunkLine(size) {
  if (size >= 1024) {
    return size.toString(16) + CRLF;
  }
  var line = chunkLines[size];
  if (line === undefined) {
    line = size.toString(16) + CRLF;
    chunkLines[size] = line;
  }
  return line;
}

// isUtf8: a socket writes a string in this encoding as UTF-8.
function isUtf8(encoding) {
  return encoding === undefined || encoding === null || encoding === 'utf8' || encoding === 'utf-8';
}

// asciiSafe: a string written in this encoding carries a head's ASCII
// as it is (not hex, base64 or ucs2).
function asciiSafe(encoding) {
  return isUtf8(encoding) || encoding === 'ascii' || encoding === 'binary';
}

OutgoingMessage.prototype._finish = function () {
  this.emit('finish');
};

// _flush writes what waited for the socket; a finished message then
// finishes.
OutgoingMessage.prototype._flush = function () {
  if (!this.socket) {
    return;
  }
  var ret;
  while (hasOutput(this)) {
    if (!this.socket.writable) {
      return;
    }
    ret = this.socket.write(this.output.shift(), this.outputEncodings.shift());
  }
  if (this.finished) {
    this._finish();
  } else if (ret) {
    this.emit('drain');
  }
};

// ServerResponse ----------------------------------------------------------

function ServerResponse(req) {
  if (req.method === 'HEAD') {
    this._hasBody = false;
  }
  if (req.httpVersionMajor < 1 || req.httpVersionMinor < 1) {
    this.useChunkedEncodingByDefault = false;
    this.shouldKeepAlive = false;
  }
}
util.inherits(ServerResponse, OutgoingMessage);
exports.ServerResponse = ServerResponse;

ServerResponse.prototype.statusCode = 200;
ServerResponse.prototype.writable = true; // as OutgoingMessage's constructor says
ServerResponse.prototype._expect_continue = false;
ServerResponse.prototype._sent100 = false;

// assignSocket makes socket this response's: it writes there, and hears of
// its 'close' (the connection's 'close' listener passes it on).
function assignSocket(socket) {
  socket._httpMessage = this;
  this.socket = socket;
  if (this.finished || hasOutput(this)) {
    this._flush();
  }
}
ServerResponse.prototype.assignSocket = assignSocket;

function detachSocket(socket) {
  socket._httpMessage = null;
  this.socket = null;
}
ServerResponse.prototype.detachSocket = detachSocket;

ServerResponse.prototype.writeContinue = function () {
  this._writeRaw('HTTP/1.1 100 Continue' + CRLF + CRLF, 'ascii');
  this._sent100 = true;
};

ServerResponse.prototype._implicitHeader = function () {
  this.writeHead(this.statusCode);
};

// writeHead(statusCode, [reasonPhrase], [headers])
ServerResponse.prototype.writeHead = function (statusCode, reasonPhrase, obj) {
  var statusLine;
  if (typeof reasonPhrase !== 'string') {
    obj = reasonPhrase;
    statusLine = defaultStatusLine(statusCode);
  } else if (reasonPhrase === STATUS_CODES[statusCode]) {
    statusLine = defaultStatusLine(statusCode);
  } else {
    statusLine = 'HTTP/1.1 ' + statusCode.toString() + ' ' + reasonPhrase + CRLF;
  }
  if (this.statusCode !== statusCode) {
    this.statusCode = statusCode;
  }
  var headers;
  if (obj && this._headers !== null) {
    // Headers from setHeader() and from writeHead(): writeHead's win.
    headers = this._renderHeaders();
    if (Array.isArray(obj)) {
      for (var i = 0, len = obj.length; i < len; ++i) {
        if (obj[i][0] in headers) {
          obj.push([obj[i][0], headers[obj[i][0]]]);
        }
      }
      headers = obj;
    } else {
      var keys = Object.keys(obj);
      for (var k = 0; k < keys.length; k++) {
        if (keys[k]) {
          headers[keys[k]] = obj[keys[k]];
        }
      }
    }
  } else if (this._headers !== null) {
    headers = this._renderHeaders();
  } else {
    headers = obj;
  }
  if (statusCode === 204 || statusCode === 304 ||
      (statusCode >= 100 && statusCode <= 199)) {
    this._hasBody = false; // RFC 2616 10.1, 10.2.5, 10.3.5
  }
  // A client that expects 100 Continue but gets a final status may still
  // send the body: that connection is not kept.
  if (this._expect_continue && !this._sent100) {
    this.shouldKeepAlive = false;
  }
  this._storeHeader(statusLine, headers);
};

// defaultStatusLine is the status line of a status code with its usual
// reason ('unknown' for a code without one); those of the codes from 100
// to 599 are made once, in an array (an object's number keys would each
// be a new string).
var statusLines = [];
function defaultStatusLine(statusCode) {
  var cached = typeof statusCode === 'number' && statusCode >= 100 && statusCode < 600 &&
               statusCode % 1 === 0;
  var line = cached ? statusLines[statusCode - 100] : undefined;
  if (line === undefined) {
    line = 'HTTP/1.1 ' + statusCode.toString() + ' ' + (STATUS_CODES[statusCode] || 'unknown') + CRLF;
    if (cached) {
      statusLines[statusCode - 100] = line;
    }
  }
  return line;
}

ServerResponse.prototype.writeHeader = function () {
  this.writeHead.apply(this, arguments);
};

// _finish: the response is written. The connection goes on with the next
// response, or ends after this one; then 'finish' is emitted.
ServerResponse.prototype._finish = function () {
  var socket = this.socket;
  var conn = socket ? socket._httpConnection : undefined;
  if (conn !== undefined && conn !== null) {
    conn.incoming.shift(); // this response's request (or none: aborted)
    if (this.detachSocket === detachSocket) {
      socket._httpMessage = null;
      this.socket = null;
    } else {
      this.detachSocket(socket);
    }
    if (this._last) {
      socket.destroySoon();
    } else if (conn.outgoing.length !== 0) {
      conn.outgoing.shift().assignSocket(socket);
    }
  }
  if (this._events || this.emit !== emitEvent) {
    emit0(this, 'finish');
  }
};

// Server ------------------------------------------------------------------

function Server(requestListener) {
  if (!(this instanceof Server)) {
    return new Server(requestListener);
  }
  checkRequestListener(requestListener);
  net.Server.call(this, { allowHalfOpen: true });
  if (requestListener) {
    this.addListener('request', requestListener);
  }
  // Whether a request may come after the client ended its side
  // (squid's half_closed_clients): off, as in Node.
  this.httpAllowHalfOpen = false;
  this.addListener('connection', connectionListener);
}
util.inherits(Server, net.Server);
exports.Server = Server;

// Every connection is parsed as requests from its first byte.
Server.prototype._connectionReader = binding.requestReaders;

exports.createServer = function (requestListener) {
  return new Server(requestListener);
};

// checkRequestListener throws a TypeError naming a requestListener that is
// given and not a function (Node 0.7 threw later, from addListener,
// without the name).
function checkRequestListener(listener) {
  if (listener && typeof listener !== 'function') {
    throw new TypeError('requestListener must be a function');
  }
}
exports._checkRequestListener = checkRequestListener;

function httpSocketSetup(socket) {
  socket.removeListener('drain', ondrain);
  socket.on('drain', ondrain);
}

function ondrain() {
  if (this._httpMessage) {
    this._httpMessage.emit('drain');
  }
}

// ServerConnection is the state of one connection of a server: the
// requests that have no complete response yet, and the responses waiting
// for the ones before them.
function ServerConnection(server, socket) {
  this.server = server;
  this.socket = socket;
  this.incoming = [];
  this.outgoing = [];
}

ServerConnection.prototype.abortIncoming = function () {
  while (this.incoming.length) {
    var req = this.incoming.shift();
    req.emit('aborted');
    req.emit('close');
  }
};

// connectionListener gives a server's connection its HTTP handling (https
// servers use it too).
function connectionListener(socket) {
  var conn = new ServerConnection(this, socket);
  socket._httpConnection = conn;
  socket.parser = new Parser(socket, this.maxHeadersCount, conn);
  if (socket.server !== this || this._connectionReader !== binding.requestReaders) {
    // A socket that did not come from an http server's listener (one
    // emitted as 'connection' by a script): it is read as requests from
    // what it has not emitted yet.
    socket._setReader(binding.requestReader());
  }
  httpSocketSetup(socket);
  socket.setTimeout(2 * 60 * 1000);
  socket.on('timeout', serverSocketTimeout);
  socket.on('error', serverSocketError);
  socket.on('close', serverSocketClose);
  socket.onend = serverSocketEnd;
}

// The listeners of a server's sockets are shared: a connection's state is
// socket._httpConnection.

function serverSocketTimeout() {
  this.destroy();
}

function serverSocketError(e) {
  this._httpConnection.server.emit('clientError', e, this);
}

// The requests not answered yet are aborted, then the response writing to
// the socket hears that it closed.
function serverSocketClose() {
  this.parser = null;
  this._httpConnection.abortIncoming();
  if (this._httpMessage) {
    this._httpMessage.emit('close');
  }
}

// The client has ended its side: a message cut short is a parse error;
// else, unless requests may follow a half-close (httpAllowHalfOpen), the
// connection ends once the responses are written.
function serverSocketEnd() {
  var conn = this._httpConnection;
  var parser = this.parser;
  if (parser && parser.eofError !== null) {
    this.destroy(parser.eofError);
    return;
  }
  if (!conn.server.httpAllowHalfOpen) {
    conn.abortIncoming();
    if (this.writable) {
      this.end();
    }
  } else if (conn.outgoing.length) {
    conn.outgoing[conn.outgoing.length - 1]._last = true;
  } else if (this._httpMessage) {
    this._httpMessage._last = true;
  } else if (this.writable) {
    this.end();
  }
}

// onIncoming: a request's head. Its response waits behind the responses
// before it; then 'checkContinue' or 'request'.
ServerConnection.prototype.onIncoming = function (req, shouldKeepAlive) {
  var server = this.server;
  var socket = this.socket;
  this.incoming.push(req);
  var res = new ServerResponse(req);
  if (res.shouldKeepAlive !== shouldKeepAlive) {
    res.shouldKeepAlive = shouldKeepAlive; // the request's say (an HTTP/1.0 keep-alive too)
  }
  if (socket._httpMessage) {
    this.outgoing.push(res);
  } else if (res.assignSocket === assignSocket) {
    socket._httpMessage = res; // what assignSocket does for a new response
    res.socket = socket;
  } else {
    res.assignSocket(socket);
  }
  if (req.headers.expect !== undefined && req.httpVersionMajor === 1 &&
      req.httpVersionMinor === 1 && /100-continue/i.test(req.headers.expect)) {
    res._expect_continue = true;
    if (server.listeners('checkContinue').length) {
      server.emit('checkContinue', req, res);
      return;
    }
    res.writeContinue();
  }
  emit2(server, 'request', req, res);
};

// onUpgrade: the connection leaves HTTP ('upgrade' or 'connect').
ServerConnection.prototype.onUpgrade = function (req, head) {
  var socket = this.socket;
  var server = this.server;
  socket.parser = null;
  socket.onend = null;
  socket.removeListener('close', serverSocketClose);
  var eventName = req.method === 'CONNECT' ? 'connect' : 'upgrade';
  if (server.listeners(eventName).length) {
    server.emit(eventName, req, req.socket, head);
  } else {
    socket.destroy(); // nobody takes the new protocol
  }
};
exports._connectionListener = connectionListener;

// Agent -------------------------------------------------------------------

// An Agent pools client connections for any number of host:port pairs, at
// most maxSockets each. A connection whose response ended is 'free': it
// takes the next request waiting for its host, or is closed.
function Agent(options) {
  var self = this;
  EventEmitter.call(this);
  if (options !== undefined && options !== null && typeof options !== 'object') {
    throw new TypeError('Agent: options must be an object');
  }
  this.options = options || {};
  this.requests = {};
  this.sockets = {};
  this.maxSockets = this.options.maxSockets || Agent.defaultMaxSockets;
  if (typeof this.maxSockets !== 'number' || !(this.maxSockets > 0)) {
    throw new TypeError('Agent: options.maxSockets must be a positive number');
  }
  this.on('free', function (socket, host, port) {
    var name = host + ':' + port;
    if (self.requests[name] && self.requests[name].length) {
      self.requests[name].shift().onSocket(socket);
      if (self.requests[name].length === 0) {
        delete self.requests[name];
      }
    } else {
      // Nobody waits: the connection is closed (and so leaves the pool),
      // which keeps the default of Connection: keep-alive harmless.
      socket.destroy();
    }
  });
  this.createConnection = net.createConnection;
}
util.inherits(Agent, EventEmitter);
exports.Agent = Agent;

Agent.defaultMaxSockets = 5;
Agent.prototype.defaultPort = 80;

Agent.prototype.addRequest = function (req, host, port) {
  var name = host + ':' + port;
  if (!this.sockets[name]) {
    this.sockets[name] = [];
  }
  if (this.sockets[name].length < this.maxSockets) {
    req.onSocket(this.createSocket(name, host, port));
  } else {
    if (!this.requests[name]) {
      this.requests[name] = [];
    }
    this.requests[name].push(req);
  }
};

Agent.prototype.createSocket = function (name, host, port) {
  var self = this;
  var s = this.createConnection(port, host, this.options);
  if (!this.sockets[name]) {
    this.sockets[name] = [];
  }
  this.sockets[name].push(s);
  function onFree() {
    self.emit('free', s, host, port);
  }
  s.on('free', onFree);
  function onClose() {
    // The only way out of the pool: every error ends in 'close'.
    self.removeSocket(s, name, host, port);
  }
  s.on('close', onClose);
  function onRemove() {
    // A connection taken out of the pool for good (an upgrade).
    self.removeSocket(s, name, host, port);
    s.removeListener('close', onClose);
    s.removeListener('free', onFree);
    s.removeListener('agentRemove', onRemove);
  }
  s.on('agentRemove', onRemove);
  return s;
};

Agent.prototype.removeSocket = function (s, name, host, port) {
  if (this.sockets[name]) {
    var index = this.sockets[name].indexOf(s);
    if (index !== -1) {
      this.sockets[name].splice(index, 1);
      if (this.sockets[name].length === 0) {
        delete this.sockets[name];
      }
    }
  }
  if (this.requests[name] && this.requests[name].length) {
    // Requests wait for this host: a new connection takes the place of
    // the one that closed.
    this.createSocket(name, host, port).emit('free');
  }
};

var globalAgent = new Agent();
exports.globalAgent = globalAgent;

// ClientRequest -----------------------------------------------------------

// checkOption throws a TypeError naming an option of the wrong type.
function checkOption(options, name, type) {
  var v = options[name];
  if (v === undefined || v === null) {
    return;
  }
  if (type === 'port') {
    if (typeof v === 'number' || (typeof v === 'string' && /^\s*\d+\s*$/.test(v))) {
      return;
    }
    throw new TypeError('options.port must be a number: ' + v);
  }
  if (type === 'object') {
    if (typeof v !== 'object') {
      throw new TypeError('options.' + name + ' must be an object');
    }
    return;
  }
  if (typeof v !== type) {
    throw new TypeError('options.' + name + ' must be a ' + type);
  }
}

function ClientRequest(options, cb) {
  var self = this;
  OutgoingMessage.call(this);
  if (options === null || typeof options !== 'object') {
    throw new TypeError('options must be an object');
  }
  checkOption(options, 'host', 'string');
  checkOption(options, 'hostname', 'string');
  checkOption(options, 'port', 'port');
  checkOption(options, 'socketPath', 'string');
  checkOption(options, 'method', 'string');
  checkOption(options, 'path', 'string');
  checkOption(options, 'headers', 'object');
  checkOption(options, 'auth', 'string');
  checkOption(options, 'createConnection', 'function');
  if (options.agent !== undefined && options.agent !== false &&
      !(options.agent instanceof Agent)) {
    throw new TypeError('options.agent must be an Agent, false or undefined');
  }
  if (cb !== undefined && cb !== null && typeof cb !== 'function') {
    throw new TypeError('callback must be a function');
  }
  this.agent = options.agent;
  options.defaultPort = options.defaultPort || 80;
  options.port = options.port || options.defaultPort;
  options.host = options.hostname || options.host || 'localhost';
  if (options.setHost === undefined) {
    options.setHost = true;
  }
  this.socketPath = options.socketPath;
  var method = this.method = (options.method || 'GET').toUpperCase();
  this.path = options.path || '/';
  if (cb) {
    this.on('response', cb);
  }
  if (!Array.isArray(options.headers)) {
    if (options.headers) {
      var keys = Object.keys(options.headers);
      for (var i = 0, l = keys.length; i < l; i++) {
        this.setHeader(keys[i], options.headers[keys[i]]);
      }
    }
    if (options.host && !this.getHeader('host') && options.setHost) {
      var hostHeader = options.host;
      if (options.port && +options.port !== options.defaultPort) {
        hostHeader += ':' + options.port;
      }
      this.setHeader('Host', hostHeader);
    }
  }
  if (options.auth && !this.getHeader('Authorization')) {
    this.setHeader('Authorization', 'Basic ' + new Buffer(options.auth).toString('base64'));
  }
  this.useChunkedEncodingByDefault = !(method === 'GET' || method === 'HEAD' || method === 'CONNECT');
  if (Array.isArray(options.headers)) {
    this._storeHeader(method + ' ' + this.path + ' HTTP/1.1\r\n', options.headers);
  } else if (this.getHeader('expect')) {
    this._storeHeader(method + ' ' + this.path + ' HTTP/1.1\r\n', this._renderHeaders());
  }
  if (this.socketPath) {
    this._last = true;
    this.shouldKeepAlive = false;
    if (options.createConnection) {
      this.onSocket(options.createConnection(this.socketPath));
    } else {
      this.onSocket(net.createConnection(this.socketPath));
    }
  } else if (this.agent) {
    // With an agent the connection is kept (Connection: keep-alive).
    this._last = false;
    this.shouldKeepAlive = true;
    this.agent.addRequest(this, options.host, options.port);
  } else {
    this._last = true;
    this.shouldKeepAlive = false;
    if (options.createConnection) {
      this.onSocket(options.createConnection(options.port, options.host, options));
    } else {
      this.onSocket(net.createConnection(options.port, options.host));
    }
  }
  this._deferToConnect(null, null, function () {
    self._flush();
  });
}
util.inherits(ClientRequest, OutgoingMessage);
exports.ClientRequest = ClientRequest;

ClientRequest.prototype.res = null;
ClientRequest.prototype.parser = null;
ClientRequest.prototype._hadError = false;
ClientRequest.prototype.upgradeOrConnect = false;

ClientRequest.prototype._implicitHeader = function () {
  this._storeHeader(this.method + ' ' + this.path + ' HTTP/1.1\r\n', this._renderHeaders());
};

ClientRequest.prototype.abort = function () {
  if (this.socket) {
    this.socket.destroy();
  } else {
    this._deferToConnect('destroy', []); // when it gets one
  }
};

function createHangUpError() {
  var error = new Error('socket hang up');
  error.code = 'ECONNRESET';
  return error;
}

// onSocket: the request has its connection (new or from the pool). On the
// next tick, the connection is set up for this request's response.
ClientRequest.prototype.onSocket = function (socket) {
  var req = this;
  process.nextTick(function () {
    var handler = {};
    var parser = new Parser(socket, req.maxHeadersCount, handler);
    req.socket = socket;
    req.parser = parser;
    socket.parser = parser;
    if (socket._httpReader === undefined || socket._httpReader === null) {
      // The connection's reader parses responses from now on (a new
      // connection: from its first byte).
      socket._httpReader = binding.responseReader();
      socket._setReader(socket._httpReader);
    }
    socket._httpReader.expect(req.method);
    socket._httpMessage = req;
    httpSocketSetup(socket);

    function errorListener(err) {
      req.emit('error', err);
      // Errors that follow are not reported again.
      req._hadError = true;
      socket.parser = null;
      socket.destroy();
    }
    socket.on('error', errorListener);

    function closeListener() {
      req.emit('close');
      if (req.res && req.res.readable) {
        // The connection closed before the response ended.
        req.res.emit('aborted');
        req.res._emitEnd();
        req.res.emit('close');
      } else if (!req.res && !req._hadError) {
        // It closed before a response came.
        req.emit('error', createHangUpError());
      }
    }
    socket.on('close', closeListener);

    socket.onend = function () {
      if (!req.res) {
        // The server ended the connection without a response.
        req.emit('error', createHangUpError());
        req._hadError = true;
      }
      socket.parser = null;
      socket.destroy();
    };

    handler.onUpgrade = function (res, head) {
      req.res = res;
      socket.parser = null;
      socket.onend = null;
      var eventName = req.method === 'CONNECT' ? 'connect' : 'upgrade';
      if (req.listeners(eventName).length) {
        req.upgradeOrConnect = true;
        // The connection is the script's now: out of the pool.
        socket.emit('agentRemove');
        socket.removeListener('close', closeListener);
        socket.removeListener('error', errorListener);
        req.emit(eventName, res, socket, head);
        req.emit('close');
      } else {
        socket.destroy(); // nobody takes the new protocol
      }
    };

    handler.onIncoming = function (res, shouldKeepAlive) {
      if (req.res) {
        // A second response to one request.
        socket.destroy();
        return;
      }
      if (res.statusCode === 100) {
        // 100 Continue: the final response follows.
        parser.incoming = null;
        req.emit('continue');
        return;
      }
      req.res = res;
      if (req.shouldKeepAlive && !shouldKeepAlive && !req.upgradeOrConnect) {
        // The server must say keep-alive for the connection to be kept.
        req.shouldKeepAlive = false;
      }
      res.on('end', function () {
        if (!req.shouldKeepAlive) {
          if (socket.writable) {
            socket.destroySoon();
          }
        }
      });
      req.emit('response', res);
      res.on('end', function () {
        if (req.shouldKeepAlive) {
          socket.removeListener('close', closeListener);
          socket.removeListener('error', errorListener);
          socket.parser = null;
          socket.emit('free');
        }
      });
    };
    req.emit('socket', socket);
  });
};

// _deferToConnect runs socket[method](args), then cb, once the request has
// a connection that is writable (now, or when it connects).
ClientRequest.prototype._deferToConnect = function (method, args, cb) {
  var self = this;
  function run() {
    if (method) {
      self.socket[method].apply(self.socket, args);
    }
    if (cb) {
      cb();
    }
  }
  function onSocket() {
    if (self.socket.writable) {
      run();
    } else {
      self.socket.once('connect', run);
    }
  }
  if (!this.socket) {
    this.once('socket', onSocket);
  } else {
    onSocket();
  }
};

ClientRequest.prototype.setTimeout = function () {
  this._deferToConnect('setTimeout', arguments);
};

ClientRequest.prototype.setNoDelay = function () {
  this._deferToConnect('setNoDelay', arguments);
};

ClientRequest.prototype.setSocketKeepAlive = function () {
  this._deferToConnect('setKeepAlive', arguments);
};

ClientRequest.prototype.pause = function () {
  var self = this;
  this._deferToConnect(null, null, function () {
    OutgoingMessage.prototype.pause.apply(self, []);
  });
};

// requestOptions(options) is the options object of a request: a URL
// string becomes url.parse()'s object, as Node 0.8 added (0.7.4 took only
// objects); anything else that is not an object is a TypeError.
function requestOptions(options) {
  if (typeof options === 'string') {
    return require('url').parse(options);
  }
  if (options === null || typeof options !== 'object') {
    throw new TypeError('options must be an object or a URL string');
  }
  return options;
}
exports._requestOptions = requestOptions;

// http.request(options, [callback]) and http.get(options, [callback]).
exports.request = function (options, cb) {
  options = requestOptions(options);
  if (options.protocol && options.protocol !== 'http:') {
    throw new Error('Protocol:' + options.protocol + ' not supported.');
  }
  if (options.agent === undefined) {
    options.agent = globalAgent;
  }
  return new ClientRequest(options, cb);
};

exports.get = function (options, cb) {
  options = requestOptions(options);
  options.method = 'GET';
  var req = exports.request(options, cb);
  req.end();
  return req;
};
