// An http server and client in one script, under node and gojatls: what
// each side sees (methods, URLs, header names in arrival order with the
// rules for repeated names, bodies in both framings, trailers, statuses,
// HEAD and 204 without bodies, keep-alive over one connection, pause and
// resume in the middle of a body) must be the same.
var http = require('http');

var connections = 0;
var server = http.createServer(function (req, res) {
  var chunks = [];
  console.log('server', req.method, req.url, req.httpVersion,
              JSON.stringify(Object.keys(req.headers).filter(function (k) { return /^x-/.test(k) || k === 'cookie'; })),
              JSON.stringify([req.headers['x-list'], req.headers.cookie, req.headers['x-one']]));
  if (req.url === '/pause') {
    req.pause();
    setTimeout(function () { console.log('server resumes'); req.resume(); }, 20);
  }
  req.on('data', function (d) { chunks.push(d); });
  req.on('end', function () {
    var body = Buffer.concat(chunks).toString();
    console.log('server end', req.url, JSON.stringify(body), JSON.stringify(req.trailers));
    if (req.url === '/none') {
      res.writeHead(204, { 'X-Why': 'nothing' });
      res.end();
      return;
    }
    res.setHeader('Set-Cookie', ['a=1', 'b=2']);
    res.setHeader('X-Echo', body.length);
    if (req.url === '/trailers') {
      res.writeHead(200, { 'Transfer-Encoding': 'chunked', Trailer: 'X-Sum' });
      res.write('part1,');
      res.addTrailers({ 'X-Sum': '42' });
      res.end('part2');
      return;
    }
    res.writeHead(201, 'Made It', { 'Content-Length': Buffer.byteLength(body) + 5 });
    res.end(req.method === 'HEAD' ? undefined : 'echo:' + body);
  });
});
server.on('connection', function () { connections++; });

var agent = new http.Agent({ maxSockets: 1 });
function request(options, body, next) {
  options.host = '127.0.0.1';
  options.port = server.address().port;
  options.agent = agent;
  var req = http.request(options, function (res) {
    var got = '';
    res.setEncoding('utf8');
    res.on('data', function (d) { got += d; });
    res.on('end', function () {
      console.log('client', options.method || 'GET', options.path, res.statusCode, res.httpVersion,
                  JSON.stringify(res.headers['set-cookie']), res.headers['x-echo'], res.headers['x-why'],
                  JSON.stringify(got), JSON.stringify(res.trailers));
      next();
    });
  });
  if (body !== null) {
    req.write(body.slice(0, 3));
    req.end(body.slice(3));
  } else {
    req.end();
  }
}

server.listen(0, '127.0.0.1', function () {
  var steps = [
    function (next) {
      request({ path: '/get', headers: { 'X-List': ['a', 'b'], 'x-one': '1', Cookie: 'c=1' } }, null, next);
    },
    function (next) {
      request({ method: 'POST', path: '/post', headers: { 'Content-Length': 11 } }, 'hello world', next);
    },
    function (next) {
      request({ method: 'PUT', path: '/chunked' }, 'chunked body', next);
    },
    function (next) { request({ method: 'POST', path: '/pause' }, 'slow body', next); },
    function (next) { request({ path: '/trailers' }, null, next); },
    function (next) { request({ method: 'HEAD', path: '/head' }, null, next); },
    function (next) { request({ path: '/none' }, null, next); }
  ];
  (function run() {
    var step = steps.shift();
    if (step) {
      step(run);
      return;
    }
    console.log('connections', connections);
    server.close();
    process.exit(0); // today's node's agent may keep the socket
  })();
});
