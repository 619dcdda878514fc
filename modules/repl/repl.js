// repl as Node 0.7.4 has it: repl.start([prompt], [stream], [eval],
// [useGlobal], [ignoreUndefined]) reads lines with readline, evaluates
// them with vm and writes the result with util.inspect; `_` is the last
// result, input that ends too early continues on a '... ' line, and
// .break, .clear, .exit, .help, .save and .load are its commands. Ctrl-C
// and Ctrl-D behave as in today's Node, and Ctrl-C interrupts a running
// evaluation when the REPL is on the terminal.

var util = require('util');
var vm = require('vm');
var fs = require('fs');
var path = require('path');
var rl = require('readline');

// require() in the REPL resolves from the working directory.
module.filename = path.join(process.cwd(), 'repl');

exports.disableColors = process.env.NODE_DISABLE_COLORS ? true : false;

// The function that shows results; it may be replaced.
exports.writer = util.inspect;

var sharedContext = null;

function REPLServer(prompt, stream, eval_, useGlobal, ignoreUndefined) {
  var self = this;
  this.useGlobal = !!useGlobal;
  this.ignoreUndefined = !!ignoreUndefined;
  this.eval = eval_ || function (code, context, file, cb) {
    var err, result;
    var opts = { filename: file, breakOnSigint: self.rli.enabled };
    try {
      if (self.useGlobal) {
        result = vm.runInThisContext(code, opts);
      } else {
        result = vm.runInContext(code, context, opts);
      }
    } catch (e) {
      err = e;
    }
    cb(err, result);
  };
  this.resetContext();
  this.bufferedCommand = '';
  this.lines = [];

  if (stream) {
    if (stream.stdin || stream.stdout) {
      this.inputStream = stream.stdin;
      this.outputStream = stream.stdout;
    } else {
      this.inputStream = stream;
      this.outputStream = stream;
    }
  } else {
    this.inputStream = process.stdin;
    this.outputStream = process.stdout;
    process.stdin.resume();
  }
  this.prompt = prompt !== undefined ? prompt : '> ';

  var rli = rl.createInterface(this.inputStream, this.outputStream, function (text, cb) {
    self.complete(text, cb);
  });
  this.rli = rli;
  this.commands = {};
  defineDefaultCommands(this);

  if (rli.enabled && !exports.disableColors && exports.writer === util.inspect) {
    exports.writer = function (obj, showHidden, depth) {
      return util.inspect(obj, showHidden, depth, true);
    };
  }
  rli.setPrompt(this.prompt);

  // Ctrl-C: drop what was typed; on an empty line say how to leave, and
  // leave on the second one in a row.
  var sawSIGINT = false;
  rli.on('SIGINT', function () {
    var empty = rli.line.length === 0 && self.bufferedCommand.length === 0;
    self.bufferedCommand = '';
    if (!empty) {
      sawSIGINT = false;
      self.outputStream.write('\n');
    } else if (sawSIGINT) {
      rli.close();
      process.exit();
      return;
    } else {
      self.outputStream.write('\n(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n');
      sawSIGINT = true;
    }
    self.displayPrompt();
  });

  rli.on('line', function (line) {
    sawSIGINT = false;
    var cmd = line.trim();
    if (cmd.charAt(0) === '.' && cmd.charAt(1) !== '.' && isNaN(parseFloat(cmd))) {
      var matches = cmd.match(/^(\.[^\s]+)\s*(.*)$/);
      if (matches && self.parseREPLKeyword(matches[1], matches[2])) {
        return;
      }
      self.outputStream.write('Invalid REPL keyword\n');
      self.displayPrompt();
      return;
    }
    if (cmd === '' && self.bufferedCommand === '') {
      self.displayPrompt();
      return;
    }
    self.lines.push(line);
    var evalCmd = self.bufferedCommand + line + '\n';
    // Code that starts with '{' is tried as an object literal first.
    if (/^\s*\{/.test(evalCmd) && !/;\s*$/.test(evalCmd)) {
      self._evaluate('(' + evalCmd + ')', function (e, ret) {
        if (e && e.name === 'SyntaxError') {
          self._evaluate(evalCmd, finish);
        } else {
          finish(e, ret);
        }
      });
    } else {
      self._evaluate(evalCmd, finish);
    }

    function finish(e, ret) {
      if (e && isRecoverable(e)) {
        self.bufferedCommand = evalCmd;
        self.displayPrompt();
        return;
      }
      self.bufferedCommand = '';
      if (e) {
        self.outputStream.write(formatError(e) + '\n');
      } else if (!self.ignoreUndefined || ret !== undefined) {
        self.context._ = ret;
        self.outputStream.write(exports.writer(ret) + '\n');
      }
      self.displayPrompt();
    }
  });

  rli.on('close', function () {
    if (rli.enabled) {
      self.outputStream.write('\n');
    }
    if (self.inputStream !== process.stdin) {
      self.inputStream.destroy();
    }
  });

  this.displayPrompt();
}
exports.REPLServer = REPLServer;

exports.start = function (prompt, source, eval_, useGlobal, ignoreUndefined) {
  var repl = new REPLServer(prompt, source, eval_, useGlobal, ignoreUndefined);
  if (!exports.repl) {
    exports.repl = repl;
  }
  return repl;
};

// _startMain is the REPL of `gojatls` without a script: on stdin and
// stdout, in the global context.
exports._startMain = function () {
  process.stdout.write("Type '.help' for options.\n");
  return exports.start('> ', null, null, true);
};

// _evaluate runs code with eval; on the terminal, stdin leaves raw mode
// meanwhile, so that Ctrl-C is SIGINT and interrupts the evaluation.
REPLServer.prototype._evaluate = function (code, cb) {
  var raw = this.rli.enabled && this.inputStream.isRaw;
  var input = this.inputStream;
  if (raw) {
    input.setRawMode(false);
  }
  this.eval(code, this.context, 'repl', function (e, ret) {
    if (raw) {
      input.setRawMode(true);
    }
    cb(e, ret);
  });
};

// An input is recoverable when it only ended too early: more lines may
// complete it.
function isRecoverable(e) {
  return e && e.name === 'SyntaxError' && /^Unexpected end of input/.test(e.message);
}

// formatError is an error's stack as Node prints it, down to the REPL's
// own frames.
function formatError(e) {
  if (!e || typeof e.stack !== 'string') {
    return String(e);
  }
  var lines = e.stack.split('\n');
  var out = [lines[0]];
  for (var i = 1; i < lines.length; i++) {
    var frame = lines[i].replace(/^\s*at /, '').replace(/\(\d+\)(\)?)$/, '$1');
    if (frame === '') {
      continue;
    }
    if (/\bvm\.js:|\brepl\.js:|\(native\)|^native$/.test(frame)) {
      break;
    }
    out.push('    at ' + frame);
  }
  return out.join('\n');
}

