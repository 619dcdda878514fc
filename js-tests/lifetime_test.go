package jstests

// One lifetime for everything a script starts (issue 10 item 10): each
// connection, connect request and SecurePair releases what it registered
// for the runtime's end when it ends, so a client that makes 100,000
// connections one after another ends with the memory and goroutines it had
// after 1,000. (Each tls.connect and SecurePair used to add an exit hook
// that stayed, holding its closure and what it captured.)

import (
	"net"
	goruntime "runtime"
	"strconv"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// lifetimeJS makes connections one after another on the command
// "run:<n>": a net.connect to the Unix socket harness.mode names
// (destroyed once connected), a tls.connect to a port nobody listens on
// (ECONNREFUSED), and a server SecurePair (destroyed at once), in turn.
// It sends "done" after each run and stays alive until "stop".
const lifetimeJS = `
var net = require('net'), tls = require('tls'), crypto = require('crypto');
var fs = require('fs'), path = require('path');
var h = require('harness');
function fixture(n) { return fs.readFileSync(path.join(__dirname, 'fixtures', n)); }
var creds = crypto.createCredentials({ key: fixture('ec-key.pem'), cert: fixture('ec-cert.pem') });
var alive = setInterval(function () {}, 60000);
var refused = 0;

function one(i, next) {
  switch (i % 3) {
    case 0:
      var c = net.connect(h.mode, function () { c.destroy(); });
      c.on('close', next);
      break;
    case 1:
      var t = tls.connect(refused, '127.0.0.1');
      t.on('error', function (err) {
        if (err.code !== 'ECONNREFUSED') h.send('bug', 'tls.connect: ' + err.code);
      });
      t.on('close', next);
      break;
    case 2:
      var p = tls.createSecurePair(creds, true);
      p.destroy();
      p.cleartext.on('close', next);
      break;
  }
}

function run(n) {
  var i = 0;
  (function next() {
    if (i === n) {
      h.send('done');
      return;
    }
    one(i++, next);
  })();
}

// A port that refuses: taken and given back.
var probe = net.createServer();
probe.listen(0, '127.0.0.1', function () {
  refused = probe.address().port;
  probe.close(function () {
    h.onCommand(function (cmd) {
      if (cmd.indexOf('run:') === 0) {
        run(Number(cmd.slice(4)));
      } else if (cmd === 'stop') {
        clearInterval(alive);
      } else {
        h.send(cmd);
      }
    });
    h.send('ready');
  });
});
`

// heapAfterGC is the live heap once collected twice (a collection frees
// what finalizers and cleanups of the first let go).
func heapAfterGC() uint64 {
	var m goruntime.MemStats
	goruntime.GC()
	goruntime.GC()
	goruntime.ReadMemStats(&m)
	return m.HeapAlloc
}

func TestLifetimeManyConnections(t *testing.T) {
	total := 100000
	if testing.Short() || raceEnabled {
		total = 10000
	}
	check := leakCheck(t)
	// The plain local server: it accepts Unix socket connections and
	// closes each once its client has gone.
	sock := t.TempDir() + "/lifetime.sock"
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	accepting := make(chan struct{})
	go func() {
		defer close(accepting)
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				_, _ = c.Read(make([]byte, 1))
				_ = c.Close()
			}()
		}
	}()
	t.Cleanup(func() { _ = l.Close() })

	r := startScript(t, "lifetime.js", sock, lifetimeJS)
	t.Cleanup(func() { r.cancel(); <-r.done })
	r.waitCount("ready", 1)
	runAndSettle := func(n, runs int) (uint64, goleak.Option) {
		r.command("run:" + strconv.Itoa(n))
		r.waitCount("done", runs)
		r.sync()
		return heapAfterGC(), goleak.IgnoreCurrent()
	}
	first := 1000
	heap1, ignore := runAndSettle(first, 1)
	goroutines1 := goruntime.NumGoroutine()
	start := time.Now()
	heap2, _ := runAndSettle(total-first, 2)
	t.Logf("%d connections in %v; live heap after %d: %d KiB, after %d: %d KiB",
		total-first, time.Since(start).Round(time.Millisecond), first, heap1>>10, total, heap2>>10)
	// Goroutines: those left after the first run, and no more.
	deadline := time.Now().Add(hangGuard)
	for goleak.Find(ignore) != nil && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if err := goleak.Find(ignore); err != nil {
		t.Errorf("goroutines after %d connections beyond those after %d (%d): %v", total, first, goroutines1, err)
	}
	// Memory: what the first run left, give or take the collector's
	// noise; a few bytes kept per connection would be megabytes here.
	const slack = 1 << 20
	if heap2 > heap1+slack {
		t.Errorf("live heap grew from %d KiB after %d connections to %d KiB after %d (%.0f bytes a connection)",
			heap1>>10, first, heap2>>10, total, float64(heap2-heap1)/float64(total-first))
	}
	r.noBugEvents()
	r.command("stop")
	if code, err := r.wait(); code != 0 || err != nil {
		t.Errorf("ended with %d, %v\nstderr:\n%s", code, err, r.stderr.String())
	}
	_ = l.Close()
	<-accepting
	check()
}
