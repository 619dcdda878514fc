var count = 0;
module.exports = function () { return ++count; };
module.exports.isMain = require.main === module;
module.exports.filename = __filename;
module.exports.dirname = __dirname;
