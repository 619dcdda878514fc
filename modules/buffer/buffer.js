'use strict';

// Node 0.7's Buffer, on typed arrays: every Buffer is a Uint8Array whose
// prototype is Buffer.prototype. Argument handling follows 0.7's
// lib/buffer.js; the encodings are in Go (binding). Where 0.7 threw a
// plain Error or an AssertionError, the class is the one today's Node
// throws (RangeError or TypeError, both still Errors) and the message is
// 0.7's.

exports.INSPECT_MAX_BYTES = 50;

// SlowBuffer refused sizes above this (0.7's Buffer::kMaxLength).
var kMaxLength = 0x3fffffff;
exports.kMaxLength = kMaxLength;

function Buffer(subject, encoding, offset) {
  // With or without `new`, the result is a fresh Uint8Array; the object
  // `new` made is dropped.
  if (subject instanceof ArrayBuffer) {
    // new Buffer(arrayBuffer, byteOffset, length): what typed array
    // methods (subarray, map, ...) call through Symbol.species.
    return view(subject, encoding || 0, offset);
  }

  if (typeof offset === 'number') {
    // 0.7's internal form new Buffer(parent, length, offset).
    if (!Buffer.isBuffer(subject)) {
      throw new TypeError('First argument must be a Buffer when slicing');
    }
    return view(subject.buffer, subject.byteOffset + offset, coerce(encoding));
  }

  switch (typeof subject) {
    case 'number':
      return allocate(coerce(subject));

    case 'string':
      return binding.fromString(subject, normalizeEncoding(encoding));

    case 'object':
      if (subject !== null) return fromArrayLike(subject);
  }
  throw new TypeError('First argument needs to be a number, ' +
                      'array or string.');
}

Object.setPrototypeOf(Buffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(Buffer, Uint8Array);

exports.Buffer = Buffer;
// 0.7's SlowBuffer was the C++ backing store of pooled Buffers; here every
// Buffer owns its memory, so the two are one.
exports.SlowBuffer = Buffer;

Buffer.poolSize = 8 * 1024;

binding.setup(Buffer);


// Round a length up and make it a non-negative number, as 0.7 did.
function coerce(length) {
  length = Math.ceil(+length);
  return length > 0 ? length : 0;
}

function view(arrayBuffer, byteOffset, length) {
  return Reflect.construct(Uint8Array, [arrayBuffer, byteOffset, length],
                           Buffer);
}

function allocate(size) {
  if (size > kMaxLength) throw new RangeError('length > kMaxLength');
  return Reflect.construct(Uint8Array, [size], Buffer);
}

function fromArrayLike(subject) {
  var buf = allocate(coerce(subject.length));
  if (subject instanceof Uint8Array) {
    buf.set(subject);
  } else {
    for (var i = 0; i < buf.length; i++) {
      buf[i] = subject[i];
    }
  }
  return buf;
}

// The encoding names 0.7 knew, plus the names today's Node added for the
// same encodings ('utf16le', 'latin1').
function lookupEncoding(encoding) {
  if (encoding === undefined || encoding === 'utf8') {
    return 'utf8'; // the common case, without making a string
  }
  switch (String(encoding || 'utf8').toLowerCase()) {
    case 'utf8':
    case 'utf-8':
      return 'utf8';
    case 'ascii':
      return 'ascii';
    case 'binary':
    case 'latin1':
      return 'binary';
    case 'ucs2':
    case 'ucs-2':
    case 'utf16le':
    case 'utf-16le':
      return 'ucs2';
    case 'base64':
      return 'base64';
    case 'hex':
      return 'hex';
  }
  return null;
}

function normalizeEncoding(encoding) {
  var enc = lookupEncoding(encoding);
  if (enc === null) throw new TypeError('Unknown encoding');
  return enc;
}


// Static methods

Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding !== '' &&
         lookupEncoding(encoding) !== null;
};

Buffer.byteLength = function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (string instanceof Uint8Array) return string.length;
    if (string instanceof ArrayBuffer) return string.byteLength;
    throw new TypeError('Argument must be a string');
  }
  // 0.7 counted an unknown encoding as utf8.
  return binding.byteLength(string, lookupEncoding(encoding) || 'utf8');
};

Buffer.concat = function concat(list, length) {
  if (!Array.isArray(list)) {
    throw new TypeError('Usage: Buffer.concat(list, [length])');
  }

  // As in Node 0.8, which introduced concat: one Buffer is returned as is.
  if (list.length === 0) {
    return new Buffer(0);
  } else if (list.length === 1) {
    return list[0];
  }

  var i;
  if (typeof length !== 'number') {
    length = 0;
    for (i = 0; i < list.length; i++) {
      length += list[i].length;
    }
  }

  var buffer = new Buffer(length);
  var pos = 0;
  for (i = 0; i < list.length && pos < buffer.length; i++) {
    pos += Buffer.prototype.copy.call(list[i], buffer, pos);
  }
  return buffer;
};

