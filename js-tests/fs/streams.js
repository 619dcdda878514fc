// fs: ReadStream and WriteStream, and piping one into the other.
var assert = require('assert');
var fs = require('fs');
var Stream = require('stream');
var dir = require('./_tmp').tmpdir('streams');
var is07 = process.version.indexOf('v0.7') === 0;

function f(name) {
  return dir + '/' + name;
}

var pending = 0;
function start() {
  pending++;
}
function done() {
  pending--;
}
process.on('exit', function() {
  assert.strictEqual(pending, 0, pending + ' stream tests did not finish');
});

var content = new Buffer(5000);
for (var i = 0; i < content.length; i++) content[i] = i % 256;
fs.writeFileSync(f('src'), content);

// A whole file in chunks of at most bufferSize: 'open', 'data'..., 'end',
// 'close'. (Today's node sizes chunks by highWaterMark instead.)
start();
(function() {
  var rs = fs.createReadStream(f('src'), { bufferSize: 1000,
                                           highWaterMark: 1000 });
  assert.ok(rs instanceof fs.ReadStream);
  assert.ok(rs instanceof Stream);
  assert.strictEqual(rs.readable, true);
  var events = [];
  var chunks = [];
  rs.on('open', function(fd) {
    assert.strictEqual(typeof fd, 'number');
    assert.strictEqual(rs.fd, fd);
    events.push('open');
  });
  rs.on('data', function(chunk) {
    assert.ok(Buffer.isBuffer(chunk));
    assert.ok(chunk.length > 0 && chunk.length <= 1000);
    if (events[events.length - 1] !== 'data') events.push('data');
    chunks.push(chunk);
  });
  rs.on('end', function() {
    events.push('end');
  });
  rs.on('close', function() {
    events.push('close');
    assert.deepEqual(events, ['open', 'data', 'end', 'close']);
    assert.ok(chunks.length >= 5);
    var all = Buffer.concat ? Buffer.concat(chunks) : join(chunks);
    assert.strictEqual(all.toString('hex'), content.toString('hex'));
    done();
  });
})();

function join(chunks) {
  var n = 0;
  chunks.forEach(function(c) { n += c.length; });
  var out = new Buffer(n);
  var at = 0;
  chunks.forEach(function(c) {
    c.copy(out, at);
    at += c.length;
  });
  return out;
}

// start and end are inclusive; end alone starts at 0.
start();
(function() {
  var got = '';
  fs.writeFileSync(f('abc'), 'abcdefghij');
  var rs = fs.createReadStream(f('abc'), { start: 2, end: 5 });
  rs.setEncoding('utf8');
  rs.on('data', function(s) { got += s; });
  rs.on('end', function() {
    assert.strictEqual(got, 'cdef');
    var got2 = '';
    var rs2 = fs.createReadStream(f('abc'), { start: 7 });
    rs2.setEncoding('utf8');
    rs2.on('data', function(s) { got2 += s; });
    rs2.on('end', function() {
      assert.strictEqual(got2, 'hij');
      var got3 = '';
      var rs3 = fs.createReadStream(f('abc'), { start: 9, end: 9 });
      rs3.setEncoding('utf8');
      rs3.on('data', function(s) { got3 += s; });
      rs3.on('end', function() {
        assert.strictEqual(got3, 'j');
        done();
      });
    });
  });
  assert.throws(function() {
    fs.createReadStream(f('abc'), { start: 5, end: 2 });
  });
  assert.throws(function() {
    fs.createReadStream(f('abc'), { start: 'x' });
  }, TypeError);
})();

// The encoding option and setEncoding give strings, a character split
// between two chunks included.
start();
(function() {
  fs.writeFileSync(f('utf8'), 'aé€😀z');
  var strings = [];
  var rs = fs.createReadStream(f('utf8'), { encoding: 'utf8', bufferSize: 1,
                                            highWaterMark: 1 });
  rs.on('data', function(s) {
    assert.strictEqual(typeof s, 'string');
    strings.push(s);
  });
  rs.on('end', function() {
    assert.strictEqual(strings.join(''), 'aé€😀z');
    done();
  });
})();

