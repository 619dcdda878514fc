// The client of after-pipe.js (not a test itself): it sends one line as
// soon as it is connected, ends, and prints what came back.
var net = require('net');
var c = net.connect(+process.argv[2], '127.0.0.1', function () {
  c.end(new Buffer('hello world, 0123456789'));
});
var got = '';
c.setEncoding('utf8');
c.on('data', function (d) { got += d; });
c.on('end', function () { console.log('client got ' + got); });
