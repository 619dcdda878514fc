// Buffer encodings where 0.7 and today agree.
var b = new Buffer('héllo wörld', 'utf8');
console.log('%d %s', b.length, b.toString('hex'));
console.log(b.toString('base64'));
console.log(new Buffer('aGk=', 'base64').toString());
console.log(new Buffer('6869', 'hex').toString('utf8'));
console.log('%d %s %s', Buffer.byteLength('€uro'), Buffer.isBuffer(b), Buffer.isBuffer('x'));
var s = b.slice(0, 5);
s[0] = 72;
console.log(b.toString('utf8', 0, 6));
var c = new Buffer(4);
c.fill(0);
c.writeUInt16BE(0x1234, 0);
c.writeInt16LE(-2, 2);
console.log(c);
console.log('%d %d', c.readUInt16BE(0), c.readInt16LE(2));
console.log('%d', new Buffer([1, 2, 3]).toString('binary').length);
console.log(new Buffer('ab', 'ucs2'));
