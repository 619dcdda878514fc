'use strict';

// Node 0.7's crypto module. As in 0.7, the classes are thin: the digests,
// ciphers and signatures run in Go (binding, hash*.go), and each object
// keeps its Go state in a hidden property that the binding finds through
// the object passed to it.
//
// 0.7 returned 'binary' strings (one character per byte) wherever no
// encoding was given, and read strings as 'binary' unless told otherwise.

// ---- Hash ----------------------------------------------------------------

function Hash(algorithm) {
  if (!(this instanceof Hash)) return new Hash(algorithm);
  binding.hashInit(this, algorithm);
}

Hash.prototype.update = function(data, encoding) {
  binding.update(this, data, encoding);
  return this;
};

Hash.prototype.digest = function(encoding) {
  return binding.digest(this, encoding);
};

exports.Hash = Hash;
exports.createHash = function(hash) {
  return new Hash(hash);
};


// ---- Hmac ----------------------------------------------------------------

function Hmac() {
  if (!(this instanceof Hmac)) return new Hmac();
  binding.hmacNew(this);
}

Hmac.prototype.init = function(hmac, key) {
  binding.hmacInit(this, hmac, key);
  return this;
};

Hmac.prototype.update = Hash.prototype.update;
Hmac.prototype.digest = Hash.prototype.digest;

exports.Hmac = Hmac;
exports.createHmac = function(hmac, key) {
  return (new Hmac).init(hmac, key);
};


// ---- Cipher and Decipher -------------------------------------------------

function Cipher() {
  if (!(this instanceof Cipher)) return new Cipher();
  binding.cipherNew(this, false);
}

function Decipher() {
  if (!(this instanceof Decipher)) return new Decipher();
  binding.cipherNew(this, true);
}

// The two share their methods: the Go state knows which way it works.
[Cipher, Decipher].forEach(function(Class) {
  Class.prototype.init = function(cipher, password) {
    binding.cipherInit(this, cipher, password);
    return this;
  };

  Class.prototype.initiv = function(cipher, key, iv) {
    binding.cipherInitIv(this, cipher, key, iv);
    return this;
  };

  Class.prototype.update = function(data, inputEncoding, outputEncoding) {
    return binding.cipherUpdate(this, data, inputEncoding, outputEncoding);
  };

  Class.prototype.final = function(outputEncoding) {
    return binding.cipherFinal(this, outputEncoding);
  };

  // auto_padding defaults to true: only an argument given can turn it off.
  Class.prototype.setAutoPadding = function(autoPadding) {
    if (arguments.length === 0) {
      binding.cipherPadding(this);
    } else {
      binding.cipherPadding(this, autoPadding);
    }
  };
});

exports.Cipher = Cipher;
exports.createCipher = function(cipher, password) {
  return (new Cipher).init(cipher, password);
};

exports.createCipheriv = function(cipher, key, iv) {
  return (new Cipher).initiv(cipher, key, iv);
};

exports.Decipher = Decipher;
exports.createDecipher = function(cipher, password) {
  return (new Decipher).init(cipher, password);
};

exports.createDecipheriv = function(cipher, key, iv) {
  return (new Decipher).initiv(cipher, key, iv);
};


// ---- Sign and Verify -----------------------------------------------------

function Sign() {
  if (!(this instanceof Sign)) return new Sign();
  binding.signNew(this, false);
}

Sign.prototype.init = function(algorithm) {
  binding.signInit(this, algorithm);
  return this;
};

Sign.prototype.update = Hash.prototype.update;

Sign.prototype.sign = function(privateKey, outputFormat) {
  return binding.sign(this, privateKey, outputFormat);
};

exports.Sign = Sign;
exports.createSign = function(algorithm) {
  return (new Sign).init(algorithm);
};

function Verify() {
  if (!(this instanceof Verify)) return new Verify();
  binding.signNew(this, true);
}

Verify.prototype.init = function(algorithm) {
  binding.verifyInit(this, algorithm);
  return this;
};

Verify.prototype.update = Hash.prototype.update;

Verify.prototype.verify = function(object, signature, signatureFormat) {
  return binding.verify(this, object, signature, signatureFormat);
};

exports.Verify = Verify;
exports.createVerify = function(algorithm) {
  return (new Verify).init(algorithm);
};


// ---- DiffieHellman -------------------------------------------------------

// A prime of sizeOrKey bits is generated when sizeOrKey is a number;
// otherwise sizeOrKey is the prime (a Buffer, or a string in encoding,
// 'binary' by default). The generator is 2.
function DiffieHellman(sizeOrKey, encoding) {
  if (!(this instanceof DiffieHellman)) {
    return new DiffieHellman(sizeOrKey, encoding);
  }
  binding.dhNew(this, sizeOrKey, encoding);
}

// computeSecret, setPublicKey and setPrivateKey pass on their arguments as
// they came: 0.7 counted them.
function withArguments(fn, self, args, extra) {
  var list = [self];
  if (extra !== undefined) list.push(extra);
  return fn.apply(binding, list.concat(Array.prototype.slice.call(args)));
}

DiffieHellman.prototype.generateKeys = function(encoding) {
  return binding.dhGenerateKeys(this, encoding);
};

DiffieHellman.prototype.computeSecret = function(otherPublicKey, inputEncoding,
                                                 outputEncoding) {
  return withArguments(binding.dhComputeSecret, this, arguments);
};

DiffieHellman.prototype.getPrime = function(encoding) {
  return binding.dhGet(this, 'prime', encoding);
};

DiffieHellman.prototype.getGenerator = function(encoding) {
  return binding.dhGet(this, 'generator', encoding);
};

DiffieHellman.prototype.getPublicKey = function(encoding) {
  return binding.dhGet(this, 'public', encoding);
};

DiffieHellman.prototype.getPrivateKey = function(encoding) {
  return binding.dhGet(this, 'private', encoding);
};

DiffieHellman.prototype.setPublicKey = function(key, encoding) {
  withArguments(binding.dhSet, this, arguments, 'public');
  return this;
};

DiffieHellman.prototype.setPrivateKey = function(key, encoding) {
  withArguments(binding.dhSet, this, arguments, 'private');
  return this;
};

exports.DiffieHellman = DiffieHellman;
exports.createDiffieHellman = function(sizeOrKey, encoding) {
  if (!sizeOrKey) {
    return new DiffieHellman();
  } else if (!encoding) {
    return new DiffieHellman(sizeOrKey);
  } else {
    return new DiffieHellman(sizeOrKey, encoding);
  }
};


// ---- pbkdf2, randomBytes -------------------------------------------------

// Both are the binding's functions themselves: 0.7's pbkdf2 counted its
// arguments.
exports.pbkdf2 = binding.pbkdf2;
exports.randomBytes = binding.randomBytes;

// Later additions (Node 0.9), kept because they only add.
exports.getHashes = binding.getHashes;
exports.getCiphers = binding.getCiphers;


// ---- createCredentials ----------------------------------------------------

// Credentials hold a SecureContext: key, certificate chain and trusted CAs
// (the Go side, shared by every connection made with it). tls.createServer
// and tls.connect make one from their options; scripts pass one as
// options.credentials or return its .context from SNICallback.
function Credentials(context) {
  if (!(this instanceof Credentials)) {
    return new Credentials(context);
  }
  this.context = context;
}
exports.Credentials = Credentials;

exports.createCredentials = function(options, context) {
  if (context) {
    return new Credentials(context);
  }
  return new Credentials(binding.createContext(options || {}));
};
