// An unref'd timer does not keep the program alive; ref() makes it count again.
var assert = require('assert');
var ran = [];
var long = setTimeout(function () { ran.push('long'); }, 60000);
long.unref();
var again = setTimeout(function () { ran.push('again'); }, 5);
again.unref();
again.ref();
var interval = setInterval(function () { ran.push('interval'); }, 100000);
interval.unref();
process.on('exit', function () {
  assert.deepEqual(ran, ['again']);
});
