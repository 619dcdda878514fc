// A first script: modules, timers, nextTick and the process's arguments.
var util = require('util');
var EventEmitter = require('events').EventEmitter;

function Greeter(name) {
  EventEmitter.call(this);
  this.name = name;
}
util.inherits(Greeter, EventEmitter);

Greeter.prototype.greetSoon = function (ms) {
  var self = this;
  setTimeout(function () {
    self.emit('greet', 'hello, ' + self.name);
  }, ms);
};

var who = process.argv[2] || 'world';
var greeter = new Greeter(who);
greeter.on('greet', function (text) {
  console.log(text);
});
process.nextTick(function () {
  console.log('%s %s on %s', process.title, process.version, process.platform);
});
greeter.greetSoon(10);
