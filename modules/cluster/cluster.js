// Node's cluster module as Node 0.7.4 has it (cluster.markdown). The
// master forks workers with child_process.fork(), NODE_UNIQUE_ID in their
// environment. A worker's server.listen() asks the master for the
// listening socket (net.js calls _getServer): the master listens once per
// address (binding.listen, listen.go) and sends the socket with the
// answer, and the worker's server accepts on it, so every worker accepts
// on one socket. Master and workers talk with internal messages, objects
// whose cmd starts with NODE_CLUSTER_, which child_process emits as
// 'internalMessage'.

var assert = require('assert');
var EventEmitter = require('events').EventEmitter;
var path = require('path');
var util = require('util');

function Cluster() {
  EventEmitter.call(this);
}
util.inherits(Cluster, EventEmitter);

var cluster = module.exports = new Cluster();

// A process is a worker when NODE_UNIQUE_ID is in its environment.
cluster.isWorker = 'NODE_UNIQUE_ID' in process.env;
cluster.isMaster = !cluster.isWorker;

// cluster.worker is a worker's own Worker (set at its start-up);
// cluster.workers, in the master, the living workers by uniqueID.
cluster.worker = null;
cluster.workers = cluster.isMaster ? {} : null;

// What setupMaster() set; empty until then.
cluster.settings = {};

var PREFIX = 'NODE_CLUSTER_';

// In the master: whether setupMaster() ran, the last uniqueID given, and
// the listening sockets shared with the workers by network and address
// ({handle} once listening, {waiting: [answers]} while it binds).
var masterStarted = false;
var lastID = 0;
var shared = {};

// In a worker: the server queries waiting for the master's answer.
var queries = {};
var lastQuery = 0;

function eachWorker(fn) {
  for (var id in cluster.workers) {
    if (Object.prototype.hasOwnProperty.call(cluster.workers, id)) {
      fn(cluster.workers[id]);
    }
  }
}

// setupMaster([settings]) sets how workers are started: exec (the
// worker's script, default process.argv[1]), args (default
// process.argv.slice(2)) and silent (default false: the workers write to
// this process's stdout and stderr). As in Node 0.7.4 only the first call
// counts, fork() makes it with no settings if the script did not, and it
// emits 'setup'. From then on an uncaught exception in the master, unless
// the script listens for 'uncaughtException' itself, prints its stack,
// kills the workers and exits with 1.
cluster.setupMaster = function (settings) {
  assert.ok(cluster.isMaster, 'cluster.setupMaster() can only be called in the master');
  if (masterStarted) {
    return;
  }
  masterStarted = true;
  settings = settings || {};
  cluster.settings = {
    exec: settings.exec || process.argv[1],
    args: settings.args || process.argv.slice(2),
    silent: settings.silent || false
  };
  process.on('uncaughtException', onMasterException);
  cluster.emit('setup');
};

function onMasterException(err) {
  if (process.listeners('uncaughtException').length > 1) {
    return;
  }
  if (!(err instanceof Error)) {
    err = new Error(err);
  }
  console.error(err.stack);
  eachWorker(function (worker) {
    if (worker.process.connected) {
      worker.process.disconnect();
    }
    worker.process.kill();
  });
  process.exit(1);
}

// fork([env]) starts a worker: settings.exec with settings.args in a
// child_process.fork(), its environment this process's plus env's
// properties, plus NODE_UNIQUE_ID, the worker's uniqueID. 'fork' follows on
// the next tick.
cluster.fork = function (env) {
  assert.ok(cluster.isMaster, 'cluster.fork() can only be called in the master');
  return new Worker(env);
};

// Worker ------------------------------------------------------------------

