// The process object's documented properties.
var assert = require('assert');
var path = require('path');
assert.ok(Array.isArray(process.argv));
assert.ok(process.argv.length >= 2);
assert.strictEqual(process.argv[1], __filename);
assert.ok(path.isAbsolute ? path.isAbsolute(process.argv[1]) : process.argv[1][0] === '/');
assert.strictEqual(typeof process.env, 'object');
assert.strictEqual(typeof process.env.PATH, 'string');
process.env.GOJATLS_TEST_VAR = 'x';
assert.strictEqual(process.env.GOJATLS_TEST_VAR, 'x');
assert.strictEqual(process.platform, 'linux');
assert.strictEqual(typeof process.pid, 'number');
assert.strictEqual(typeof process.title, 'string');
assert.ok(/^v\d+\.\d+\.\d+$/.test(process.version));
assert.strictEqual(typeof process.versions.node, 'string');
assert.strictEqual(typeof process.versions.openssl, 'string');
assert.strictEqual(typeof process.arch, 'string');
assert.strictEqual(typeof process.execPath, 'string');
if (process.version === 'v0.7.4') {
  // What 0.7 scripts check before using TLS.
  assert.strictEqual(process.versions.node, '0.7.4');
  assert.ok(/^1\.0\.\d[a-z]?$/.test(process.versions.openssl));
  assert.strictEqual(process.features.tls_npn, true);
  assert.strictEqual(process.features.tls_sni, true);
}

var t = process.hrtime();
assert.ok(Array.isArray(t) && t.length === 2);
var d = process.hrtime(t);
assert.ok(d[0] >= 0 && d[1] >= 0 && d[1] < 1e9);
assert.throws(function () { process.hrtime(1); }, TypeError);

var mem = process.memoryUsage();
assert.ok(mem.rss > 0 && mem.heapTotal > 0 && mem.heapUsed > 0);
assert.ok(process.uptime() >= 0);
assert.strictEqual(typeof process.umask(), 'number');
assert.strictEqual(typeof process.getuid(), 'number');
assert.strictEqual(typeof process.getgid(), 'number');
