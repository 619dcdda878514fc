exports.loaded = false;
var b = require('./_cycle_b');
exports.bSawA = b.sawA;
exports.loaded = true;
