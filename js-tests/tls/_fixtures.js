// Reads a fixture made by js-tests/fixtures/make-fixtures.sh.
var fs = require('fs');
var path = require('path');
module.exports = function (name) {
  return fs.readFileSync(path.join(__dirname, '..', 'fixtures', name));
};
