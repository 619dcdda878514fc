// vm contexts are global environments of their own: their globals and
// built-ins are not the script's, the sandbox sees what the code did,
// and objects and functions work across the boundary.
var assert = require('assert');
var vm = require('vm');

// Globals stay in the context; built-ins are the context's own.
var sandbox = { x: 1 };
vm.runInNewContext('var leaked = 2; y = x + 1; Array.prototype.extra = 1;', sandbox);
assert.strictEqual(typeof leaked, 'undefined');
assert.strictEqual(typeof y, 'undefined');
assert.strictEqual([].extra, undefined, "the context's Array.prototype is its own");
assert.strictEqual(sandbox.leaked, 2);
assert.strictEqual(sandbox.y, 2);
assert.strictEqual(vm.runInNewContext('typeof require + typeof process'),
                   'undefinedundefined');
assert.strictEqual(vm.runInNewContext('Object') === Object, false);
assert.strictEqual(vm.runInNewContext('this.x', { x: 5 }), 5);

// A context made by createContext keeps its globals between runs.
var ctx = vm.createContext({ n: 1 });
assert.strictEqual(ctx.constructor.name, 'Context');
vm.runInContext('function inc() { n += 1; return n; }', ctx);
assert.strictEqual(vm.runInContext('inc()', ctx), 2);
assert.strictEqual(ctx.n, 2);
assert.strictEqual(typeof ctx.inc, 'function');
ctx.n = 10; // copied in before the next run
assert.strictEqual(vm.runInContext('inc()', ctx), 11);
vm.runInContext('Array.prototype.mine = 7', ctx);
assert.strictEqual(vm.runInContext('[].mine', ctx), 7, 'built-in changes persist in the context');
assert.strictEqual([].mine, undefined);
assert.throws(function () { vm.runInContext('1', {}); }, /needs a 'context' argument/);

// Objects cross both ways and keep their identity.
var shared = { list: [1, 2], nested: { deep: true } };
var box = { shared: shared, log: [] };
vm.runInNewContext('shared.list.push(3); shared.added = "yes"; log.push(typeof shared.nested);' +
                   'same = shared === shared; made = { when: "now", items: [shared] };', box);
assert.deepEqual(shared.list, [1, 2, 3]);
assert.strictEqual(shared.added, 'yes');
assert.deepEqual(box.log, ['object']);
assert.strictEqual(box.shared, shared);
assert.strictEqual(box.same, true);
assert.strictEqual(box.made.when, 'now');
assert.strictEqual(box.made.items[0], shared, 'an object that goes back is the original');
assert.strictEqual(Array.isArray(box.made.items), true);

// Functions: main's called from the context, the context's from main,
// with this, arguments, results, exceptions and new.
function Point(x, y) { this.x = x; this.y = y; }
Point.prototype.sum = function () { return this.x + this.y; };
Point.origin = 'static';
var calls = [];
var fns = {
  Point: Point,
  record: function (a, b) { calls.push([this === fns, a, b]); return a + b; },
  fail: function () { throw new RangeError('main failed'); }
};
var out = vm.runInNewContext(
  'var p = new Point(2, 3);' +
  'var caught; try { fail(); } catch (e) { caught = e.name + ": " + e.message; }' +
  'function twice(f, v) { return f(f(v)); }' +
  '[p.sum(), Point.origin, record(1, 2), caught]', fns);
assert.deepEqual([out[0], out[1], out[2], out[3]], [5, 'static', 3, 'RangeError: main failed']);
assert.deepEqual(calls, [[false, 1, 2]]);
assert.ok(fns.p instanceof Point, 'new through the membrane makes a main object');
assert.strictEqual(fns.twice(function (v) { return v * 3; }, 2), 18);

// Errors thrown in a context come back as errors of this runtime, with the
// vm file name in their stack.
try {
  vm.runInNewContext('\nundefinedFunction()', {}, 'ctx-file.vm');
  assert.fail('no throw');
} catch (e) {
  assert.ok(e instanceof ReferenceError);
  assert.ok(/ctx-file\.vm:2/.test(e.stack), e.stack);
}
try {
  vm.runInThisContext('\n\nthrow new TypeError("here")', 'this-file.vm');
} catch (e) {
  assert.ok(e instanceof TypeError);
  assert.ok(/this-file\.vm:3/.test(e.stack), e.stack);
}
assert.throws(function () { vm.createScript('var = 1', 'syntax.vm'); }, SyntaxError);
var thrown;
try { vm.runInNewContext('throw { plain: [1] }'); } catch (e) { thrown = e; }
assert.deepEqual(thrown, { plain: [1] });
console.log('ok');
