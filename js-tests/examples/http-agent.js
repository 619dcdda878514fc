// http.markdown's two http.Agent examples, verbatim but for what the
// documentation leaves out: the options of the first (a local server at
// localhost:8000), the port of the second (8000, not 80), and a line in
// place of each "// Do stuff" that prints what came.
var http = require('http');
var options = { host: 'localhost', port: 8000, path: '/' };

http.get(options, function(res) {
  // Do stuff
  console.log('removed from the pool: ' + res.statusCode);
}).on("socket", function (socket) {
  socket.emit("agentRemove");
});

http.get({host:'localhost', port:8000, path:'/', agent:false}, function (res) {
  // Do stuff
  console.log('without an agent: ' + res.statusCode);
})
