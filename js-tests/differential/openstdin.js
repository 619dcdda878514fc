// process.openStdin() resumes stdin and returns process.stdin; with stdin
// empty, 'end' follows.
var s = process.openStdin();
console.log(s === process.stdin, s.readable);
var data = '';
s.on('data', function (d) { data += d; });
s.on('end', function () { console.log('end', JSON.stringify(data)); });
