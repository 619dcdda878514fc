// util.print, util.puts, util.debug and util.error (Node 0.7.4; today's
// Node has removed them, so print.out was written by hand). print and puts
// write to stdout, debug and error to stderr; all synchronously, so they
// keep their order with console.log.
var util = require('util');

console.log('start');
util.print('a', 'b', 1, null, '\n');
util.puts('x', 'y', 2);
util.puts();
util.print();
util.debug('this goes to stderr');
util.error('stderr', 'too');
util.puts({}, [1, 2]);
util.print('no newline');
util.print(' ... until now\n');
console.log('end');
