exports.before = true;
throw new Error('module failed');
