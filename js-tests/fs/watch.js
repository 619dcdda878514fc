// fs: watchFile and unwatchFile.
var assert = require('assert');
var fs = require('fs');
var dir = require('./_tmp').tmpdir('watch');
var file = dir + '/watched';
var changes = 0;

fs.writeFileSync(file, 'a');

assert.throws(function() { fs.watchFile(file); }, Error);

// A watcher that is not persistent does not keep the program running: it
// is never stopped, and the program must still end.
fs.watchFile(dir + '/other', { persistent: false, interval: 50 }, function() {});

var watcher = fs.watchFile(file, { interval: 50 }, function(curr, prev) {
  assert.ok(curr instanceof fs.Stats);
  assert.ok(prev instanceof fs.Stats);
  assert.ok(curr.mtime instanceof Date);
  if (curr.size === prev.size) return; // an access, not our change
  assert.ok(curr.size > prev.size);
  changes++;
  clearInterval(timer);
  fs.unwatchFile(file);
});
assert.ok(watcher);
assert.strictEqual(typeof watcher.on, 'function');

// Grow the file until the watcher notices.
var timer = setInterval(function() {
  fs.appendFileSync(file, 'b');
}, 100);

process.on('exit', function() {
  assert.strictEqual(changes, 1);
});

// fs.watch on a directory: 'rename' when a name appears, with the name.
var sub = dir + '/sub';
fs.mkdirSync(sub);
var renamed = false;
var dirWatcher = fs.watch(sub, function(event, filename) {
  if (event !== 'rename' || renamed) return;
  // The file name is not promised on every platform; when given, it is the
  // entry's name.
  if (filename) assert.strictEqual(filename, 'new-file');
  renamed = true;
  dirWatcher.close();
});
assert.ok(dirWatcher instanceof require('events').EventEmitter);
assert.strictEqual(typeof dirWatcher.close, 'function');
var dirTimer = setInterval(function() {
  if (renamed) {
    clearInterval(dirTimer);
    watchFile2();
    return;
  }
  if (!fs.existsSync(sub + '/new-file')) fs.writeFileSync(sub + '/new-file', '');
}, 100);

// fs.watch on a file: 'change' when it is written.
var changed = false;
function watchFile2() {
  var target = dir + '/target';
  fs.writeFileSync(target, 'x');
  var w = fs.watch(target, { persistent: true }, function(event) {
    if (event !== 'change' || changed) return;
    changed = true;
    w.close();
  });
  var t = setInterval(function() {
    if (changed) return clearInterval(t);
    fs.appendFileSync(target, 'y');
  }, 100);
}

// Watching what does not exist throws.
assert.throws(function() {
  fs.watch(dir + '/nope', function() {});
}, function(err) {
  return err.code === 'ENOENT';
});
if (process.version.indexOf('v0.7') === 0) {
  assert.throws(function() { fs.watch(dir); },
                /^Error: watch requires a listener function$/);
}

process.on('exit', function() {
  assert.ok(renamed, 'fs.watch saw no rename');
  assert.ok(changed, 'fs.watch saw no change');
});
