// readline as Node 0.7.4 has it: createInterface(input, output, completer)
// gives an Interface that emits 'line' for each line of input and 'close'
// at its end. When output is a terminal, the line is edited there (cursor
// keys, history with the arrow keys, Tab completion, Ctrl-C as 'SIGINT',
// Ctrl-D as the end) by tty's editor, with stdin in raw mode; otherwise
// lines are split from the input's data at \n or \r\n.

var EventEmitter = require('events').EventEmitter;
var util = require('util');
var tty = require('tty');

exports.createInterface = function (input, output, completer) {
  return new Interface(input, output, completer);
};

function Interface(input, output, completer) {
  if (!(this instanceof Interface)) {
    return new Interface(input, output, completer);
  }
  EventEmitter.call(this);
  completer = completer || function () { return []; };
  if (typeof completer !== 'function') {
    throw new TypeError("Argument 'completer' must be a function");
  }
  var self = this;
  this.input = input;
  this.output = output;
  // A completer of two arguments answers through a callback.
  this.completer = completer.length === 2 ? completer : function (v, callback) {
    callback(null, completer(v));
  };
  this.line = '';
  this._prompt = '> ';
  this._closed = false;
  this._paused = false;
  this._questionCallback = null;
  this.enabled = !!(output && output.isTTY && input.isTTY &&
                    typeof input.setRawMode === 'function' &&
                    !parseInt(process.env.NODE_NO_READLINE, 10));
  this.terminal = this.enabled;

  if (this.enabled) {
    this._editor = tty._editor(output.fd,
      function (line) { self._onLine(line); },
      function (line) { self._onSigint(line); },
      function () { self.close(); },
      function (text, callback) { self.completer(text, callback); });
    this._onData = function (data) { self._editor.feed(data); };
    input.setRawMode(true);
    // Read from the start, as Node does, even if prompt() is not called.
    process.nextTick(function () {
      if (!self._closed && !self._reading) {
        self._read('');
      }
    });
  } else {
    this._buffer = '';
    this._onData = function (data) { self._normalWrite(data); };
  }
  this._onEnd = function () {
    if (self.enabled) {
      self._editor.end();
    } else {
      if (self._buffer.length > 0) {
        var rest = self._buffer;
        self._buffer = '';
        self._onLine(rest);
      }
      self.close();
    }
  };
  input.on('data', this._onData);
  input.on('end', this._onEnd);
  input.resume();
}
util.inherits(Interface, EventEmitter);

Object.defineProperty(Interface.prototype, 'columns', {
  get: function () {
    return this.output && this.output.columns ? this.output.columns : 80;
  }
});

Interface.prototype.setPrompt = function (prompt, length) {
  this._prompt = prompt;
};

Interface.prototype._read = function (prompt) {
  this._reading = true;
  this._editor.read(prompt);
};

Interface.prototype.prompt = function () {
  if (this._closed) {
    return;
  }
  if (this._paused) {
    this.resume();
  }
  if (this.enabled) {
    this._read(this._prompt);
  } else {
    this.output.write(this._prompt);
  }
};

// question(query, cb): query is the prompt for one line, which goes to cb
// instead of 'line'. (0.7.4 wrote a newline before the query; today's
// Node does not, nor does gojatls.)
Interface.prototype.question = function (query, cb) {
  if (typeof cb !== 'function') {
    return;
  }
  if (this._questionCallback) {
    this.prompt();
    return;
  }
  this._oldPrompt = this._prompt;
  this.setPrompt(query);
  this._questionCallback = cb;
  this.prompt();
};

Interface.prototype._onLine = function (line) {
  this._reading = false;
  if (this._questionCallback) {
    var cb = this._questionCallback;
    this._questionCallback = null;
    this.setPrompt(this._oldPrompt);
    cb(line);
  } else {
    this.emit('line', line);
  }
};

Interface.prototype._onSigint = function (line) {
  this.line = line;
  if (this.listeners('SIGINT').length) {
    this.emit('SIGINT');
  } else {
    this.close();
  }
  this.line = '';
};

Interface.prototype._normalWrite = function (data) {
  this._buffer += String(data);
  var lines = this._buffer.split(/\r?\n/);
  this._buffer = lines.pop();
  for (var i = 0; i < lines.length && !this._closed; i++) {
    this._onLine(lines[i]);
  }
};

Interface.prototype.close = function () {
  if (this._closed) {
    return;
  }
  this._closed = true;
  this.input.removeListener('data', this._onData);
  this.input.removeListener('end', this._onEnd);
  if (this.enabled) {
    this._editor.close();
    this.input.setRawMode(false);
  }
  this.pause();
  this.emit('close');
};

Interface.prototype.pause = function () {
  if (this._paused) {
    return;
  }
  this._paused = true;
  this.input.pause();
  this.emit('pause');
};

Interface.prototype.resume = function () {
  if (!this._paused || this._closed) {
    return;
  }
  this._paused = false;
  this.input.resume();
  this.emit('resume');
};

// write(data): as if data had been typed.
Interface.prototype.write = function (data) {
  if (this._closed) {
    return;
  }
  if (this.enabled) {
    this._editor.feed(data);
  } else {
    this._normalWrite(data);
  }
};

exports.Interface = Interface;
