// A socket piped into a socket keeps pipe()'s listeners unmade until
// someone looks at them (stream.js, events.js): a connection of an echo
// server then costs no functions and no listener-list changes. A script
// must not be able to tell. Each case below runs twice on real sockets:
// once with the pipe lazy, once with it made at once (setMaxListeners(10),
// which does not change the limit, turns laziness off), and both runs must
// record the same story: the listeners, their names and order, the order
// of events and of the pipe's own actions, what is echoed.
var assert = require('assert');
var net = require('net');

// names lists the names of the listeners for each event.
function names(emitter) {
  var out = {};
  ['data', 'drain', 'end', 'close', 'error'].forEach(function (type) {
    out[type] = emitter.listeners(type).map(function (f) { return f.name || '?'; }).join(',');
  });
  return JSON.stringify(out);
}

// Each case gets the server's socket s (piped into itself, or into d when
// the case has two), the story to add to, and done(); the client c sends
// "ping" and ends unless the case ends it otherwise.
var cases = {
  'listeners after pipe': function (s, log, done) {
    s.pipe(s);
    log('after pipe: ' + names(s));
    s.on('end', function () { log('end after pipe; writable ' + s.writable); });
    s.on('close', function () { log('close: ' + names(s)); done(); });
  },
  'listener before pipe, end listener after': function (s, log, done) {
    s.on('end', function () { log('end before pipe; writable ' + s.writable); });
    var end = s.end;
    s.end = function () { log('pipe ends dest'); return end.apply(this, arguments); };
    s.pipe(s);
    s.on('end', function () { log('end after pipe; writable ' + s.writable); });
    s.on('close', function () { log('close: ' + names(s)); done(); });
  },
  'listeners before pipe only': function (s, log, done) {
    // Nothing is added after pipe(), so its listeners stay lazy to the end.
    s.on('end', function () { log('end before pipe; writable ' + s.writable); });
    s.on('close', function () { log('close before pipe'); });
    function other() { log('never called'); }
    s.on('error', other);
    var end = s.end;
    s.end = function () { log('pipe ends dest'); return end.apply(this, arguments); };
    s.pipe(s);
    s.removeListener('error', other);
    closed(s, done);
  },
  'emit watched by a replaced emit': function (s, log, done) {
    s.pipe(s);
    var emit = s.emit;
    s.emit = function (type) {
      if (type !== 'data') log('emit ' + type + ' with ' + names(this).length + ' chars of names');
      return emit.apply(this, arguments);
    };
    s.on('close', function () { done(); });
  },
  'removeAllListeners data': function (s, log, done) {
    s.pipe(s);
    s.removeAllListeners('data');
    log('after removeAllListeners: ' + names(s));
    s.on('data', function (d) { log('data ' + d); });
    s.on('end', function () { log('end; writable ' + s.writable); });
    s.on('close', function () { done(); });
  },
  'removeAllListeners': function (s, log, done) {
    s.pipe(s);
    s.removeAllListeners();
    log('after removeAllListeners(): ' + names(s));
    s.on('data', function (d) { log('data ' + d); s.end(); });
    s.on('close', function () { done(); });
  },
  'error through the pipe': function (s, log, done) {
    s.on('error', function (e) { log('own error listener: ' + e.message); });
    s.pipe(s);
    s.emit('error', new Error('boom'));
    log('after error: ' + names(s));
    s.on('close', function () { done(); });
  },
  'error with pipe the only listener': function (s, log, done) {
    s.pipe(s);
    try {
      s.emit('error', new Error('boom'));
      log('not thrown');
    } catch (e) {
      log('thrown: ' + e.message + '; ' + names(s));
    }
    s.on('close', function () { done(); });
  },
  'once end after pipe': function (s, log, done) {
    s.pipe(s);
    s.once('end', function () { log('once end; ' + names(s)); });
    s.on('close', function () { done(); });
  },
  'second pipe into another socket': function (s, log, done, d) {
    s.pipe(s);
    s.pipe(d);
    log('source: ' + names(s));
    log('dest: ' + names(d));
    // Which closes first is the network's timing (s closes once its own
    // end is sent, d once its peer has answered its end), not the pipe's.
    var closed = 0;
    function both() {
      if (++closed === 2) {
        log('source and dest closed');
        done();
      }
    }
    d.on('close', both);
    s.on('close', both);
  },
  'pipe into another socket, drain and end': function (s, log, done, d) {
    s.pipe(d);
    log('source: ' + names(s));
    log('dest: ' + names(d));
    d.on('close', function () { log('dest closed; ' + names(d)); done(); });
  },
  'no end option': function (s, log, done) {
    s.pipe(s, { end: false });
    log('after pipe: ' + names(s));
    s.on('end', function () { log('end; writable ' + s.writable); s.end(); });
    s.on('close', function () { done(); });
  }
};

// closed(s, done): done once s has emitted 'close', found without a
// listener (which would make a lazy pipe's listeners).
function closed(s, done) {
  var destroy = s._destroy;
  s._destroy = function () {
    if (!this.destroyed) {
      setTimeout(done, 0); // after the tick that emits 'close'
    }
    return destroy.apply(this, arguments);
  };
}

// run(name, lazy, cb) runs a case and calls cb(story).
function run(name, lazy, cb) {
  var lazyPipes = 0;
  var story = [];
  var echoed = [];
  function log(line) { story.push(line); }
  var server = net.createServer();
  var accepted = [];
  var clients = [];
  var two = cases[name].length >= 4;
  server.on('connection', function (s) {
    if (lazy) {
      var pipe = s.pipe;
      s.pipe = function () {
        var dest = pipe.apply(this, arguments);
        if (this._lazyListeners !== null) lazyPipes++;
        return dest;
      };
    } else {
      s.setMaxListeners(10);
    }
    accepted.push(s);
    if (accepted.length < (two ? 2 : 1)) {
      connect(); // the second client connects once the first is accepted: the order is known
      return;
    }
    var d = accepted[1];
    cases[name](accepted[0], log, function () {
      accepted.forEach(function (s) { s.destroy(); });
      server.close();
      // What the clients got, once they are closed too.
      var open = clients.length;
      clients.forEach(function (c) {
        if (c.destroyed) {
          open--;
        } else {
          c.on('close', function () { if (--open === 0) finish(); });
        }
      });
      if (open === 0) finish();
    }, d);
    var c = clients[0];
    c.write('ping');
    c.end();
  });
  function finish() {
    story.push('echoed ' + JSON.stringify(echoed));
    // The lazy run must have had a lazy pipe, or it proves nothing.
    assert.ok(!lazy || lazyPipes > 0, name + ': no pipe was lazy');
    cb(story);
  }
  function connect() {
    var c = net.connect(server.address().port, '127.0.0.1');
    c.setEncoding('utf8');
    var got = '';
    c.on('data', function (d) { got += d; });
    c.on('close', function () { echoed[clients.indexOf(c)] = got; });
    c.on('error', function () {});
    clients.push(c);
  }
  server.listen(0, '127.0.0.1', connect);
}

var names_ = Object.keys(cases);
(function next(i) {
  if (i === names_.length) {
    console.log('ok');
    return;
  }
  var name = names_[i];
  run(name, true, function (lazyStory) {
    run(name, false, function (eagerStory) {
      assert.deepEqual(lazyStory, eagerStory, name + ':\nlazy:  ' + JSON.stringify(lazyStory, null, 1) +
                       '\neager: ' + JSON.stringify(eagerStory, null, 1));
      next(i + 1);
    });
  });
})(0);
