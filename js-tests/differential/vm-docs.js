// The examples of vm.markdown (0.7.4), whose output Node 0.7 and today's
// Node agree on.
var util = require('util'),
    vm = require('vm');

var localVar = 123, usingscript, evaled;
usingscript = vm.runInThisContext('localVar = 1;', 'myfile.vm');
console.log('localVar: ' + localVar + ', usingscript: ' + usingscript);
evaled = eval('localVar = 1;');
console.log('localVar: ' + localVar + ', evaled: ' + evaled);

var sandbox = { animal: 'cat', count: 2 };
vm.runInNewContext('count += 1; name = "kitty"', sandbox, 'myfile.vm');
console.log(util.inspect(sandbox));

var context = vm.createContext({ animal: 'cat', count: 2 });
vm.runInContext('count += 1; name = "CATT"', context, 'myfile.vm');
console.log(util.inspect(context).replace(/^Context /, ''));

globalVar = 0;
var script = vm.createScript('globalVar += 1', 'myfile.vm');
for (var i = 0; i < 1000; i += 1) {
  script.runInThisContext();
}
console.log(globalVar);

sandbox = { animal: 'cat', count: 2 };
script = vm.createScript('count += 1; name = "kitty"', 'myfile.vm');
for (i = 0; i < 10; i += 1) {
  script.runInNewContext(sandbox);
}
console.log(util.inspect(sandbox));
