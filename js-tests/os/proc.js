// os: the values agree with what Linux says in /proc. Runs under node too.
var assert = require('assert');
var fs = require('fs');
var os = require('os');

function proc(name) {
  return fs.readFileSync('/proc/' + name, 'utf8');
}

assert.strictEqual(os.hostname(), proc('sys/kernel/hostname').trim());
assert.strictEqual(os.type(), proc('sys/kernel/ostype').trim());
assert.strictEqual(os.release(), proc('sys/kernel/osrelease').trim());

var before = parseFloat(proc('uptime'));
var up = os.uptime();
var after = parseFloat(proc('uptime'));
assert.ok(up >= Math.floor(before) && up <= Math.ceil(after), before + ' ' + up + ' ' + after);

var meminfo = {};
proc('meminfo').split('\n').forEach(function(line) {
  var m = /^(\w+):\s+(\d+) kB/.exec(line);
  if (m) {
    meminfo[m[1]] = Number(m[2]) * 1024;
  }
});
assert.strictEqual(os.totalmem(), meminfo.MemTotal);

var statCPUs = proc('stat').split('\n').filter(function(line) {
  return /^cpu\d+ /.test(line);
});
var cpus = os.cpus();
assert.equal(cpus.length, statCPUs.length);
var models = proc('cpuinfo').split('\n').filter(function(line) {
  return /^model name\s*:/.test(line);
}).map(function(line) {
  return line.replace(/^model name\s*:\s*/, '').trim();
});
if (models.length === cpus.length) {
  cpus.forEach(function(cpu, i) {
    assert.strictEqual(cpu.model, models[i]);
  });
}
// Times are in milliseconds: /proc/stat counts in 1/100 s.
cpus.forEach(function(cpu, i) {
  var ticks = statCPUs[i].split(/\s+/);
  assert.ok(cpu.times.user >= Number(ticks[1]) * 10);
  assert.ok(cpu.times.idle >= Number(ticks[4]) * 10);
});