REPLServer.prototype.createContext = function () {
  var context;
  if (this.useGlobal) {
    context = global;
  } else {
    context = vm.createContext();
    for (var key in global) {
      context[key] = global[key];
    }
    context.global = context;
  }
  context.module = module;
  context.require = require;
  return context;
};

REPLServer.prototype.resetContext = function (force) {
  if (!sharedContext || force) {
    sharedContext = this.createContext();
  }
  this.context = sharedContext;
};

REPLServer.prototype.displayPrompt = function () {
  this.rli.setPrompt(this.bufferedCommand.length ? '... ' : this.prompt);
  this.rli.prompt();
};

REPLServer.prototype.parseREPLKeyword = function (keyword, rest) {
  var cmd = this.commands[keyword];
  if (cmd) {
    cmd.action.call(this, rest);
    return true;
  }
  return false;
};

REPLServer.prototype.defineCommand = function (keyword, cmd) {
  if (typeof cmd === 'function') {
    cmd = { action: cmd };
  } else if (typeof cmd.action !== 'function') {
    throw new Error('bad argument, action must be a function');
  }
  this.commands['.' + keyword] = cmd;
};

var keywords = ['break', 'case', 'catch', 'const', 'continue', 'debugger',
  'default', 'delete', 'do', 'else', 'export', 'false', 'finally', 'for',
  'function', 'if', 'import', 'in', 'instanceof', 'let', 'new', 'null',
  'return', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'undefined',
  'var', 'void', 'while', 'with', 'yield'];

