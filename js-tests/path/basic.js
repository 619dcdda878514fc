// path: the documented examples and many POSIX cases where Node 0.7.4 and
// today's Node give the same answer. Runs under node too.
var assert = require('assert');
var path = require('path');

// Documentation examples.
assert.equal(path.normalize('/foo/bar//baz/asdf/quux/..'), '/foo/bar/baz/asdf');
assert.equal(path.join('/foo', 'bar', 'baz/asdf', 'quux', '..'), '/foo/bar/baz/asdf');
assert.equal(path.resolve('/foo/bar', './baz'), '/foo/bar/baz');
assert.equal(path.resolve('/foo/bar', '/tmp/file/'), '/tmp/file');
assert.equal(path.resolve('wwwroot', 'static_files/png/', '../gif/image.gif'),
             process.cwd() + '/wwwroot/static_files/gif/image.gif');
assert.equal(path.relative('/data/orandea/test/aaa', '/data/orandea/impl/bbb'),
             '../../impl/bbb');
assert.equal(path.dirname('/foo/bar/baz/asdf/quux'), '/foo/bar/baz/asdf');
assert.equal(path.basename('/foo/bar/baz/asdf/quux.html'), 'quux.html');
assert.equal(path.basename('/foo/bar/baz/asdf/quux.html', '.html'), 'quux');
assert.equal(path.extname('index.html'), '.html');
assert.equal(path.extname('index.'), '.');
assert.equal(path.extname('index'), '');

// normalize
var normalizeTests = [
  ['', '.'], ['.', '.'], ['./', './'], ['..', '..'], ['../', '../'],
  ['/', '/'], ['//', '/'], ['///a//b', '/a/b'], ['a/b/', 'a/b/'],
  ['./fixtures///b/../b/c.js', 'fixtures/b/c.js'], ['/foo/../../../bar', '/bar'],
  ['a//b//../b', 'a/b'], ['a//b//./c', 'a/b/c'], ['a//b//.', 'a/b'],
  ['a/../..', '..'], ['a/../../b/', '../b/'], ['/..', '/'], ['/../a/.', '/a'],
  ['.a/..b/...', '.a/..b/...'], [' ', ' '], ['a/./././', 'a/']
];
normalizeTests.forEach(function(t) {
  assert.strictEqual(path.normalize(t[0]), t[1], 'normalize(' + JSON.stringify(t[0]) + ')');
});

// join
var joinTests = [
  [['.', 'x/b', '..', '/b/c.js'], 'x/b/c.js'],
  [['/.', 'x/b', '..', '/b/c.js'], '/x/b/c.js'],
  [['/foo', '../../../bar'], '/bar'],
  [['foo', '../../../bar'], '../../bar'],
  [['foo/', '../../../bar'], '../../bar'],
  [['foo/x', '../../../bar'], '../bar'],
  [['foo/x', './bar'], 'foo/x/bar'],
  [['foo/x/', './bar'], 'foo/x/bar'],
  [['foo/x/', '.', 'bar'], 'foo/x/bar'],
  [['./'], './'],
  [['.', './'], './'],
  [['.', '.', '.'], '.'],
  [['.', './', '.'], '.'],
  [['.', '/./', '.'], '.'],
  [['.', '/////./', '.'], '.'],
  [['.'], '.'],
  [['', '.'], '.'],
  [['', 'foo'], 'foo'],
  [['foo', '/bar'], 'foo/bar'],
  [['', '/foo'], '/foo'],
  [['', '', '/foo'], '/foo'],
  [['', '', 'foo'], 'foo'],
  [['foo', ''], 'foo'],
  [['foo/', ''], 'foo/'],
  [['foo', '', '/bar'], 'foo/bar'],
  [['./', '..', '/foo'], '../foo'],
  [['./', '..', '..', '/foo'], '../../foo'],
  [['.', '..', '..', '/foo'], '../../foo'],
  [['', '..', '..', '/foo'], '../../foo'],
  [['/'], '/'],
  [['/', '.'], '/'],
  [['/', '..'], '/'],
  [['/', '..', '..'], '/'],
  [[''], '.'],
  [['', ''], '.'],
  [[' /foo'], ' /foo'],
  [[' ', 'foo'], ' /foo'],
  [[' ', '.'], ' '],
  [[' ', '/'], ' /'],
  [[' ', ''], ' '],
  [[], '.']
];
joinTests.forEach(function(t) {
  assert.strictEqual(path.join.apply(path, t[0]), t[1],
                     'join(' + t[0].map(function(s) { return JSON.stringify(s); }).join(',') + ')');
});

