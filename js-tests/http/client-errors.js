// A client's errors, as Node 0.7 reported them: a server that closes
// without answering gives 'socket hang up' (ECONNRESET); one that answers
// junk gives 'Parse Error' with http_parser's code; a refused connection
// gives ECONNREFUSED, a name that does not resolve getaddrinfo's error;
// abort() before the response ends the request without a response. Each
// request emits 'error' once.
var http = require('http');
var net = require('net');
var assert = require('assert');
var common = require('./_common');

var replies = {
  '/close': function (c) { c.destroy(); },
  '/junk': function (c) { c.end('SSH-2.0-OpenSSH\r\n\r\n'); },
  '/status': function (c) { c.end('HTTP/1.1 2x0 OK\r\n\r\n'); },
  '/chunk': function (c) {
    c.end('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n');
  },
  '/cut': function (c) { c.end('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc'); }
};

var server = net.createServer(function (c) {
  var got = '';
  c.on('data', function (d) {
    got += d;
    var m = /^GET (\S+)/.exec(got);
    if (m && got.indexOf('\r\n\r\n') !== -1) {
      replies[m[1]](c);
    }
  });
});

function expectError(port, path, check, next) {
  var req = http.get({ host: '127.0.0.1', port: port, path: path, agent: false }, function () {
    assert.fail('a response to ' + path);
  });
  req.on('error', common.mustCall(function (err) {
    check(err);
    setTimeout(next, 10); // a second 'error' would come meanwhile
  }));
}

server.listen(0, '127.0.0.1', common.mustCall(function () {
  var port = server.address().port;
  var steps = [
    function (next) {
      expectError(port, '/close', function (err) {
        assert.strictEqual(err.message, 'socket hang up');
        assert.strictEqual(err.code, 'ECONNRESET');
      }, next);
    },
    function (next) {
      expectError(port, '/junk', function (err) {
        assert(/^Parse Error/.test(err.message), err.message);
        assert.strictEqual(err.code, 'HPE_INVALID_CONSTANT');
      }, next);
    },
    function (next) {
      expectError(port, '/status', function (err) {
        assert(/^Parse Error/.test(err.message), err.message);
        assert.strictEqual(err.code, 'HPE_INVALID_STATUS');
      }, next);
    },
    function (next) {
      // A bad chunk size after the head: the response has begun.
      var req = http.get({ host: '127.0.0.1', port: port, path: '/chunk', agent: false },
                         common.mustCall(function (res) {
        res.on('data', function () { assert.fail('data'); });
        res.on('aborted', common.mustCall(function () {}));
        if (common.is07) {
          res.on('end', common.mustCall(function () {})); // today's node: no 'end'
        }
        res.on('close', common.mustCall(next));
      }));
      req.on('error', common.mustCall(function (err) {
        assert.strictEqual(err.code, 'HPE_INVALID_CHUNK_SIZE');
      }));
    },
    function (next) {
      // A body shorter than its length: the response ends, aborted.
      http.get({ host: '127.0.0.1', port: port, path: '/cut', agent: false },
               common.mustCall(function (res) {
        var body = '';
        res.on('data', function (d) { body += d; });
        res.on('aborted', common.mustCall(function () {}));
        res.on('error', function () {}); // today's node adds an 'error'
        if (common.is07) {
          res.on('end', common.mustCall(function () {})); // today's node: no 'end'
        }
        res.on('close', common.mustCall(function () {
          assert.strictEqual(body, 'abc');
          next();
        }));
      }));
    },
    function (next) {
      var req = http.get({ host: '127.0.0.1', port: port, path: '/close', agent: false },
                         function () { assert.fail('a response after abort'); });
      req.on('error', function () {}); // today's node reports the abort; 0.7 did not
      req.on('close', common.mustCall(next));
      req.abort();
    },
    function (next) {
      var probe = net.createServer();
      probe.listen(0, '127.0.0.1', function () {
        var closed = probe.address().port;
        probe.close(function () {
          expectError(closed, '/', function (err) {
            assert.strictEqual(err.code, 'ECONNREFUSED');
          }, next);
        });
      });
    },
    function (next) {
      // A host name that does not resolve: getaddrinfo's error (ENOTFOUND,
      // or EAI_AGAIN where no resolver answers at all).
      var req = http.get({ host: 'no-such-host.invalid', port: 80, path: '/', agent: false }, function () {
        assert.fail('a response from nowhere');
      });
      req.on('error', common.mustCall(function (err) {
        assert(err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN', err.code);
        assert.strictEqual(err.syscall, 'getaddrinfo');
        next();
      }));
    }
  ];
  common.series(steps, function () {
    server.close();
  });
}));