// Today's constructors, for code written since. Additive.

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') {
    return binding.fromString(value, normalizeEncoding(encodingOrOffset));
  }
  if (value instanceof ArrayBuffer) {
    return view(value, +encodingOrOffset || 0, length);
  }
  if (typeof value === 'object' && value !== null) {
    return fromArrayLike(value);
  }
  throw new TypeError('The first argument must be a string, Buffer, ' +
                      'ArrayBuffer, Array, or array-like object.');
};

function checkSize(size) {
  if (typeof size !== 'number') {
    throw new TypeError('The "size" argument must be of type number');
  }
  if (!(size >= 0 && size <= kMaxLength)) {
    throw new RangeError('The value of "size" is out of range.');
  }
}

Buffer.alloc = function alloc(size, fill, encoding) {
  checkSize(size);
  var buf = allocate(Math.floor(size));
  if (fill !== undefined && fill !== 0 && buf.length > 0) {
    if (typeof fill === 'string') {
      var pattern = binding.fromString(fill, normalizeEncoding(encoding));
      for (var i = 0; pattern.length > 0 && i < buf.length;
           i += pattern.length) {
        pattern.copy(buf, i);
      }
    } else if (fill instanceof Uint8Array) {
      for (var j = 0; fill.length > 0 && j < buf.length; j += fill.length) {
        Buffer.prototype.copy.call(fill, buf, j);
      }
    } else {
      Uint8Array.prototype.fill.call(buf, fill);
    }
  }
  return buf;
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  checkSize(size);
  return allocate(Math.floor(size));
};

Buffer.allocUnsafeSlow = Buffer.allocUnsafe;


// Inspect: 0.7's loop, which shows INSPECT_MAX_BYTES + 1 bytes before '...'.

function toHex(n) {
  if (n < 16) return '0' + n.toString(16);
  return n.toString(16);
}

Buffer.prototype.inspect = function inspect() {
  var out = [];
  var len = this.length;

  for (var i = 0; i < len; i++) {
    out[i] = toHex(this[i]);
    if (i == exports.INSPECT_MAX_BYTES) {
      out[i + 1] = '...';
      break;
    }
  }

  return '<Buffer ' + out.join(' ') + '>';
};


// 0.7's legacy accessors. set(index, value) stays the typed array set()
// when given an array.

Buffer.prototype.get = function get(i) {
  if (i < 0 || i >= this.length) throw new RangeError('oob');
  return this[i];
};

Buffer.prototype.set = function set(i, v) {
  if (typeof i !== 'number') {
    return Uint8Array.prototype.set.apply(this, arguments);
  }
  if (i < 0 || i >= this.length) throw new RangeError('oob');
  return this[i] = v;
};


// write(string, offset = 0, length = buffer.length - offset, encoding = 'utf8')
Buffer.prototype.write = function write(string, offset, length, encoding) {
  // Support both (string, offset, length, encoding)
  // and the legacy (string, encoding, offset, length)
  if (isFinite(offset)) {
    if (!isFinite(length)) {
      encoding = length;
      length = undefined;
    }
  } else {
    var swap = encoding;
    encoding = offset;
    offset = length;
    length = swap;
  }

  offset = +offset || 0;
  var remaining = this.length - offset;
  if (!length) {
    length = remaining;
  } else {
    length = +length;
    if (length > remaining) {
      length = remaining;
    }
  }
  encoding = normalizeEncoding(encoding);

  return binding.write(this, string, offset, length, encoding);
};


// toString(encoding, start = 0, end = buffer.length)
Buffer.prototype.toString = function toString(encoding, start, end) {
  encoding = normalizeEncoding(encoding);

  start = +start || 0;
  if (start < 0) {
    start = 0;
  } else if (start > this.length) {
    start = this.length;
  }

  if (end === undefined || end > this.length) {
    end = this.length;
  } else {
    end = +end || 0;
    if (end < 0) end = 0;
  }

  if (end <= start) return '';
  return binding.toString(this, encoding, start, end);
};

Buffer.prototype.toJSON = function toJSON() {
  return { type: 'Buffer', data: Array.prototype.slice.call(this, 0) };
};

Buffer.prototype.equals = function equals(other) {
  if (!(other instanceof Uint8Array)) {
    throw new TypeError('Argument must be a Buffer');
  }
  return binding.equals(this, other);
};


