module.exports = 'dir pkg';
