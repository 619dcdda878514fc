// vm as Node 0.7.4 has it: a Script is code compiled once under a file
// name; it runs in this context (the script's globals), in a new context,
// or in a context made by createContext. A context is a global
// environment of its own: the sandbox's properties are its globals during
// a run, and its globals are copied back onto the sandbox afterwards.

var defaultFilename = 'evalmachine.<anonymous>';

// options reads the file name argument: a string as in 0.7, or today's
// options object ({ filename, breakOnSigint }).
function options(arg) {
  if (arg !== null && typeof arg === 'object') {
    return {
      filename: arg.filename === undefined ? defaultFilename : String(arg.filename),
      breakOnSigint: arg.breakOnSigint === true
    };
  }
  return {
    filename: arg === undefined ? defaultFilename : String(arg),
    breakOnSigint: false
  };
}

function Script(code, filename) {
  if (!(this instanceof Script)) {
    return new Script(code, filename);
  }
  var opts = options(filename);
  this._filename = opts.filename;
  this._breakOnSigint = opts.breakOnSigint;
  this._compiled = binding.compile(String(code), opts.filename);
}

Script.prototype.runInThisContext = function (opts) {
  var breakOnSigint = this._breakOnSigint || (opts !== undefined && options(opts).breakOnSigint);
  return binding.runInThisContext(this._compiled, breakOnSigint);
};

Script.prototype.runInNewContext = function (sandbox, opts) {
  var breakOnSigint = this._breakOnSigint || (opts !== undefined && options(opts).breakOnSigint);
  return binding.runInNewContext(this._compiled, sandbox, breakOnSigint);
};

Script.prototype.runInContext = function (context, opts) {
  var breakOnSigint = this._breakOnSigint || (opts !== undefined && options(opts).breakOnSigint);
  return binding.runInContext(this._compiled, context, breakOnSigint);
};

// Context is what createContext returns (its constructor is named
// 'Context', as in 0.7).
function Context() {}

exports.Script = Script;

exports.createScript = function (code, filename) {
  return new Script(code, filename);
};

exports.createContext = function (initSandbox) {
  var context = new Context();
  if (initSandbox !== null && typeof initSandbox === 'object') {
    for (var key in initSandbox) {
      context[key] = initSandbox[key];
    }
  }
  return binding.makeContext(context);
};

exports.runInThisContext = function (code, filename) {
  return new Script(code, filename).runInThisContext();
};

exports.runInNewContext = function (code, sandbox, filename) {
  return new Script(code, filename).runInNewContext(sandbox);
};

exports.runInContext = function (code, context, filename) {
  return new Script(code, filename).runInContext(context);
};
