// net.isIP, isIPv4, isIPv6 over many inputs. The expected values are what
// today's node returns, which is what the documentation promises (0 for
// anything that is not an address). Node 0.7's own regular expressions were
// looser ('::' followed by anything was 6, leading zeros passed) and are not
// followed here.
var assert = require('assert');
var net = require('net');

var cases = [
  ['127.0.0.1', 4], ['0.0.0.0', 4], ['255.255.255.255', 4], ['192.168.1.1', 4],
  ['256.0.0.1', 0], ['1.2.3', 0], ['1.2.3.4.5', 0], ['01.2.3.4', 0], ['1.2.3.04', 0],
  ['00.0.0.0', 0], ['1.2.3.4 ', 0], [' 1.2.3.4', 0], ['1.2.3.-4', 0], ['1.2.3.4/24', 0],
  ['a.b.c.d', 0], ['1..2.3', 0], ['0x7f.0.0.1', 0], ['1e0.0.0.1', 0], ['1.2.3.4\n', 0],
  ['\u0661.2.3.4', 0], ['1.2.3.4:80', 0], ['1.2.3.4%eth0', 0],
  ['::', 6], ['::1', 6], ['::ffff:127.0.0.1', 6], ['::ffff:0.0.0.0', 6], ['::127.0.0.1', 6],
  ['64:ff9b::192.0.2.33', 6], ['1:2:3:4:5:6:1.2.3.4', 6], ['ABCD:EF01::1.2.3.4', 6],
  ['2001:db8::1', 6], ['2001:0db8:0000:0000:0000:0000:0000:0001', 6], ['FE80::ABCD', 6],
  ['1::', 6], ['0000::', 6], ['abcd:ef01::', 6], ['1:2:3:4:5:6:7:8', 6],
  ['1:2:3:4:5:6:7::', 6], ['::1:2:3:4:5:6:7', 6],
  ['fe80::1%eth0', 6], ['::1%1', 6], ['1:2:3:4:5:6:7:8%x', 6], ['::%eth0', 6],
  ['fe80::1%25eth0', 6], ['::ffff:1.2.3.4%eth0', 6],
  ['::ffff:1.2.3.256', 0], ['2001:db8::1::2', 0], ['fe80::1%', 0], ['fe80::1%a b', 0],
  ['fe80::1%\u00e9', 0], ['fe80::1%eth0%1', 0], ['fe80::1%eth_0', 0], ['fe80::1%eth/0', 0],
  ['1:2:3:4:5:6:7:8:9', 0], ['1:2:3:4:5:6:7:1.2.3.4', 0], [':1', 0], ['1:', 0],
  ['gggg::1', 0], ['12345::1', 0], ['00000::', 0], ['::ffff:1.2.3.4.5', 0], ['[::1]', 0],
  ['::1/128', 0], ['::1\n', 0],
  ['localhost', 0], ['example.com', 0], ['', 0], ['0', 0], ['1', 0], ['null', 0],
  ['undefined', 0]
];

cases.forEach(function (c) {
  var input = c[0];
  var want = c[1];
  assert.strictEqual(net.isIP(input), want, 'isIP(' + JSON.stringify(input) + ')');
  assert.strictEqual(net.isIPv4(input), want === 4, 'isIPv4(' + JSON.stringify(input) + ')');
  assert.strictEqual(net.isIPv6(input), want === 6, 'isIPv6(' + JSON.stringify(input) + ')');
});

// Values that are not strings are not addresses.
[undefined, null, 0, 123, true, {}, []].forEach(function (v) {
  assert.strictEqual(net.isIP(v), 0);
  assert.strictEqual(net.isIPv4(v), false);
  assert.strictEqual(net.isIPv6(v), false);
});
