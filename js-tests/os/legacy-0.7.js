// os: names and shapes of Node 0.7.4 that today's Node dropped, so this test
// fails under node v20 on purpose.
var assert = require('assert');
var os = require('os');

// getNetworkInterfaces is 0.7's other name for networkInterfaces.
assert.deepEqual(os.getNetworkInterfaces(), os.networkInterfaces());
// Each address has exactly 0.7's three properties (netmask, mac, cidr and
// scopeid came later).
var ifaces = os.networkInterfaces();
Object.keys(ifaces).forEach(function(name) {
  ifaces[name].forEach(function(a) {
    assert.deepEqual(Object.keys(a), ['address', 'family', 'internal']);
  });
});
// tmpDir, the name os.tmpdir had when it arrived.
assert.strictEqual(os.tmpDir, os.tmpdir);
assert.strictEqual(os.tmpDir(), os.tmpdir());
// The CPU speed is the "cpu MHz" of /proc/cpuinfo, as 0.7's libuv read it.
var mhz = require('fs').readFileSync('/proc/cpuinfo', 'utf8').split('\n').filter(function(line) {
  return /^cpu MHz\s*:/.test(line);
}).map(function(line) {
  return Math.floor(parseFloat(line.replace(/^cpu MHz\s*:\s*/, '')));
});
if (mhz.length === os.cpus().length) {
  os.cpus().forEach(function(cpu, i) {
    assert.strictEqual(cpu.speed, mhz[i]);
  });
}
