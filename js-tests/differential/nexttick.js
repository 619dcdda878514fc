// process.nextTick as Node 0.7 and today's Node agree on it: ticks run in
// the order they were queued, after the code that queued them and before
// timers and I/O; a tick queued by a tick runs after those already queued
// (whether before I/O too, they differ: 0.7 ran it in the next pass, after
// I/O that was ready); arguments are passed on; a tick that throws goes to
// 'uncaughtException'; after a callback, its ticks run before its promise
// jobs.
var fs = require('fs');
var seen = [];
function log(s) { seen.push(s); }

process.on('uncaughtException', function (e) { log('caught ' + e.message); });

setTimeout(function () {
  log('timeout');
  Promise.resolve().then(function () { log('promise in timeout'); });
  process.nextTick(function () { log('tick in timeout'); });
}, 1);
fs.stat(__filename, function () {
  log('stat');
  process.nextTick(function () { throw new Error('tick in stat throws'); });
});

process.nextTick(function () {
  log('tick 1');
  process.nextTick(function () { log('tick 3, queued by tick 1'); });
});
process.nextTick(function (a, b) { log('tick 2 ' + a + b); }, 'x', 'y');
log('main');

process.on('exit', function () {
  // Each group in its order; the groups may interleave.
  [/^main|^tick \d/, /timeout/, /stat/].forEach(function (group) {
    console.log(seen.filter(function (s) { return group.test(s); }).join('\n'));
  });
  console.log(seen.indexOf('tick 2 xy') < Math.min(seen.indexOf('timeout'), seen.indexOf('stat')));
  console.log(seen.length);
});
