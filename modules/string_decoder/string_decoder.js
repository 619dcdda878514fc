'use strict';

// Node's string_decoder: new StringDecoder([encoding]) turns Buffers into
// strings, keeping the bytes of a character split across two Buffers until
// its end arrives. The decoding itself is done by the Go binding.

// The canonical name of each encoding name Buffer accepts.
var canonical = {
  'utf8': 'utf8', 'utf-8': 'utf8',
  'ucs2': 'ucs2', 'ucs-2': 'ucs2', 'utf16le': 'ucs2', 'utf-16le': 'ucs2',
  'base64': 'base64',
  'hex': 'hex',
  'ascii': 'ascii',
  'binary': 'binary', 'latin1': 'binary'
};

function StringDecoder(encoding) {
  if (!(this instanceof StringDecoder)) {
    return new StringDecoder(encoding);
  }
  var name = String(encoding || 'utf8').toLowerCase();
  var kind = canonical.hasOwnProperty(name) ? canonical[name] : undefined;
  if (kind === undefined) {
    throw new TypeError('Unknown encoding: ' + encoding);
  }
  // Named as Node 0.7 did: lower case, the first '-' or '_' removed.
  this.encoding = name.replace(/[-_]/, '');
  Object.defineProperty(this, '_decoder', { value: binding.decoder(kind) });
}
exports.StringDecoder = StringDecoder;

function toBuffer(buffer) {
  if (buffer instanceof Uint8Array) {
    return buffer;
  }
  if (ArrayBuffer.isView(buffer)) {
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
  throw new TypeError('The "buf" argument must be an instance of Buffer, ' +
                      'TypedArray, or DataView. Received ' + describe(buffer));
}

var describe = require('util')._describe;

// decoder.write(buffer): the text of the complete characters so far.
StringDecoder.prototype.write = function(buffer) {
  if (typeof buffer === 'string') {
    return buffer;
  }
  return this._decoder.write(toBuffer(buffer));
};

// decoder.end([buffer]) (from later Node versions): writes buffer, then
// returns what is left of an incomplete character and starts afresh.
StringDecoder.prototype.end = function(buffer) {
  var text = '';
  if (buffer !== undefined) {
    text = this.write(buffer);
  }
  return text + this._decoder.end();
};