// fill(value, start = 0, end = buffer.length)
Buffer.prototype.fill = function fill(value, start, end) {
  value || (value = 0);
  start || (start = 0);
  end || (end = this.length);

  if (typeof value === 'string') {
    value = value.charCodeAt(0);
  }
  if (!(typeof value === 'number') || isNaN(value)) {
    throw new TypeError('value is not a number');
  }

  if (end < start) throw new RangeError('end < start');

  // Fill 0 bytes; we're done
  if (end === start || this.length === 0) return this;

  if (start < 0 || start >= this.length) {
    throw new RangeError('start out of bounds');
  }

  if (end < 0 || end > this.length) {
    throw new RangeError('end out of bounds');
  }

  Uint8Array.prototype.fill.call(this, value, start, end);
  return this;
};


// copy(targetBuffer, targetStart = 0, sourceStart = 0,
//      sourceEnd = buffer.length)
Buffer.prototype.copy = function copy(target, target_start, start, end) {
  if (!(target instanceof Uint8Array)) {
    throw new TypeError('First arg should be a Buffer');
  }
  start || (start = 0);
  end || (end = this.length);
  target_start || (target_start = 0);

  if (end < start) throw new RangeError('sourceEnd < sourceStart');

  // Copy 0 bytes; we're done
  if (end === start) return 0;
  if (target.length === 0 || this.length === 0) return 0;

  if (target_start < 0 || target_start >= target.length) {
    throw new RangeError('targetStart out of bounds');
  }

  if (start < 0 || start >= this.length) {
    throw new RangeError('sourceStart out of bounds');
  }

  if (end < 0 || end > this.length) {
    throw new RangeError('sourceEnd out of bounds');
  }

  if (target.length - target_start < end - start) {
    end = target.length - target_start + start;
  }

  return binding.copy(this, target, target_start, start, end);
};


// slice(start = 0, end = buffer.length) shares memory with this Buffer.
Buffer.prototype.slice = function slice(start, end) {
  if (end === undefined) end = this.length;
  start = +start || 0;
  end = +end || 0;
  if (end > this.length) throw new RangeError('oob');
  if (start > end) throw new RangeError('oob');
  if (start < 0) throw new RangeError('start out of bounds');
  start = Math.floor(start);
  end = Math.floor(end);
  return view(this.buffer, this.byteOffset + start, end - start);
};


// Per-encoding methods: 0.7 had the *Slice and *Write methods of SlowBuffer
// on every Buffer; today's Node has them as well.

function addEncodingMethods(name, encoding) {
  Buffer.prototype[name + 'Slice'] = function(start, end) {
    return this.toString(encoding, start, end);
  };
  Buffer.prototype[name + 'Write'] = function(string, offset, length) {
    return this.write(string, offset, length, encoding);
  };
}

addEncodingMethods('utf8', 'utf8');
addEncodingMethods('ascii', 'ascii');
addEncodingMethods('binary', 'binary');
addEncodingMethods('latin1', 'binary');
addEncodingMethods('ucs2', 'ucs2');
addEncodingMethods('base64', 'base64');
addEncodingMethods('hex', 'hex');


// Numbers. 0.7 checked the arguments with assert.ok unless noAssert was
// true; the messages below are 0.7's. With noAssert, bytes beyond the end
// read as undefined (a one-byte read) or 0 and writes beyond it are dropped.
// (The checks are each one function, as calls are what costs in goja.)

function checkOffset(buf, offset, size, beyond) {
  if (offset === undefined || offset === null) {
    throw new TypeError('missing offset');
  }
  if (typeof offset !== 'number' || offset - offset !== 0) {
    throw new TypeError('missing or incorrect offset'); // NaN or Infinity
  }
  if (offset < 0 || offset % 1 !== 0 || offset + size > buf.length) {
    throw new RangeError(beyond);
  }
}

var beyondRead = 'Trying to read beyond buffer length';
// 0.7 spelt this one with a small t for unsigned writes.
var beyondUnsigned = 'trying to write beyond buffer length';
var beyondSigned = 'Trying to write beyond buffer length';

