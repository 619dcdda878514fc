// Node's https module: http over tls, as Node 0.7.4 has it. A server is a
// tls.Server whose secure connections get http's connection handling; a
// client request is http's ClientRequest over tls.connect.

var tls = require('tls');
var http = require('http');
var util = require('util');

function Server(opts, requestListener) {
  if (!(this instanceof Server)) {
    return new Server(opts, requestListener);
  }
  if (opts === null || typeof opts !== 'object') {
    throw new TypeError('options must be an object');
  }
  http._checkRequestListener(requestListener);
  if (process.features.tls_npn && !opts.NPNProtocols) {
    opts.NPNProtocols = ['http/1.1', 'http/1.0'];
  }
  tls.Server.call(this, opts, http._connectionListener);
  this.allowHalfOpen = true; // http's connection handling ends connections
  this.httpAllowHalfOpen = false;
  if (requestListener) {
    this.addListener('request', requestListener);
  }
}
util.inherits(Server, tls.Server);
exports.Server = Server;

// Secure connections are parsed as requests from their first byte.
Server.prototype._connectionReader = http.Server.prototype._connectionReader;

exports.createServer = function (opts, requestListener) {
  return new Server(opts, requestListener);
};

// createConnection dials for a request: tls.connect with the agent's (or
// the request's) tls options. The request's path is its URL's, not a Unix
// socket's, which tls.connect would take it for.
function createConnection(port, host, options) {
  var tlsOptions = {};
  for (var k in options) {
    if (k !== 'path') {
      tlsOptions[k] = options[k];
    }
  }
  tlsOptions.port = port;
  tlsOptions.host = host;
  return tls.connect(tlsOptions);
}

// An Agent pools https connections; its options are tls.connect's (key,
// cert, ca, passphrase, rejectUnauthorized, servername...).
function Agent(options) {
  http.Agent.call(this, options);
  this.createConnection = createConnection;
}
util.inherits(Agent, http.Agent);
Agent.prototype.defaultPort = 443;
exports.Agent = Agent;

var globalAgent = new Agent();
exports.globalAgent = globalAgent;

exports.request = function (options, cb) {
  options = http._requestOptions(options); // a URL string too, as Node 0.8
  if (options.protocol && options.protocol !== 'https:') {
    throw new Error('Protocol:' + options.protocol + ' not supported.');
  }
  if (options.agent === undefined) {
    options.agent = globalAgent;
  }
  options.createConnection = createConnection;
  options.defaultPort = options.defaultPort || 443;
  return new http.ClientRequest(options, cb);
};

exports.get = function (options, cb) {
  options = http._requestOptions(options);
  options.method = 'GET';
  var req = exports.request(options, cb);
  req.end();
  return req;
};