// resolve
var cwd = process.cwd();
var resolveTests = [
  [['/var/lib', '../', 'file/'], '/var/file'],
  [['/var/lib', '/../', 'file/'], '/file'],
  [['/some/dir', '.', '/absolute/'], '/absolute'],
  [['/foo/tmp.3/', '../tmp.3/cycles/root.js'], '/foo/tmp.3/cycles/root.js'],
  [['.'], cwd],
  [[], cwd],
  [[''], cwd],
  [['a', '', 'b'], cwd + '/a/b'],
  [['/', '..', '..'], '/'],
  [['/a/b/c/', '../../..'], '/'],
  [['a/b/c/', '../../..'], cwd]
];
resolveTests.forEach(function(t) {
  assert.strictEqual(path.resolve.apply(path, t[0]), t[1],
                     'resolve(' + JSON.stringify(t[0]) + ')');
});

// relative
var relativeTests = [
  ['/var/lib', '/var', '..'],
  ['/var/lib', '/bin', '../../bin'],
  ['/var/lib', '/var/lib', ''],
  ['/var/lib', '/var/apache', '../apache'],
  ['/var/', '/var/lib', 'lib'],
  ['/', '/var/lib', 'var/lib'],
  ['/var/lib/', '/', '../..'],
  ['/a/b', '/a/bc', '../bc'],
  ['a/b', 'a/c/d', '../c/d'],
  ['/x', 'y', path.relative('/x', cwd + '/y')]
];
relativeTests.forEach(function(t) {
  assert.strictEqual(path.relative(t[0], t[1]), t[2],
                     'relative(' + JSON.stringify(t[0]) + ', ' + JSON.stringify(t[1]) + ')');
  // The documented identity.
  assert.strictEqual(path.resolve(t[0], path.relative(t[0], t[1])), path.resolve(t[1]));
});

// dirname
assert.equal(path.dirname('/a/b'), '/a');
assert.equal(path.dirname('/a'), '/');
assert.equal(path.dirname('/'), '/');
assert.equal(path.dirname('a'), '.');
assert.equal(path.dirname(''), '.');
assert.equal(path.dirname('a/b'), 'a');
assert.equal(path.dirname('./a'), '.');
assert.equal(path.dirname('../a'), '..');
assert.equal(path.dirname('/a/b/'), '/a');
assert.equal(path.dirname('a/b/c.js'), 'a/b');


// basename
assert.equal(path.basename(__filename), 'basic.js');
assert.equal(path.basename(__filename, '.js'), 'basic');
assert.equal(path.basename(''), '');
assert.equal(path.basename('/dir/basename.ext'), 'basename.ext');
assert.equal(path.basename('/basename.ext'), 'basename.ext');
assert.equal(path.basename('basename.ext'), 'basename.ext');
assert.equal(path.basename('a.b.c', '.c'), 'a.b');
assert.equal(path.basename('a.b.c', '.b'), 'a.b.c');
assert.equal(path.basename('aaa/bbb', 'bb'), 'b');
assert.equal(path.basename('.js', '.js'), '');
var controlCharFilename = 'Icon' + String.fromCharCode(13);
assert.equal(path.basename('/a/b/' + controlCharFilename), controlCharFilename);

// extname
var extTests = [
  ['', ''], ['/path/to/file', ''], ['/path/to/file.ext', '.ext'],
  ['/path.to/file.ext', '.ext'], ['/path.to/file', ''], ['/path.to/.file', ''],
  ['/path.to/.file.ext', '.ext'], ['/path/to/f.ext', '.ext'],
  ['/path/to/..ext', '.ext'], ['file', ''], ['file.ext', '.ext'], ['.file', ''],
  ['.file.ext', '.ext'], ['/file', ''], ['/file.ext', '.ext'], ['/.file', ''],
  ['/.file.ext', '.ext'], ['.path/file.ext', '.ext'], ['file.ext.ext', '.ext'],
  ['file.', '.'], ['.', ''], ['./', ''], ['.file.', '.'], ['.file..', '.'],
  ['..', ''], ['../', ''], ['..file.ext', '.ext'], ['..file', '.file'],
  ['..file.', '.'], ['..file..', '.'], ['...', '.'], ['...ext', '.ext'],
  ['....', '.'], ['file/', ''], ['file//', ''], ['.\\', ''], ['..\\', '.\\'],
  ['file.ext\\', '.ext\\']
];
extTests.forEach(function(t) {
  assert.strictEqual(path.extname(t[0]), t[1], 'extname(' + JSON.stringify(t[0]) + ')');
});

// Bad input: normalize needs a string.
[undefined, null, 5, {}, true].forEach(function(bad) {
  assert.throws(function() { path.normalize(bad); }, TypeError);
});
