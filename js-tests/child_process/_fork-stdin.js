// A forked child that reads its stdin to the end and sends what it read.
var data = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', function (d) { data += d; });
process.stdin.on('end', function () {
  process.send({ stdin: data });
  process.disconnect();
});
process.stdin.resume();
