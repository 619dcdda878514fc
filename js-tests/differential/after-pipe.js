// What a server does after pipe(), in the same callback, counts for every
// chunk: nothing is read before the callback returns. The callback pipes
// the socket into itself, then spends 200 ms while the client (another
// process, which writes as soon as it is connected) has sent its bytes,
// then sets the encoding to hex, or adds a 'data' listener. The client
// must get the hex of everything it sent; the listener must see it all.
var net = require('net');
var cp = require('child_process');

var changes = [
  ['setEncoding', function (s) { s.setEncoding('hex'); }],
  ['data listener', function (s, saw) { s.on('data', function (d) { saw(d.length); }); }]
];

function run(i) {
  if (i === changes.length) return;
  var name = changes[i][0], change = changes[i][1];
  var seen = 0, clientOut = '', left = 2;
  function finished() {
    if (--left > 0) return;
    console.log(name + ': ' + clientOut.trim() + '; the server saw ' + seen + ' bytes in listeners');
    run(i + 1);
  }
  var server = net.createServer(function (s) {
    s.pipe(s);
    var until = Date.now() + 200;
    while (Date.now() < until) {}
    change(s, function (n) { seen += n; });
    s.on('close', function () { server.close(finished); });
  });
  server.listen(0, '127.0.0.1', function () {
    var child = cp.spawn(process.execPath, [__dirname + '/_after-pipe-client.js', String(server.address().port)]);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', function (d) { clientOut += d; });
    child.stdout.on('end', finished);
  });
}
run(0);
