// tty as Node 0.7.4 has it. The terminal streams are process.stdin,
// process.stdout and process.stderr: when they are terminals, start-up
// gives them what tty.ReadStream and tty.WriteStream add (raw mode, the
// window size, cursor control).

exports.isatty = function (fd) {
  return binding.isatty(fd);
};

// 0.7.4's module-level setRawMode switches stdin.
exports.setRawMode = function (flag) {
  process.stdin.setRawMode(flag);
};

// Removed in 0.6 (use process.stdout.getWindowSize()); 0.7.4 kept these.
exports.getWindowSize = function () {
  return 80;
};

exports.setWindowSize = function () {
  throw new Error('implement me');
};

// ReadStream(0) is process.stdin; gojatls has no terminal streams on other
// descriptors.
function ReadStream(fd) {
  if (fd !== 0 || !process.stdin.isTTY) {
    throw new Error('tty.ReadStream: fd ' + fd + ' is not the terminal stdin');
  }
  return process.stdin;
}
exports.ReadStream = ReadStream;

// WriteStream(1) and WriteStream(2) are process.stdout and process.stderr.
function WriteStream(fd) {
  var stream = fd === 1 ? process.stdout : fd === 2 ? process.stderr : null;
  if (stream === null || !stream.isTTY) {
    throw new Error('tty.WriteStream: fd ' + fd + ' is not a terminal stdout or stderr');
  }
  return stream;
}
exports.WriteStream = WriteStream;

exports._initReadStream = function (stream) {
  stream.isRaw = false;
  stream.setRawMode = function (flag) {
    flag = !!flag;
    binding.setRawMode(flag);
    this.isRaw = flag;
  };
};

exports._initWriteStream = function (stream, fd) {
  stream._writeOut = function (data) {
    binding.write(fd, data);
  };
  stream.getWindowSize = function () {
    return binding.getWindowSize(fd);
  };
  Object.defineProperty(stream, 'columns', {
    enumerable: true, configurable: true,
    get: function () { return binding.getWindowSize(fd)[0]; }
  });
  Object.defineProperty(stream, 'rows', {
    enumerable: true, configurable: true,
    get: function () { return binding.getWindowSize(fd)[1]; }
  });
  stream.cursorTo = cursorTo;
  stream.moveCursor = moveCursor;
  stream.clearLine = clearLine;
};

function cursorTo(x, y) {
  if (typeof x !== 'number' && typeof y !== 'number') {
    return;
  }
  if (typeof x !== 'number') {
    throw new Error("Can't set cursor row without also setting it's column");
  }
  if (typeof y !== 'number') {
    this.write('\x1b[' + (x + 1) + 'G');
  } else {
    this.write('\x1b[' + (y + 1) + ';' + (x + 1) + 'H');
  }
}

function moveCursor(dx, dy) {
  if (dx < 0) {
    this.write('\x1b[' + (-dx) + 'D');
  } else if (dx > 0) {
    this.write('\x1b[' + dx + 'C');
  }
  if (dy < 0) {
    this.write('\x1b[' + (-dy) + 'A');
  } else if (dy > 0) {
    this.write('\x1b[' + dy + 'B');
  }
}

function clearLine(dir) {
  if (dir < 0) {
    this.write('\x1b[1K');
  } else if (dir > 0) {
    this.write('\x1b[0K');
  } else {
    this.write('\x1b[2K');
  }
}

// readline's line editor on a terminal (see editor.go).
exports._editor = function (fd, onLine, onSigint, onEnd, complete) {
  return binding.editor(fd, onLine, onSigint, onEnd, complete);
};