// pause() stops 'data' until resume().
start();
(function() {
  var rs = fs.createReadStream(f('src'), { bufferSize: 100,
                                           highWaterMark: 100 });
  var paused = false;
  var total = 0;
  var pauses = 0;
  rs.on('data', function(chunk) {
    assert.strictEqual(paused, false, "'data' while paused");
    total += chunk.length;
    if (pauses < 3) {
      pauses++;
      rs.pause();
      paused = true;
      setTimeout(function() {
        paused = false;
        rs.resume();
      }, 20);
    }
  });
  rs.on('end', function() {
    assert.strictEqual(paused, false, "'end' while paused");
    assert.strictEqual(total, content.length);
    assert.strictEqual(pauses, 3);
    done();
  });
})();

// Paused while a read is under way: its data waits for resume().
start();
(function() {
  var rs = fs.createReadStream(f('src'), { bufferSize: 100,
                                           highWaterMark: 100 });
  var paused = false;
  var total = 0;
  var first = true;
  rs.on('data', function(chunk) {
    assert.strictEqual(paused, false, "'data' while paused");
    total += chunk.length;
    if (!first) return;
    first = false;
    process.nextTick(function() {
      rs.pause();
      paused = true;
      setTimeout(function() {
        paused = false;
        rs.resume();
      }, 50);
    });
  });
  rs.on('end', function() {
    assert.strictEqual(total, content.length);
    done();
  });
})();

// Paused before it opened: nothing until resume().
start();
(function() {
  var rs = fs.createReadStream(f('abc'), { encoding: 'utf8' });
  var resumed = false;
  var got = '';
  rs.pause();
  rs.on('data', function(s) {
    assert.ok(resumed, "'data' before resume()");
    got += s;
  });
  rs.on('end', function() {
    assert.strictEqual(got, 'abcdefghij');
    done();
  });
  setTimeout(function() {
    resumed = true;
    rs.resume();
  }, 50);
})();

// A missing file: 'error' with ENOENT, and no 'open'.
start();
(function() {
  var rs = fs.createReadStream(f('nope'));
  rs.on('open', function() {
    assert.fail('opened');
  });
  rs.on('error', function(err) {
    assert.strictEqual(err.code, 'ENOENT');
    assert.strictEqual(err.path, f('nope'));
    done();
  });
})();

// destroy() closes the file: 'close' and no 'end'.
start();
(function() {
  var rs = fs.createReadStream(f('src'), { bufferSize: 100,
                                           highWaterMark: 100 });
  rs.on('end', function() {
    assert.fail('ended');
  });
  rs.on('close', function() {
    assert.strictEqual(rs.readable, false);
    done();
  });
  rs.once('data', function() {
    rs.destroy();
  });
})();

// An open descriptor may be given instead of a path; no 'open' then.
start();
(function() {
  var fd = fs.openSync(f('abc'), 'r');
  var got = '';
  var rs = fs.createReadStream(null, { fd: fd, encoding: 'utf8' });
  rs.on('open', function() {
    assert.fail('open with fd');
  });
  rs.on('data', function(s) { got += s; });
  rs.on('end', function() {
    assert.strictEqual(got, 'abcdefghij');
    done();
  });
})();

// A write stream: 'open', writes in order, bytesWritten, 'close' after
// end().
start();
(function() {
  var ws = fs.createWriteStream(f('out'));
  assert.ok(ws instanceof fs.WriteStream);
  assert.ok(ws instanceof Stream);
  assert.strictEqual(ws.writable, true);
  assert.strictEqual(ws.bytesWritten, 0);
  var opened = false;
  var drains = 0;
  var callbacks = 0;
  ws.on('open', function(fd) {
    assert.strictEqual(typeof fd, 'number');
    opened = true;
  });
  ws.on('drain', function() {
    drains++;
  });
  var ret = ws.write('hello ');
  // 0.7's WriteStream queued every write and returned false, with 'drain'
  // when the queue emptied; today's returns true below its highWaterMark.
  if (is07) assert.strictEqual(ret, false);
  ws.write(new Buffer('wor'));
  ws.write('6c64', 'hex', function(err) {
    assert.ifError(err);
    callbacks++;
  });
  ws.end('!', function() {
    callbacks++;
  });
  assert.strictEqual(ws.writable, false);
  ws.on('close', function() {
    assert.ok(opened);
    assert.strictEqual(callbacks, 2);
    assert.strictEqual(ws.bytesWritten, 12);
    assert.strictEqual(fs.readFileSync(f('out'), 'utf8'), 'hello world!');
    assert.strictEqual(drains, 0); // end() came before the queue emptied
    done();
  });
})();

