// Options of the wrong type throw a TypeError that names the option,
// before any connection is made.
var http = require('http');
var https = require('https');
var assert = require('assert');

function throwsNaming(fn, name) {
  assert.throws(fn, function (err) {
    return err instanceof TypeError && err.message.indexOf(name) !== -1;
  }, name);
}

[http, https].forEach(function (mod) {
  throwsNaming(function () { mod.request(null); }, 'options');
  throwsNaming(function () { mod.request({ host: 1 }); }, 'host');
  throwsNaming(function () { mod.request({ hostname: {} }); }, 'hostname');
  throwsNaming(function () { mod.request({ port: 'eighty' }); }, 'port');
  throwsNaming(function () { mod.request({ port: {} }); }, 'port');
  throwsNaming(function () { mod.request({ method: 5 }); }, 'method');
  throwsNaming(function () { mod.request({ path: 5 }); }, 'path');
  throwsNaming(function () { mod.request({ headers: 'x' }); }, 'headers');
  throwsNaming(function () { mod.request({ auth: 5 }); }, 'auth');
  throwsNaming(function () { mod.request({ socketPath: 5 }); }, 'socketPath');
  throwsNaming(function () { mod.request({ agent: {} }); }, 'agent');
  throwsNaming(function () { mod.request({}, 'not a function'); }, 'callback');
  throwsNaming(function () { mod.get(5); }, 'options');
  throwsNaming(function () { new mod.Agent(5); }, 'options');
  throwsNaming(function () { new mod.Agent({ maxSockets: 'many' }); }, 'maxSockets');
});
throwsNaming(function () { https.createServer(5); }, 'options');
assert.throws(function () { https.createServer({ key: 5 }); }, /key/);
assert.throws(function () { http.request({ protocol: 'ftp:' }); }, /Protocol:ftp: not supported/);

// A URL string with another protocol: 0.7's error, as for an object.
assert.throws(function () { http.get('ftp://127.0.0.1/'); }, /Protocol:ftp: not supported/);
assert.throws(function () { https.get('http://127.0.0.1/'); }, /Protocol:http: not supported/);
throwsNaming(function () { http.request({ createConnection: 5 }); }, 'createConnection');

// A requestListener that is not a function.
throwsNaming(function () { http.createServer(5); }, 'requestListener');
throwsNaming(function () { https.createServer({}, 'x'); }, 'requestListener');

// https.createServer takes tls.createServer's options, and names the one
// of a wrong type (NPNProtocols when it listens, as tls.Server does).
var fs = require('fs');
var key = fs.readFileSync(__dirname + '/../fixtures/leaf-server-key.pem');
var cert = fs.readFileSync(__dirname + '/../fixtures/leaf-server-chain.pem');
function withOption(base, name, value) {
  var o = {};
  for (var k in base) o[k] = base[k];
  o[name] = value;
  return o;
}
['cert', 'ca', 'crl', 'ciphers', 'passphrase', 'SNICallback', 'sessionIdContext', 'secureProtocol'].forEach(function (name) {
  throwsNaming(function () { https.createServer(withOption({ key: key, cert: cert }, name, 5)); }, 'options.' + name);
});
throwsNaming(function () {
  https.createServer({ key: key, cert: cert, NPNProtocols: 5 }).listen(0);
}, 'options.NPNProtocols');

// https.request, and an https.Agent, take tls.connect's options: named
// when of a wrong type, before any connection.
['key', 'cert', 'ca', 'passphrase', 'ciphers', 'servername', 'NPNProtocols'].forEach(function (name) {
  throwsNaming(function () {
    https.request(withOption({ host: '127.0.0.1', port: 1, agent: false }, name, 5));
  }, 'options.' + name);
  throwsNaming(function () {
    https.request({ host: '127.0.0.1', port: 1, agent: new https.Agent(withOption({}, name, 5)) });
  }, 'options.' + name);
});
