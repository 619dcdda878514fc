// child.stdin is a writable stream: write(data, [encoding]) and end()
// reach the child; stdout after setEncoding gives strings; pause() holds
// 'data' back until resume().
var assert = require('assert');
var spawn = require('child_process').spawn;
var common = require('./_common');
var mustCall = common.mustCall;

var cat = spawn('cat');
var out = '';
cat.stdout.setEncoding('utf8');
cat.stdout.on('data', function (chunk) {
  assert.strictEqual(typeof chunk, 'string');
  out += chunk;
});
cat.stdout.on('end', mustCall(function () {
  assert.strictEqual(out, 'hello world, héllo wörld\n\u20ac');
}));
assert.strictEqual(cat.stdin.write('hello '), true);
assert.strictEqual(cat.stdin.write(new Buffer('world, ')), true);
cat.stdin.write('68c3a96c6c6f20', 'hex');
cat.stdin.write('w\u00f6rld\n', 'utf8');
// A multi-byte character split across two writes comes out whole.
var euro = new Buffer('\u20ac');
cat.stdin.write(euro.slice(0, 1));
cat.stdin.end(euro.slice(1));
cat.on('exit', mustCall(function (code, signal) {
  assert.strictEqual(code, 0);
  assert.strictEqual(signal, null);
}));

// end() closes the child's stdin: a child that reads to the end finishes.
var wc = spawn('wc', ['-c']);
wc.stdout.setEncoding('ascii');
var count = '';
wc.stdout.on('data', function (d) { count += d; });
wc.stdin.end('12345');
wc.on('close', mustCall(function (code) {
  assert.strictEqual(code, 0);
  assert.strictEqual(count.trim(), '5');
}));

// stdout.pause() stops 'data' until resume(); nothing is lost meanwhile.
// The child says on stderr when all of stdout is written; stdout resumes
// once it has then been idle (nothing read) for 50 ms: its 'timeout'.
var paused = spawn('sh', ['-c', 'echo one; echo two; echo three; echo written >&2']);
var gotWhilePaused = false;
var resumed = false;
var text = '';
paused.stdout.on('data', function (d) {
  if (!resumed) gotWhilePaused = true;
  text += d;
});
paused.stdout.pause();
paused.on('exit', function () {
  // Under Node 0.7.4 'exit' waits for stdout, so it cannot come while
  // stdout is paused.
  assert.ok(!common.is07 || resumed, "'exit' while stdout is paused");
});
paused.stderr.once('data', function () {
  paused.stdout.setTimeout(50);
});
// (Under 0.7 stdout cannot end before this resume: its 'end' below is
// counted. Today's node may resume and end it first.)
paused.stdout.on('timeout', function () {
  paused.stdout.setTimeout(0);
  resumed = true;
  paused.stdout.resume();
});
paused.stdout.on('end', mustCall(function () {
  // (Today's node resumes a child's paused stdout when the child exits.)
  if (common.is07) assert.strictEqual(gotWhilePaused, false);
  assert.strictEqual(text, 'one\ntwo\nthree\n');
}));

// stdin 'close' follows end().
var t = spawn('true');
t.stdin.on('close', mustCall(function () {}));
t.stdin.end();
