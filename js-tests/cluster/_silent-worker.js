// The worker of silent.js (not a test itself): it prints, which a silent
// worker's master does not show, and reports its argv.
var cluster = require('cluster');
console.log('a silent worker printed this');
console.error('and this');
process.send({ argv: process.argv.slice(2), id: cluster.worker.uniqueID });
