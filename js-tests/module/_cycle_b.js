var a = require('./_cycle_a');
exports.sawA = a.loaded;
