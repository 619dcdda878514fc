var cluster = require('cluster');
var tls = require('tls');
var fs = require('fs');
var numCPUs = require('os').cpus().length;

if (cluster.isMaster) {
  // Fork workers.
  for (var i = 0; i < numCPUs; i++) {
    cluster.fork();
  }

  cluster.on('death', function(worker) {
    console.log('worker ' + worker.pid + ' died');
  });
} else {
  // Workers can share any TCP connection
  // In this case its a TLS server
  var options = {
    key: fs.readFileSync('server-key.pem'),
    cert: fs.readFileSync('server-cert.pem')
  };
  tls.createServer(options, function(cleartextStream) {
    cleartextStream.end("hello world\n");
  }).listen(8000);
}
