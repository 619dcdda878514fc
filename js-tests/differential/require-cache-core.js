// require.cache entries for core module names are used by require(), as
// Node 0.7.4's Module._load did (it looks in the cache under the resolved
// name first, and a core module's resolved name is its name); core modules
// themselves are not put in require.cache, and they load each other without
// looking there.
var realEvents = require('events');
var fake = { readFileSync: function () { return 'fake'; } };
require.cache.fs = { id: 'fs', exports: fake, loaded: true };
console.log('faked: ' + (require('fs') === fake) + ' ' + require('fs').readFileSync());
delete require.cache.fs;
console.log('removed: ' + (require('fs') === fake) + ' ' + typeof require('fs').readFileSync);
require('path');
console.log('cached: ' + ('fs' in require.cache) + ' ' + ('path' in require.cache));

require.cache.events = { id: 'events', exports: { EventEmitter: function Fake() {} }, loaded: true };
console.log(require('events').EventEmitter.name);
console.log(new (require('net').Server)() instanceof realEvents.EventEmitter);
delete require.cache.events;
console.log(require('events') === realEvents);
