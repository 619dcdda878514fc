// The documented http API, member by member, under node and gojatls where
// Node 0.7.4 and today's Node agree: a server made without a listener,
// listen(path) with a client's socketPath, the 'connection' and 'close'
// events, request.url/httpVersionMajor/Minor/connection/setEncoding, the
// response's statusCode, setHeader (an array value: one line each),
// getHeader, removeHeader, writeHead with headers as [name, value] pairs,
// write and end with encodings; the client's hostname (preferred to host),
// auth (an Authorization header wins over it), setHeader/getHeader/
// removeHeader on a request, setTimeout with its callback, setNoDelay and
// setSocketKeepAlive (each reaches the socket once it connects),
// response.pause()/resume()/setEncoding(), the classes' instanceof relations, and a URL
// string in place of the options (Node 0.8's addition).
var http = require('http');
var net = require('net');
var fs = require('fs');

function log() {
  console.log(Array.prototype.slice.call(arguments).join(' '));
}

var server = http.createServer();
log('server is http.Server', server instanceof http.Server, server instanceof net.Server);
server.on('connection', function (socket) {
  log('connection is net.Socket', socket instanceof net.Socket);
});
server.on('close', function () {
  log('server close');
  process.exit(0); // today's node's global agent may keep a socket
});

server.on('request', function (req, res) {
  log('request', req.method, req.url, req.httpVersionMajor, req.httpVersionMinor,
      req.connection === req.socket, req instanceof http.IncomingMessage, res instanceof http.ServerResponse);
  log('  host', req.headers.host.replace(/:\d+$/, ':PORT'), 'authorization', req.headers.authorization,
      'x-keep', req.headers['x-keep'], 'x-set', req.headers['x-set'], 'x-drop', req.headers['x-drop']);
  var body = '';
  req.setEncoding('utf8');
  req.on('data', function (d) { body += d; });
  req.on('end', function () {
    if (body) {
      log('  body', JSON.stringify(body), body.length);
    }
    switch (req.url) {
      case '/response':
        res.statusCode = 404;
        res.setHeader('Content-Type', 'text/html');
        res.setHeader('Set-Cookie', ['type=ninja', 'language=javascript']);
        res.setHeader('X-Remove', 'x');
        res.setHeader('x-replaced', 'first');
        res.setHeader('X-Replaced', 'second');
        log('  getHeader', res.getHeader('content-type'), res.getHeader('CONTENT-TYPE'), res.getHeader('x-replaced'));
        res.removeHeader('X-Remove');
        log('  after removeHeader', res.getHeader('x-remove'));
        res.write('68656c6c6f', 'hex');
        res.write('IHdvcmxk', 'base64');
        log('  statusCode sent', res.statusCode);
        res.end('e282ac', 'hex');
        break;
      case '/pairs':
        res.writeHead(201, [['X-A', '1'], ['X-A', '2'], ['Content-Length', '2']]);
        res.end('ok');
        break;
      case '/slow':
        break; // no answer: the client's timeout
      case '/big':
        var chunk = new Buffer(16 * 1024);
        chunk.fill(98);
        for (var i = 0; i < 16; i++) {
          res.write(chunk);
        }
        res.end();
        break;
      default:
        res.end('ok ' + req.url);
    }
  });
});

// fetch: a request (options or a URL string); prints the response.
function fetch(options, body, next, setup) {
  var req = http.request(options, function (res) {
    log('response', res.statusCode, res.httpVersion, res instanceof http.IncomingMessage);
    log('  content-type', res.headers['content-type'], 'set-cookie', JSON.stringify(res.headers['set-cookie']),
        'x-remove', res.headers['x-remove'], 'x-replaced', res.headers['x-replaced'], 'x-a', res.headers['x-a']);
    var got = '';
    res.setEncoding('utf8');
    res.on('data', function (d) { got += d; });
    res.on('end', function () {
      log('  body', JSON.stringify(got));
      next();
    });
  });
  log('request is ClientRequest', req instanceof http.ClientRequest);
  if (setup) {
    setup(req);
  }
  if (body) {
    body.forEach(function (b) { req.write(b); });
  }
  req.end();
  return req;
}

