'use strict';

// Node 0.7.4's os module, with the names later versions added (tmpdir,
// tmpDir, endianness, EOL). The facts come from the Go binding.

exports.hostname = binding.getHostname;
exports.loadavg = binding.getLoadAvg;
exports.uptime = binding.getUptime;
exports.freemem = binding.getFreeMem;
exports.totalmem = binding.getTotalMem;
exports.cpus = binding.getCPUs;
exports.type = binding.getOSType;
exports.release = binding.getOSRelease;
exports.networkInterfaces = binding.getInterfaceAddresses;
exports.endianness = binding.getEndianness;

exports.arch = function() {
  return process.arch;
};

exports.platform = function() {
  return process.platform;
};

// 0.7's other name for networkInterfaces.
exports.getNetworkInterfaces = function() {
  return exports.networkInterfaces();
};

exports.tmpdir = function() {
  var env = process.env;
  var dir = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
  if (dir.length > 1 && dir.charAt(dir.length - 1) === '/') {
    dir = dir.slice(0, -1);
  }
  return dir;
};
exports.tmpDir = exports.tmpdir;

exports.EOL = '\n';