// 'drain' follows a write that returned false, once the data is written.
start();
(function() {
  var ws = fs.createWriteStream(f('drain'));
  var big = new Buffer(100 * 1024);
  big.fill(120);
  var ret = ws.write(big);
  assert.strictEqual(ret, false); // above today's highWaterMark as well
  ws.on('drain', function() {
    assert.strictEqual(ws.bytesWritten, big.length);
    ws.end();
  });
  ws.on('close', function() {
    assert.strictEqual(fs.statSync(f('drain')).size, big.length);
    done();
  });
})();

// flags 'a' appends; start (with 'r+') writes at a position.
start();
(function() {
  fs.writeFileSync(f('app'), 'abc');
  var ws = fs.createWriteStream(f('app'), { flags: 'a' });
  ws.end('def');
  ws.on('close', function() {
    assert.strictEqual(fs.readFileSync(f('app'), 'utf8'), 'abcdef');
    var ws2 = fs.createWriteStream(f('app'), { flags: 'r+', start: 1 });
    ws2.write('XY');
    ws2.end('Z');
    ws2.on('close', function() {
      assert.strictEqual(fs.readFileSync(f('app'), 'utf8'), 'aXYZef');
      done();
    });
  });
  assert.throws(function() {
    fs.createWriteStream(f('app'), { start: -1 });
  });
  assert.throws(function() {
    fs.createWriteStream(f('app'), { start: '1' });
  }, TypeError);
})();

// Writing after end() is an 'error'.
start();
(function() {
  var ws = fs.createWriteStream(f('late'));
  ws.end('x');
  ws.on('error', function(err) {
    assert.ok(err instanceof Error);
    if (is07) assert.strictEqual(err.message, 'stream not writable');
    done();
  });
  ws.write('y');
})();

// A directory that does not exist: 'error' with ENOENT.
start();
(function() {
  var ws = fs.createWriteStream(f('no/such/file'));
  ws.on('error', function(err) {
    assert.strictEqual(err.code, 'ENOENT');
    assert.strictEqual(err.path, f('no/such/file'));
    done();
  });
})();

// destroySoon() finishes the queued writes, then closes.
start();
(function() {
  var ws = fs.createWriteStream(f('soon'));
  ws.write('queued');
  ws.destroySoon();
  ws.on('close', function() {
    assert.strictEqual(fs.readFileSync(f('soon'), 'utf8'), 'queued');
    done();
  });
})();

// pipe() a big file through a read stream into a write stream.
start();
(function() {
  var big = new Buffer(1024 * 1024 + 7);
  for (var i = 0; i < big.length; i++) big[i] = (i * 7) % 253;
  fs.writeFileSync(f('big'), big);
  var rs = fs.createReadStream(f('big'));
  var ws = fs.createWriteStream(f('big-copy'));
  rs.pipe(ws);
  ws.on('close', function() {
    var copy = fs.readFileSync(f('big-copy'));
    assert.strictEqual(copy.length, big.length);
    assert.ok(copy.toString('base64') === big.toString('base64'));
    assert.strictEqual(ws.bytesWritten, big.length);
    done();
  });
})();

// A path of the wrong type throws at once.
assert.throws(function() { fs.createReadStream(123); }, TypeError);
assert.throws(function() { fs.createWriteStream({}); }, TypeError);
