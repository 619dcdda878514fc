// For tests that count the master's descriptors (not a test itself): the
// harness runs scripts in parallel in one Go process, whose descriptor
// table is shared, so such a test runs its master in a process of its own.
// ownProcess(filename) returns true in that process; elsewhere it starts
// it (process.execPath, output passed through), exits with its exit code
// and returns false. Where descriptors cannot be counted the test skips.
var childProcess = require('child_process');
var fs = require('fs');

var ROLE = 'GOJATLS_TEST_OWN_MASTER';

module.exports = function ownProcess(filename) {
  if (process.env[ROLE]) {
    if (module.exports.openFds() < 0) {
      console.log('SKIP: /proc/self/fd is not there to count descriptors');
      process.exit(0);
    }
    return true;
  }
  var env = {};
  for (var k in process.env) {
    env[k] = process.env[k];
  }
  env[ROLE] = '1';
  var child = childProcess.spawn(process.execPath, [filename], { env: env, stdio: 'inherit' });
  child.on('exit', function (code, signal) {
    if (signal) {
      throw new Error('the master died of ' + signal);
    }
    process.exit(code);
  });
  return false;
};

// openFds is the number of this process's open descriptors, or -1 where
// /proc/self/fd does not tell.
module.exports.openFds = function () {
  try {
    return fs.readdirSync('/proc/self/fd').length;
  } catch (e) {
    return -1;
  }
};