// kind is 'u' (unsigned), 'i' (signed) or 'f' (float): 0.7 checked each
// with its own function and messages.
function checkWrite(buf, value, offset, size, kind, max, min) {
  if (value === undefined || value === null) {
    throw new TypeError('missing value');
  }
  checkOffset(buf, offset, size, kind === 'u' ? beyondUnsigned : beyondSigned);
  if (typeof value !== 'number') {
    throw new TypeError('cannot write a non-number as a number');
  }
  if (kind === 'u') {
    if (value < 0) {
      throw new RangeError(
          'specified a negative value for writing an unsigned value');
    }
    if (value > max) {
      throw new RangeError('value is larger than maximum value for type');
    }
  } else {
    // For floats, NaN fails the first comparison, as in 0.7.
    if (!(value <= max)) {
      throw new RangeError('value larger than maximum allowed value');
    }
    if (!(value >= min)) {
      throw new RangeError('value smaller than minimum allowed value');
    }
  }
  if (kind !== 'f' && Math.floor(value) !== value) {
    throw new RangeError('value has a fractional component');
  }
}

Buffer.prototype.readUInt8 = function(offset, noAssert) {
  if (!noAssert) checkOffset(this, offset, 1, beyondRead);
  return this[offset];
};

// Bitwise operators read a missing byte (undefined) as 0.
function readUInt16(buf, offset, bigEndian, noAssert) {
  if (!noAssert) checkOffset(buf, offset, 2, beyondRead);
  if (bigEndian) {
    return buf[offset] << 8 | buf[offset + 1];
  }
  return buf[offset] | buf[offset + 1] << 8;
}

function readUInt32(buf, offset, bigEndian, noAssert) {
  if (!noAssert) checkOffset(buf, offset, 4, beyondRead);
  if (bigEndian) {
    return (buf[offset] << 24 | buf[offset + 1] << 16 |
            buf[offset + 2] << 8 | buf[offset + 3]) >>> 0;
  }
  return (buf[offset + 3] << 24 | buf[offset + 2] << 16 |
          buf[offset + 1] << 8 | buf[offset]) >>> 0;
}

Buffer.prototype.readUInt16LE = function(offset, noAssert) {
  return readUInt16(this, offset, false, noAssert);
};

Buffer.prototype.readUInt16BE = function(offset, noAssert) {
  return readUInt16(this, offset, true, noAssert);
};

Buffer.prototype.readUInt32LE = function(offset, noAssert) {
  return readUInt32(this, offset, false, noAssert);
};

Buffer.prototype.readUInt32BE = function(offset, noAssert) {
  return readUInt32(this, offset, true, noAssert);
};

Buffer.prototype.readInt8 = function(offset, noAssert) {
  if (!noAssert) checkOffset(this, offset, 1, beyondRead);
  var val = this[offset];
  if (val === undefined) return undefined;
  return val & 0x80 ? val - 0x100 : val;
};

Buffer.prototype.readInt16LE = function(offset, noAssert) {
  return readUInt16(this, offset, false, noAssert) << 16 >> 16;
};

Buffer.prototype.readInt16BE = function(offset, noAssert) {
  return readUInt16(this, offset, true, noAssert) << 16 >> 16;
};

Buffer.prototype.readInt32LE = function(offset, noAssert) {
  return readUInt32(this, offset, false, noAssert) | 0;
};

Buffer.prototype.readInt32BE = function(offset, noAssert) {
  return readUInt32(this, offset, true, noAssert) | 0;
};

// Floats go through a scratch DataView.
var scratch = new DataView(new ArrayBuffer(8));

function toScratch(buf, offset, size) {
  for (var i = 0; i < size; i++) {
    scratch.setUint8(i, buf[offset + i] | 0);
  }
}

function fromScratch(buf, offset, size) {
  for (var i = 0; i < size; i++) {
    buf[offset + i] = scratch.getUint8(i);
  }
}

function readFloat(buf, offset, bigEndian, noAssert) {
  if (!noAssert) checkOffset(buf, offset, 4, beyondRead);
  toScratch(buf, offset, 4);
  return scratch.getFloat32(0, !bigEndian);
}

function readDouble(buf, offset, bigEndian, noAssert) {
  if (!noAssert) checkOffset(buf, offset, 8, beyondRead);
  toScratch(buf, offset, 8);
  return scratch.getFloat64(0, !bigEndian);
}

Buffer.prototype.readFloatLE = function(offset, noAssert) {
  return readFloat(this, offset, false, noAssert);
};

Buffer.prototype.readFloatBE = function(offset, noAssert) {
  return readFloat(this, offset, true, noAssert);
};

Buffer.prototype.readDoubleLE = function(offset, noAssert) {
  return readDouble(this, offset, false, noAssert);
};

Buffer.prototype.readDoubleBE = function(offset, noAssert) {
  return readDouble(this, offset, true, noAssert);
};

// Writes return the offset after the value (today's Node; 0.7 returned
// undefined). Values are cut to size as 0.7 did when noAssert let them
// through.

