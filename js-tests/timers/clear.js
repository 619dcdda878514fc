// A cleared timeout never fires; clearing undefined, null or twice is harmless.
var assert = require('assert');
var t = setTimeout(function () { assert.fail('cleared timer fired'); }, 5);
clearTimeout(t);
clearTimeout(t);
clearTimeout(undefined);
clearTimeout(null);
clearInterval(undefined);
var fired = false;
setTimeout(function () { fired = true; }, 10);
process.on('exit', function () { assert.ok(fired); });
