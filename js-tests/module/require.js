// CommonJS as Node 0.7 has it: files, .js/.json, directories, node_modules,
// caching, cycles, require.resolve, require.main, __filename/__dirname.
var assert = require('assert');
var path = require('path');

// Core modules by name; the same object each time.
assert.strictEqual(require('events'), require('events'));
assert.strictEqual(typeof require('events').EventEmitter, 'function');

// Files with and without extension; caching.
var counter = require('./_counter');
assert.strictEqual(counter(), 1);
assert.strictEqual(require('./_counter.js')(), 2);
assert.strictEqual(counter.isMain, false);
assert.strictEqual(counter.filename, path.join(__dirname, '_counter.js'));
assert.strictEqual(counter.dirname, __dirname);

// JSON.
assert.deepEqual(require('./_data.json'), { name: 'data', list: [1, 2, 3] });
assert.strictEqual(require('./_data').name, 'data');
assert.throws(function () { require('./_bad.json'); }, function (err) {
  return err instanceof SyntaxError && err.message.indexOf('_bad.json') !== -1;
});

// Directories (fixtures/: not tests themselves): index.js and package.json
// main; node_modules lookup.
assert.strictEqual(require('./fixtures/dir-index'), 'dir index');
assert.strictEqual(require('./fixtures/dir-pkg'), 'dir pkg');
assert.strictEqual(require('dep'), 'dep index');
assert.strictEqual(require('pkgmain'), 'pkg main');

// Absolute paths.
assert.strictEqual(require(path.join(__dirname, '_counter.js')), counter);

// Cycles see the partly filled exports.
var a = require('./_cycle_a');
assert.strictEqual(a.loaded, true);
assert.strictEqual(a.bSawA, false);

// require.resolve.
assert.strictEqual(require.resolve('./_counter'), path.join(__dirname, '_counter.js'));
assert.strictEqual(require.resolve('dep'), path.join(__dirname, 'node_modules', 'dep', 'index.js'));
assert.strictEqual(require.resolve('fs'), 'fs');

// require.main, module, exports.
assert.strictEqual(require.main, module);
assert.strictEqual(module.exports, exports);
assert.strictEqual(module.id, '.');
assert.strictEqual(module.filename, __filename);
assert.strictEqual(__filename, path.join(__dirname, 'require.js'));
assert.ok(require.cache[path.join(__dirname, '_counter.js')]);

// Missing modules.
assert.throws(function () { require('./no-such-file'); }, function (err) {
  // Today's Node appends a "Require stack"; 0.7's message ended here.
  return err instanceof Error && err.code === 'MODULE_NOT_FOUND' &&
    err.message.split('\n')[0] === "Cannot find module './no-such-file'";
});
assert.throws(function () { require('no-such-package'); }, /Cannot find module 'no-such-package'/);

// A module that throws is not cached: requiring it again throws again.
assert.throws(function () { require('./_throws'); }, /module failed/);
assert.throws(function () { require('./_throws'); }, /module failed/);

// Bad ids.
assert.throws(function () { require(42); }, TypeError);