Buffer.prototype.writeUInt8 = function(value, offset, noAssert) {
  if (!noAssert) checkWrite(this, value, offset, 1, 'u', 0xff);
  this[offset] = value;
  return offset + 1;
};

function writeUInt16(buf, value, offset, bigEndian) {
  if (bigEndian) {
    buf[offset] = (value & 0xff00) >>> 8;
    buf[offset + 1] = value & 0x00ff;
  } else {
    buf[offset + 1] = (value & 0xff00) >>> 8;
    buf[offset] = value & 0x00ff;
  }
  return offset + 2;
}

function writeUInt32(buf, value, offset, bigEndian) {
  if (bigEndian) {
    buf[offset] = (value >>> 24) & 0xff;
    buf[offset + 1] = (value >>> 16) & 0xff;
    buf[offset + 2] = (value >>> 8) & 0xff;
    buf[offset + 3] = value & 0xff;
  } else {
    buf[offset + 3] = (value >>> 24) & 0xff;
    buf[offset + 2] = (value >>> 16) & 0xff;
    buf[offset + 1] = (value >>> 8) & 0xff;
    buf[offset] = value & 0xff;
  }
  return offset + 4;
}

Buffer.prototype.writeUInt16LE = function(value, offset, noAssert) {
  if (!noAssert) checkWrite(this, value, offset, 2, 'u', 0xffff);
  return writeUInt16(this, value, offset, false);
};

Buffer.prototype.writeUInt16BE = function(value, offset, noAssert) {
  if (!noAssert) checkWrite(this, value, offset, 2, 'u', 0xffff);
  return writeUInt16(this, value, offset, true);
};

Buffer.prototype.writeUInt32LE = function(value, offset, noAssert) {
  if (!noAssert) checkWrite(this, value, offset, 4, 'u', 0xffffffff);
  return writeUInt32(this, value, offset, false);
};

Buffer.prototype.writeUInt32BE = function(value, offset, noAssert) {
  if (!noAssert) checkWrite(this, value, offset, 4, 'u', 0xffffffff);
  return writeUInt32(this, value, offset, true);
};

Buffer.prototype.writeInt8 = function(value, offset, noAssert) {
  if (!noAssert) checkWrite(this, value, offset, 1, 'i', 0x7f, -0x80);
  this[offset] = value;
  return offset + 1;
};

Buffer.prototype.writeInt16LE = function(value, offset, noAssert) {
  if (!noAssert) checkWrite(this, value, offset, 2, 'i', 0x7fff, -0x8000);
  return writeUInt16(this, value, offset, false);
};

Buffer.prototype.writeInt16BE = function(value, offset, noAssert) {
  if (!noAssert) checkWrite(this, value, offset, 2, 'i', 0x7fff, -0x8000);
  return writeUInt16(this, value, offset, true);
};

Buffer.prototype.writeInt32LE = function(value, offset, noAssert) {
  if (!noAssert) {
    checkWrite(this, value, offset, 4, 'i', 0x7fffffff, -0x80000000);
  }
  return writeUInt32(this, value, offset, false);
};

Buffer.prototype.writeInt32BE = function(value, offset, noAssert) {
  if (!noAssert) {
    checkWrite(this, value, offset, 4, 'i', 0x7fffffff, -0x80000000);
  }
  return writeUInt32(this, value, offset, true);
};

var maxFloat = 3.4028234663852886e+38;
var maxDouble = 1.7976931348623157e+308;

function writeFloat(buf, value, offset, bigEndian, noAssert) {
  if (!noAssert) checkWrite(buf, value, offset, 4, 'f', maxFloat, -maxFloat);
  scratch.setFloat32(0, value, !bigEndian);
  fromScratch(buf, offset, 4);
  return offset + 4;
}

function writeDouble(buf, value, offset, bigEndian, noAssert) {
  if (!noAssert) {
    checkWrite(buf, value, offset, 8, 'f', maxDouble, -maxDouble);
  }
  scratch.setFloat64(0, value, !bigEndian);
  fromScratch(buf, offset, 8);
  return offset + 8;
}

Buffer.prototype.writeFloatLE = function(value, offset, noAssert) {
  return writeFloat(this, value, offset, false, noAssert);
};

Buffer.prototype.writeFloatBE = function(value, offset, noAssert) {
  return writeFloat(this, value, offset, true, noAssert);
};

Buffer.prototype.writeDoubleLE = function(value, offset, noAssert) {
  return writeDouble(this, value, offset, false, noAssert);
};

Buffer.prototype.writeDoubleBE = function(value, offset, noAssert) {
  return writeDouble(this, value, offset, true, noAssert);
};
