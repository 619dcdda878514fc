// Order of main code, nextTick, timers and listeners.
var EventEmitter = require('events').EventEmitter;
var e = new EventEmitter();
e.on('x', function (a) { console.log('on x', a); });
e.once('x', function (a) { console.log('once x', a); });
setTimeout(function () {
  console.log('timeout 1');
  setTimeout(function () {
    console.log('timeout 2');
    process.nextTick(function () { console.log('tick in timeout'); });
  }, 1);
}, 1);
process.nextTick(function () {
  console.log('tick 1');
  e.emit('x', 1);
  e.emit('x', 2);
});
process.nextTick(function () { console.log('tick 2'); });
console.log('main');
