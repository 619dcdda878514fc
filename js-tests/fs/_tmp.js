// Helper for the fs tests (not a test itself: its name starts with '_').
// tmpdir(name) makes a fresh directory under the system's temporary
// directory, named from the process id, the test's name and a random part
// (the test harness runs scripts in parallel in one process), and removes
// it, with everything in it, when the process exits.
var fs = require('fs');
var os = require('os');

function base() {
  if (typeof os.tmpdir === 'function') return os.tmpdir();
  if (typeof os.tmpDir === 'function') return os.tmpDir();
  return process.env.TMPDIR || '/tmp';
}

function removeTree(p) {
  var st;
  try {
    st = fs.lstatSync(p);
  } catch (e) {
    return;
  }
  if (st.isDirectory()) {
    fs.readdirSync(p).forEach(function(name) {
      removeTree(p + '/' + name);
    });
    fs.rmdirSync(p);
  } else {
    fs.unlinkSync(p);
  }
}

exports.removeTree = removeTree;

exports.tmpdir = function(name) {
  var dir = base() + '/gojatls-fs-' + process.pid + '-' + name + '-' +
      Math.floor(Math.random() * 1e9);
  fs.mkdirSync(dir);
  process.on('exit', function() {
    removeTree(dir);
  });
  return dir;
};
