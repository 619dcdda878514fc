// os: every function answers with the right kind of value. Runs under node
// too (0.7-only names are in legacy-07.js).
var assert = require('assert');
var os = require('os');

assert.equal(typeof os.hostname(), 'string');
assert.ok(os.hostname().length > 0);
assert.strictEqual(os.type(), 'Linux');
assert.strictEqual(os.platform(), 'linux');
assert.strictEqual(os.platform(), process.platform);
assert.strictEqual(os.arch(), process.arch);
assert.ok(['x64', 'ia32', 'arm', 'arm64', 'riscv64', 'ppc64', 's390x'].indexOf(os.arch()) >= 0,
          'arch ' + os.arch());
assert.ok(/^\d+\.\d+/.test(os.release()), 'release ' + os.release());
assert.strictEqual(os.endianness(), 'LE');
assert.strictEqual(os.EOL, '\n');

var up = os.uptime();
assert.equal(typeof up, 'number');
assert.ok(up > 0);

var load = os.loadavg();
assert.ok(Array.isArray(load));
assert.equal(load.length, 3);
load.forEach(function(l) {
  assert.equal(typeof l, 'number');
  assert.ok(l >= 0);
});

var total = os.totalmem();
var free = os.freemem();
assert.equal(typeof total, 'number');
assert.equal(typeof free, 'number');
assert.ok(total > 0);
assert.ok(free > 0 && free <= total);
assert.equal(total % 1024, 0);

var cpus = os.cpus();
assert.ok(Array.isArray(cpus));
assert.ok(cpus.length > 0);
cpus.forEach(function(cpu) {
  assert.equal(typeof cpu.model, 'string');
  assert.equal(typeof cpu.speed, 'number');
  assert.ok(cpu.speed >= 0);
  assert.deepEqual(Object.keys(cpu.times).sort(), ['idle', 'irq', 'nice', 'sys', 'user']);
  Object.keys(cpu.times).forEach(function(k) {
    assert.equal(typeof cpu.times[k], 'number');
    assert.ok(cpu.times[k] >= 0);
  });
  assert.ok(cpu.times.idle + cpu.times.user > 0);
});

var ifaces = os.networkInterfaces();
assert.equal(typeof ifaces, 'object');
var sawLoopback = false;
Object.keys(ifaces).forEach(function(name) {
  assert.ok(Array.isArray(ifaces[name]));
  ifaces[name].forEach(function(a) {
    assert.equal(typeof a.address, 'string');
    assert.ok(a.family === 'IPv4' || a.family === 'IPv6', a.family);
    assert.equal(typeof a.internal, 'boolean');
    if (a.family === 'IPv4') {
      assert.ok(/^\d+\.\d+\.\d+\.\d+$/.test(a.address), a.address);
    } else {
      assert.ok(a.address.indexOf(':') >= 0, a.address);
    }
    if (a.address === '127.0.0.1') {
      sawLoopback = true;
      assert.strictEqual(a.internal, true);
      assert.strictEqual(a.family, 'IPv4');
    }
  });
});
assert.ok(sawLoopback, 'no 127.0.0.1 among ' + JSON.stringify(ifaces));

// tmpdir: TMPDIR, TMP, TEMP, then /tmp, without a trailing slash.
var saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
delete process.env.TMPDIR;
delete process.env.TMP;
delete process.env.TEMP;
assert.strictEqual(os.tmpdir(), '/tmp');
process.env.TEMP = '/temp';
assert.strictEqual(os.tmpdir(), '/temp');
process.env.TMP = '/tmp2';
assert.strictEqual(os.tmpdir(), '/tmp2');
process.env.TMPDIR = '/var/tmp/';
assert.strictEqual(os.tmpdir(), '/var/tmp');
process.env.TMPDIR = '/';
assert.strictEqual(os.tmpdir(), '/');
Object.keys(saved).forEach(function(k) {
  if (saved[k] === undefined) {
    delete process.env[k];
  } else {
    process.env[k] = saved[k];
  }
});
