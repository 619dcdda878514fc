// setsid (Node 0.7) or detached (later Node) runs the child in a new
// session: its session id is its own pid. Without it, the child stays in
// ours. unref() lets the program end while a detached child runs.
var assert = require('assert');
var fs = require('fs');
var spawn = require('child_process').spawn;
var common = require('./_common');
var mustCall = common.mustCall;

try {
  fs.statSync('/proc/self/stat');
} catch (e) {
  console.log('SKIP: no /proc/self/stat');
  process.exit(0);
}

// Field 6 of /proc/<pid>/stat is the session id (the command name in
// field 2 is "(sh)", without spaces).
var script = 'read pid comm state ppid pgrp sid rest < /proc/$$/stat; echo "$pid $sid"';

function session(options, check) {
  var child = spawn('sh', ['-c', script], options);
  var out = '';
  child.stdout.on('data', function (d) { out += d; });
  child.on('close', mustCall(function (code) {
    assert.strictEqual(code, 0);
    var f = out.trim().split(' ');
    assert.strictEqual(Number(f[0]), child.pid);
    check(Number(f[0]), Number(f[1]));
  }));
}

if (common.is07) {
  session({ setsid: true }, function (pid, sid) {
    assert.strictEqual(sid, pid);
  });
}
session({ detached: true }, function (pid, sid) {
  assert.strictEqual(sid, pid);
});
session({}, function (pid, sid) {
  assert.notStrictEqual(sid, pid);
});
