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
