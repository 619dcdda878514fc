// The child of fork-example.js: the child script of the fork() example in
// Node 0.7.4's documentation, which also echoes what it got and tells by
// its exit code (7) that it saw the parent disconnect.
var got = null;
process.on('message', function (m) {
  got = m;
  process.send({ got: m });
});
process.on('disconnect', function () {
  process.exit(got !== null && !process.connected ? 7 : 8);
});
process.send({ foo: 'bar' });
