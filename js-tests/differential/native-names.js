// Functions implemented natively have their JS names, in .name and in stack
// traces: a missing module's stack shows `at require (...)`, never the
// symbol of the code behind it.
console.log([require.name, require.resolve.name, process.uptime.name, process.hrtime.name,
  process.memoryUsage.name, process.kill.name, process.exit.name].join(' '));
try {
  require('nope');
} catch (e) {
  console.log(e.code, /\bat require \(/.test(e.stack), /github\.com|\.func\d/.test(e.stack));
}
