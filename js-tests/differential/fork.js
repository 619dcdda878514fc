// child_process.fork(): messages both ways, in order (many in one tick),
// unicode, a large message, and the three ways a channel ends: the child
// disconnects, the parent disconnects, the child exits ('disconnect' comes
// before 'exit' in each). The child's output is collected through
// silent: true and printed by the parent, so that the order of the output
// does not depend on the two processes' timing.
var cp = require('child_process');

var watchdog = setTimeout(function () {
  console.log('stalled');
  process.exit(3);
}, 60000);
watchdog.unref();

var scenarios = [childDisconnects, parentDisconnects, childExits];
function next() {
  var s = scenarios.shift();
  if (s) {
    s();
  }
}

function start(name) {
  var child = cp.fork(__dirname + '/_fork-child.js', [name, 'x y'], { silent: true });
  var out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', function (d) { out += d; });
  child.on('message', function (m) {
    console.log(name + ' message ' + JSON.stringify(m));
  });
  child.on('disconnect', function () {
    console.log(name + ' disconnect ' + child.connected);
  });
  // Today's node may emit 'exit' before the output has all been read (and
  // no 'close' after the parent disconnected): both are waited for.
  var waiting = 2;
  function done() {
    if (--waiting === 0) {
      console.log(name + ' child output: ' + JSON.stringify(out));
      next();
    }
  }
  child.stdout.on('end', done);
  child.on('exit', function (code, signal) {
    console.log(name + ' exit ' + code + ' ' + signal);
    done();
  });
  return child;
}

function childDisconnects() {
  var child = start('a');
  for (var i = 0; i < 50; i++) {
    child.send({ op: 'echo', value: i });
  }
  child.send({ op: 'echo', value: 'héllo – 日本 \ud83d\ude00 "q" \\ \n' });
  child.send({ op: 'print', text: 'ünïcode' });
  child.send({ op: 'disconnect' });
}

function parentDisconnects() {
  var child = start('b');
  var big = new Array(1024 * 1024 + 1).join('z');
  child.send({ op: 'size', value: big });
  child.on('message', function (m) {
    if (m.op === 'size') {
      child.disconnect();
    }
  });
}

function childExits() {
  var child = start('c');
  child.send({ op: 'exit', code: 4 });
}

next();