var standardGlobals = ['NaN', 'Infinity', 'undefined', 'eval', 'parseInt',
  'parseFloat', 'isNaN', 'isFinite', 'decodeURI', 'decodeURIComponent',
  'encodeURI', 'encodeURIComponent', 'Object', 'Function', 'Array', 'String',
  'Boolean', 'Number', 'Date', 'RegExp', 'Error', 'EvalError', 'RangeError',
  'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'Math', 'JSON'];

var simpleExpressionRE = /(([a-zA-Z_$](?:\w|\$)*)\.)*([a-zA-Z_$](?:\w|\$)*)\.?$/;

// complete(line, callback) gives callback(null, [completions, completeOn])
// for the text before the cursor: REPL commands after '.', else the
// globals, or the properties (own and up the prototype chain) of a simple
// dotted expression, which is evaluated.
REPLServer.prototype.complete = function (line, callback) {
  var groups = [];
  var completeOn = '';
  var filter = '';
  var match = line.match(/^\s*(\.\w*)$/);
  if (match) {
    groups.push(Object.keys(this.commands));
    completeOn = filter = match[1];
  } else if (line.length === 0 || /[\w$.]$/.test(line)) {
    match = simpleExpressionRE.exec(line);
    if (line.length === 0 || match) {
      completeOn = match ? match[0] : '';
      var expr = '';
      if (line.length !== 0 && line[line.length - 1] === '.') {
        expr = completeOn.slice(0, -1);
      } else if (match) {
        var bits = completeOn.split('.');
        filter = bits.pop();
        expr = bits.join('.');
      }
      if (!expr) {
        groups.push(Object.getOwnPropertyNames(this.context));
        groups.push(standardGlobals);
        if (filter) {
          groups.push(keywords);
        }
      } else {
        var obj;
        try {
          obj = this.useGlobal ? vm.runInThisContext(expr, 'repl') :
                                 vm.runInContext(expr, this.context, 'repl');
        } catch (e) {
          obj = null;
        }
        if (obj !== null && obj !== undefined) {
          var p = (typeof obj === 'object' || typeof obj === 'function') ? obj : Object(obj);
          for (var depth = 0; p !== null && depth < 5; depth++) {
            groups.push(Object.getOwnPropertyNames(p).map(function (name) {
              return expr + '.' + name;
            }));
            p = Object.getPrototypeOf(p);
          }
        }
        if (filter) {
          filter = expr + '.' + filter;
        } else {
          filter = expr + '.';
        }
      }
    }
  }

  var completions = [];
  var seen = {};
  for (var i = 0; i < groups.length; i++) {
    var group = groups[i].filter(function (c) {
      return c.indexOf(filter) === 0 && !Object.prototype.hasOwnProperty.call(seen, c);
    }).sort();
    if (group.length === 0) {
      continue;
    }
    group.forEach(function (c) { seen[c] = true; });
    if (completions.length) {
      completions.push('');
    }
    completions.push.apply(completions, group);
  }
  callback(null, [completions, completeOn]);
};

function defineDefaultCommands(repl) {
  repl.defineCommand('break', {
    help: 'Sometimes you get stuck, this gets you out',
    action: function () {
      this.bufferedCommand = '';
      this.displayPrompt();
    }
  });
  repl.defineCommand('clear', {
    help: repl.useGlobal ? 'Alias for .break' : 'Break, and also clear the local context',
    action: function () {
      this.bufferedCommand = '';
      if (!this.useGlobal) {
        this.outputStream.write('Clearing context...\n');
        this.resetContext(true);
      }
      this.displayPrompt();
    }
  });
  repl.defineCommand('exit', {
    help: 'Exit the repl',
    action: function () {
      this.rli.close();
    }
  });
  repl.defineCommand('help', {
    help: 'Show repl options',
    action: function () {
      var self = this;
      Object.keys(this.commands).sort().forEach(function (name) {
        self.outputStream.write(name + '\t' + (self.commands[name].help || '') + '\n');
      });
      this.displayPrompt();
    }
  });
  repl.defineCommand('save', {
    help: 'Save all evaluated commands in this REPL session to a file',
    action: function (file) {
      try {
        fs.writeFileSync(file, this.lines.join('\n') + '\n');
        this.outputStream.write('Session saved to:' + file + '\n');
      } catch (e) {
        this.outputStream.write('Failed to save:' + file + '\n');
      }
      this.displayPrompt();
    }
  });
  repl.defineCommand('load', {
    help: 'Load JS from a file into the REPL session',
    action: function (file) {
      var self = this;
      try {
        var data = fs.readFileSync(file, 'utf8');
        data.split('\n').forEach(function (line) {
          if (line) {
            self.rli.write(line + '\n');
          }
        });
      } catch (e) {
        this.outputStream.write('Failed to load:' + file + '\n');
      }
      this.displayPrompt();
    }
  });
}
