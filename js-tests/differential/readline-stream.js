// readline over a stream that is not a terminal: lines split at \n and
// \r\n across chunks, the last line without a newline, question() with
// its query written to the output, write() as typed input, 'close' at the
// end of the input; and tty.isatty for descriptors that are not terminals.
var readline = require('readline');
var Stream = require('stream');
var tty = require('tty');

var input = new Stream();
input.readable = true;
input.resume = function () {};
input.pause = function () {};
var written = [];
var output = { write: function (s) { written.push(s); return true; } };

var rl = readline.createInterface(input, output);
var lines = [];
rl.on('line', function (line) { lines.push(line); });
rl.on('close', function () {
  console.log(JSON.stringify(lines));
  console.log(JSON.stringify(written));
  console.log('closed');
});

rl.question('name? ', function (answer) {
  console.log('answer: ' + answer);
});
input.emit('data', 'Ada\nfirst li');
input.emit('data', 'ne\r\nsecond\n');
rl.write('typed\n');
input.emit('data', new Buffer('third'));
input.emit('end');
console.log('isatty: ' + tty.isatty(0) + ' ' + typeof tty.isatty(1));
