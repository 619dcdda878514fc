// A forked child that reports how it was started (its arguments, working
// directory, environment, execArgv) and whether a child of its own sees
// NODE_CHANNEL_FD, then disconnects.
var exec = require('child_process').exec;
exec('echo "${NODE_CHANNEL_FD-unset}"', function (err, stdout) {
  process.send({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    foo: process.env.FOO,
    channelFd: process.env.NODE_CHANNEL_FD === undefined ? 'unset' : process.env.NODE_CHANNEL_FD,
    grandchildChannelFd: err ? String(err) : stdout.trim(),
    execArgv: process.execArgv,
    connected: process.connected
  });
  process.disconnect();
});