var sockPath = 'http-api-' + process.pid + '.sock';
server.listen(0, '127.0.0.1', function () {
  var port = server.address().port;
  var base = 'http://127.0.0.1:' + port;
  var steps = [
    function (next) {
      // hostname is preferred over host; auth makes the Authorization.
      fetch({ host: 'no-such-host.invalid', hostname: '127.0.0.1', port: port, path: '/auth',
              auth: 'user:pass', agent: false }, null, next);
    },
    function (next) {
      fetch({ hostname: '127.0.0.1', port: port, path: '/auth-header', auth: 'user:pass',
              headers: { Authorization: 'Bearer token' }, agent: false }, null, next);
    },
    function (next) {
      fetch({ host: '127.0.0.1', port: port, path: '/response', agent: false }, null, next);
    },
    function (next) {
      fetch({ host: '127.0.0.1', port: port, path: '/pairs', agent: false }, null, next);
    },
    function (next) {
      // A character split across two writes reaches setEncoding('utf8') whole.
      fetch({ host: '127.0.0.1', port: port, path: '/utf8', method: 'POST', agent: false,
              headers: { 'Content-Length': 4 } },
            [new Buffer([0x61, 0xe2]), new Buffer([0x82, 0xac])], next);
    },
    function (next) {
      fetch({ host: '127.0.0.1', port: port, path: '/headers', method: 'PUT', agent: false,
              headers: { 'X-Keep': 'kept', 'X-Drop': 'dropped' } }, ['x'], next, function (req) {
        req.setHeader('X-Set', 'set');
        log('request getHeader', req.getHeader('x-keep'), req.getHeader('X-SET'));
        req.removeHeader('X-Drop');
        log('request after removeHeader', req.getHeader('x-drop'));
      });
    },
    function (next) {
      // setNoDelay, setSocketKeepAlive and setTimeout reach the socket once
      // it is connected; the timeout's callback runs when it is idle.
      var req = http.request({ host: '127.0.0.1', port: port, path: '/slow', agent: false });
      var calls = {};
      req.on('socket', function (socket) {
        ['setNoDelay', 'setKeepAlive', 'setTimeout'].forEach(function (name) {
          var orig = socket[name];
          socket[name] = function (a, b) {
            if (!calls[name]) {
              // (0.7 passed the callback on to the socket, today's node
              // keeps it on the request; 0.7 called these as soon as the
              // socket was writable, today's node setTimeout on 'connect'.)
              calls[name] = 'socket.' + name + ' ' + a + (typeof b === 'number' ? ' ' + b : '');
            }
            return orig.apply(this, arguments);
          };
        });
      });
      req.on('error', function () {}); // today's node reports the abort
      req.setNoDelay(true);
      req.setSocketKeepAlive(true, 1000);
      req.setTimeout(50, function () {
        log('request timed out');
        Object.keys(calls).sort().forEach(function (k) { log(calls[k]); });
        req.abort();
        next();
      });
      req.end();
    },
    function (next) {
      // A paused response emits nothing until it is resumed.
      http.get({ host: '127.0.0.1', port: port, path: '/big', agent: false }, function (res) {
        var paused = false, n = 0, pauses = 0;
        res.on('data', function (d) {
          if (paused) {
            log('data while paused');
          }
          n += d.length;
          if (pauses === 0) {
            pauses++;
            paused = true;
            res.pause();
            setTimeout(function () {
              paused = false;
              res.resume();
            }, 20);
          }
        });
        res.on('end', function () {
          log('big', n, 'pauses', pauses);
          next();
        });
      });
    },
    function (next) {
      // The response's setEncoding with another of the documented encodings.
      http.get({ host: '127.0.0.1', port: port, path: '/base64', agent: false }, function (res) {
        res.setEncoding('base64');
        var got = '';
        res.on('data', function (d) { got += d; });
        res.on('end', function () {
          log('base64', typeof got, got);
          next();
        });
      });
    },
    function (next) {
      // A URL string for http.get and http.request.
      http.get(base + '/string-get?q=1', function (res) {
        log('string get', res.statusCode);
        res.on('data', function (d) { log('  body', d.toString()); });
        res.on('end', function () {
          var req = http.request('http://user:pw@127.0.0.1:' + port + '/string-request', function (res) {
            res.on('data', function (d) { log('  body', d.toString()); });
            res.on('end', next);
          });
          req.end();
        });
      });
    },
    function (next) {
      // A server on a Unix socket (listen(path, callback)), and a client's
      // socketPath.
      var unix = http.createServer(function (req, res) {
        log('unix request', req.url, req.headers.host);
        res.end('over unix');
      });
      unix.listen(sockPath, function () {
        http.get({ socketPath: sockPath, path: '/unix' }, function (res) {
          res.on('data', function (d) { log('  body', d.toString()); });
          res.on('end', function () {
            unix.close();
            unix.on('close', function () {
              log('unix close');
              try { fs.unlinkSync(sockPath); } catch (e) {}
              next();
            });
          });
        });
      });
    }
  ];
  (function run() {
    var step = steps.shift();
    if (step) {
      step(run);
    } else {
      server.close();
    }
  })();
});