// A Worker is, in the master, one forked worker (cluster.workers), and in
// a worker the process itself (cluster.worker). state is 'none', 'online',
// 'listening' or 'dead'; suicide is undefined until the death, then
// whether destroy() caused it. It emits 'online', 'listening' (worker,
// address), 'death', 'message' (message, handle) and, to a listener,
// 'error' from its process.
function Worker(env) {
  if (!(this instanceof Worker)) {
    return new Worker(env);
  }
  EventEmitter.call(this);
  var self = this;
  this.state = 'none';
  if (cluster.isMaster) {
    cluster.setupMaster();
    this.uniqueID = ++lastID;
    this.process = require('child_process').fork(cluster.settings.exec, cluster.settings.args, {
      env: workerEnv(this.uniqueID, env),
      silent: cluster.settings.silent
    });
    cluster.workers[this.uniqueID] = this;
    process.nextTick(function () {
      cluster.emit('fork', self);
    });
  } else {
    this.uniqueID = toDecInt(process.env.NODE_UNIQUE_ID);
    this.process = process;
  }

  this.process.on('internalMessage', function (message, handle) {
    onInternalMessage(self, message, handle);
  });
  this.process.on('message', function (message, handle) {
    self.emit('message', message, handle);
  });
  this.process.on('error', function (err) {
    // child_process emits 'error' only to a listener, so that a 0.7
    // script without one does not fail: the same goes on here.
    if (self.listeners('error').length > 0) {
      self.emit('error', err);
    }
  });
  this.process.once('exit', function () {
    self.state = 'dead';
    self.suicide = Boolean(self.suicide);
    if (cluster.isMaster) {
      delete cluster.workers[self.uniqueID];
    }
    self.emit('death', self);
    cluster.emit('death', self);
  });
}
util.inherits(Worker, EventEmitter);
cluster.Worker = Worker;

function toDecInt(value) {
  value = parseInt(value, 10);
  return isNaN(value) ? null : value;
}

// workerEnv is a worker's environment. NODE_UNIQUE_ID is set last, so
// that env cannot give a worker another's id (Node 0.7.4 let it).
function workerEnv(id, env) {
  if (env !== undefined && env !== null && typeof env !== 'object') {
    throw new TypeError('cluster.fork(env): env must be an object, not ' + typeof env);
  }
  var out = {};
  var key;
  for (key in process.env) {
    out[key] = process.env[key];
  }
  if (env) {
    var keys = Object.keys(env);
    for (var i = 0; i < keys.length; i++) {
      out[keys[i]] = env[keys[i]];
    }
  }
  out.NODE_UNIQUE_ID = String(id);
  return out;
}

// send(message, [sendHandle]) is the worker's process's send(): in the
// master to the worker, in a worker to the master.
Worker.prototype.send = function () {
  return this.process.send.apply(this.process, arguments);
};

// destroy() ends the worker for good: suicide is true at its 'death'. In
// the master the channel is closed and the worker killed (SIGTERM); in a
// worker the master is told, then the process exits with 0.
Worker.prototype.destroy = function () {
  this.suicide = true;
  if (cluster.isMaster) {
    if (this.process.connected) {
      this.process.disconnect();
    }
    this.process.kill();
    return;
  }
  if (this.process.connected) {
    // The master's answer ends the process; so does the channel's end.
    sendInternal(this, { cmd: 'suicide' });
  } else {
    process.exit(0);
  }
};

// Internal messages -------------------------------------------------------

function sendInternal(worker, message, handle) {
  if (!worker.process.connected) {
    return;
  }
  message.cmd = PREFIX + message.cmd;
  worker.process.send(message, handle);
}

function onInternalMessage(worker, message, handle) {
  if (message.cmd.indexOf(PREFIX) !== 0) {
    return;
  }
  var handlers = cluster.isMaster ? masterHandlers : workerHandlers;
  var cmd = message.cmd.slice(PREFIX.length);
  if (Object.prototype.hasOwnProperty.call(handlers, cmd)) {
    handlers[cmd](worker, message, handle);
  } else if (handle) {
    handle.close();
  }
}

