// util.inherits. Checked under node v20, which agrees on everything here
// (that 0.7 replaced the old prototype object is tested in misc-0.7.js).
var assert = require('assert');
var util = require('util');

function Animal(name) { this.name = name; }
Animal.prototype.speak = function() { return this.name + ' makes a sound'; };

function Dog(name) { Animal.call(this, name); }
util.inherits(Dog, Animal);
Dog.prototype.bark = function() { return this.name + ' barks'; };

var d = new Dog('Rex');
assert.ok(d instanceof Dog);
assert.ok(d instanceof Animal);
assert.strictEqual(Dog.super_, Animal);
assert.strictEqual(d.speak(), 'Rex makes a sound');
assert.strictEqual(d.bark(), 'Rex barks');
assert.strictEqual(Object.getPrototypeOf(Dog.prototype), Animal.prototype);

// constructor is the subclass, and not enumerable.
assert.strictEqual(Dog.prototype.constructor, Dog);
assert.strictEqual(d.constructor, Dog);
var desc = Object.getOwnPropertyDescriptor(Dog.prototype, 'constructor');
assert.strictEqual(desc.enumerable, false);
assert.strictEqual(desc.writable, true);
assert.strictEqual(desc.configurable, true);
var keys = [];
for (var k in d) keys.push(k);
assert.deepEqual(keys, ['name', 'bark', 'speak']);

// Chains.
function Puppy(name) { Dog.call(this, name); }
util.inherits(Puppy, Dog);
var p = new Puppy('Bit');
assert.ok(p instanceof Animal);
assert.strictEqual(Puppy.super_, Dog);
assert.strictEqual(p.bark(), 'Bit barks');

// EventEmitter subclasses, as the documentation shows.
var events = require('events');
function MyStream() { events.EventEmitter.call(this); }
util.inherits(MyStream, events.EventEmitter);
var s = new MyStream();
assert.ok(s instanceof events.EventEmitter);
var got = null;
s.on('data', function(data) { got = data; });
s.emit('data', 'It works!');
assert.strictEqual(got, 'It works!');

// Bad arguments are TypeErrors.
assert.throws(function() { util.inherits(function() {}, undefined); }, TypeError);
assert.throws(function() { util.inherits(function() {}, null); }, TypeError);
assert.throws(function() { util.inherits(undefined, Animal); }, TypeError);
assert.throws(function() { util.inherits(null, Animal); }, TypeError);