// What the master does with a worker's messages.
var masterHandlers = {
  online: function (worker) {
    worker.state = 'online';
    worker.emit('online', worker);
    cluster.emit('online', worker);
  },

  // queryServer {seq, network, address}: the worker's server listens.
  // The answer is server {seq} with the listening socket, or with error.
  queryServer: function (worker, message) {
    var key = message.network + ' ' + message.address;
    var entry = shared[key];
    if (!entry) {
      entry = shared[key] = { handle: null, waiting: [] };
      binding.listen(String(message.network), String(message.address), function (err, handle) {
        var waiting = entry.waiting;
        entry.waiting = null;
        if (err) {
          delete shared[key];
        } else {
          entry.handle = handle;
        }
        for (var i = 0; i < waiting.length; i++) {
          waiting[i](err, handle);
        }
      });
    }
    var answer = function (err, handle) {
      var reply = { cmd: 'server', seq: message.seq };
      if (err) {
        reply.error = { message: err.message, code: err.code, errno: err.errno, syscall: err.syscall };
        sendInternal(worker, reply);
      } else {
        sendInternal(worker, reply, handle);
      }
    };
    if (entry.waiting) {
      entry.waiting.push(answer);
    } else {
      answer(null, entry.handle);
    }
  },

  // listening {address, port, addressType}: a server of the worker
  // listens (on the port it got: a port 0 is the one the master's socket
  // was given).
  listening: function (worker, message) {
    var address = { address: message.address, port: message.port, addressType: message.addressType };
    worker.state = 'listening';
    worker.emit('listening', worker, address);
    cluster.emit('listening', worker, address);
  },

  suicide: function (worker) {
    worker.suicide = true;
    sendInternal(worker, { cmd: 'suicideAck' });
  }
};

// What a worker does with its master's messages.
var workerHandlers = {
  server: function (worker, message, handle) {
    var done = queries[message.seq];
    delete queries[message.seq];
    if (done) {
      done(message.error, handle);
    } else if (handle) {
      handle.close();
    }
  },

  suicideAck: function () {
    process.exit(0);
  }
};

// In a worker --------------------------------------------------------------

// _setupWorker runs at a worker's start-up (child_process._forkChild):
// cluster.worker, the 'online' message, and the end of the process when
// the channel to the master ends, so that a worker whose master died does
// not go on serving alone.
cluster._setupWorker = function () {
  var worker = cluster.worker = new Worker();
  worker.state = 'online';
  process.once('disconnect', function () {
    process.exit(0);
  });
  sendInternal(worker, { cmd: 'online' });
};

// _getServer(server, network, address) is server.listen() in a worker
// (net.js): it asks the master for the listening socket, and the server
// listens on it (or emits 'error' with the master's listen error). It
// returns false when the process has no master to ask, and the server
// listens on its own.
cluster._getServer = function (server, network, address) {
  if (!cluster.worker || !process.connected) {
    return false;
  }
  if (network === 'unix') {
    // The master may run in another directory.
    address = path.resolve(address);
  }
  var seq = ++lastQuery;
  queries[seq] = function (error, handle) {
    if (error) {
      var err = new Error(error.message);
      err.code = error.code;
      err.errno = error.errno;
      err.syscall = error.syscall;
      server.emit('error', err);
      return;
    }
    if (!handle) {
      server.emit('error', new Error('listen: the master\'s listening socket did not arrive'));
      return;
    }
    if (server._handle) {
      // The server listened otherwise meanwhile.
      handle.close();
      return;
    }
    server.once('listening', function () {
      notifyListening(server);
    });
    server._listenHandle(handle);
  };
  sendInternal(cluster.worker, { cmd: 'queryServer', seq: seq, network: network, address: address });
  return true;
};

function notifyListening(server) {
  var addr = server.address();
  if (!addr) {
    return;
  }
  var message = { cmd: 'listening', address: addr, port: -1, addressType: -1 };
  if (typeof addr !== 'string') {
    message.address = addr.address;
    message.port = addr.port;
    message.addressType = addr.family === 'IPv6' ? 6 : 4;
  }
  cluster.worker.state = 'listening';
  sendInternal(cluster.worker, message);
}
