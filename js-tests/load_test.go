//go:build unix

package jstests

// Load: thousands of concurrent TLS connections on one gojatls server, and
// many goroutines posting to the loop while JS runs.

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

// raiseFileLimit lifts RLIMIT_NOFILE to want (or the hard limit) and
// returns the soft limit in effect.
func raiseFileLimit(t testing.TB, want uint64) uint64 {
	t.Helper()
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		t.Fatal(err)
	}
	if lim.Cur < want {
		lim.Cur = min(want, lim.Max)
		if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
			t.Fatal(err)
		}
	}
	return lim.Cur
}

// loadConnections is how many connections TestLoadConcurrentConnections
// holds: 2,000, or 500 with -short.
func loadConnections() int {
	if testing.Short() {
		return 500
	}
	return 2000
}

// All connections open at once, each echoing twice: once on arrival and
// once when all are open; server.connections counts them all.
func TestLoadConcurrentConnections(t *testing.T) {
	n := loadConnections()
	if limit := raiseFileLimit(t, uint64(2*n+1000)); limit < uint64(2*n+200) {
		t.Skipf("RLIMIT_NOFILE is %d: too low for %d connections in one process", limit, n)
	}
	check := leakCheck(t)
	r, port := startEcho(t, faultMode{EC: true})
	start := time.Now()

	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		failures []string
	)
	fail := func(i int, err error) {
		mu.Lock()
		failures = append(failures, fmt.Sprintf("client %d: %v", i, err))
		mu.Unlock()
	}
	dialing := make(chan struct{}, 64) // handshakes in flight at once
	allOpen := make(chan struct{})
	var opened sync.WaitGroup
	opened.Add(n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			dialing <- struct{}{}
			c, err := dialTLS(port, insecure())
			<-dialing
			if err != nil {
				opened.Done()
				fail(i, err)
				return
			}
			defer c.Close()
			first := fmt.Sprintf("hello from %d", i)
			err = echoErr(c, first)
			opened.Done()
			if err != nil {
				fail(i, err)
				return
			}
			<-allOpen
			second := strings.Repeat(fmt.Sprintf("[%d]", i), 1000)
			if err := echoErr(c, second); err != nil {
				fail(i, err)
			}
		}(i)
	}
	opened.Wait()
	if len(failures) > 0 {
		close(allOpen)
		wg.Wait()
		t.Fatalf("%d of %d clients failed: %s", len(failures), n, strings.Join(failures[:min(5, len(failures))], "; "))
	}
	r.command("stats")
	var stats struct{ Connections, Open int }
	mustUnmarshal(t, r.waitCount("stats", 1)[0], &stats)
	if stats.Connections != n || stats.Open != n {
		t.Errorf("with %d clients open: server.connections %d, %d sockets open", n, stats.Connections, stats.Open)
	}
	t.Logf("%d connections open after %v", n, time.Since(start))
	close(allOpen)
	wg.Wait()
	if len(failures) > 0 {
		t.Fatalf("%d of %d clients failed: %s", len(failures), n, strings.Join(failures[:min(5, len(failures))], "; "))
	}
	r.waitCount("close", n)
	r.command("stats")
	mustUnmarshal(t, r.waitCount("stats", 2)[1], &stats)
	if stats.Connections != 0 || stats.Open != 0 {
		t.Errorf("after every client left: server.connections %d, %d sockets open", stats.Connections, stats.Open)
	}
	mustEcho(t, r, port)
	r.noBugEvents()
	r.stop()
	check()
	t.Logf("done after %v", time.Since(start))
}

// echoErr writes msg and reads it back, within hangGuard from now (a
// connection's deadline runs from each echo, not from its dial: under load
// the first echo of 2,000 connections and the second may be far apart).
func echoErr(c io.ReadWriter, msg string) error {
	if dl, ok := c.(interface{ SetDeadline(time.Time) error }); ok {
		_ = dl.SetDeadline(time.Now().Add(hangGuard))
	}
	if _, err := c.Write([]byte(msg)); err != nil {
		return err
	}
	got := make([]byte, len(msg))
	if _, err := io.ReadFull(c, got); err != nil {
		return err
	}
	if string(got) != msg {
		return fmt.Errorf("echo %.40q..., want %.40q...", got, msg)
	}
	return nil
}

// floodModule's start(cb) has many goroutines post calls of cb(g, i) to the
// loop, each goroutine's in order, while JS keeps busy with timers, ticks
// and a TLS echo; done() ends the flood's hold on the loop.
func floodModule(goroutines, each int) *jsbridge.Module {
	return &jsbridge.Module{Name: "flood", Native: func(e *jsbridge.Env, b *goja.Object) {
		e.SetFuncs(b, map[string]func(goja.FunctionCall) goja.Value{
			"start": func(call goja.FunctionCall) goja.Value {
				cb := call.Argument(0)
				h := e.NewHandle()
				var wg sync.WaitGroup
				for g := 0; g < goroutines; g++ {
					wg.Add(1)
					go func(g int) {
						defer wg.Done()
						for i := 0; i < each; i++ {
							payload := []byte(fmt.Sprintf("%d:%d", g, i))
							e.Post(func() {
								e.Call(cb, goja.Undefined(), e.VM.ToValue(g), e.VM.ToValue(i), e.NewBuffer(payload))
							})
							if i%100 == 0 {
								// Some posts come from goroutines that Env.Go runs.
								e.Post(func() {
									e.Go(func() func() { return func() {} })
								})
							}
						}
					}(g)
				}
				go func() {
					wg.Wait()
					e.Post(h.Close)
				}()
				return goja.Undefined()
			},
		})
	}}
}

// floodJS takes every posted call in per-goroutine order while timers,
// nextTick and (with mode.tls) TLS echoes run between them; it sends
// 'flowing' at the first call.
const floodJS = `
var tls = require('tls');
var fs = require('fs');
var path = require('path');
var h = require('harness');
var flood = require('flood');
var opts = JSON.parse(h.mode);

function fixture(name) {
  return fs.readFileSync(path.join(__dirname, 'fixtures', name));
}
var next = [];
var total = 0, ticks = 0, timers = 0, echoes = 0;
flood.start(function (g, i, buf) {
  if ((next[g] || 0) !== i) {
    h.send('bug', 'out of order: ' + g + ' ' + i);
  }
  if (buf.toString() !== g + ':' + i) {
    h.send('bug', 'payload ' + buf.toString() + ' for ' + g + ':' + i);
  }
  next[g] = i + 1;
  total++;
  if (total === 1) {
    h.send('flowing');
  }
  if (total % 97 === 0) {
    process.nextTick(function () { ticks++; });
  }
  if (total % 499 === 0) {
    setTimeout(function () { timers++; }, 0);
  }
});

if (opts.tls) {
  var server = tls.createServer({ key: fixture('server-key.pem'), cert: fixture('server-cert.pem') }, function (s) {
    s.pipe(s);
  });
  server.listen(0, '127.0.0.1', function () {
    var port = server.address().port;
    (function again() {
      var c = tls.connect(port, '127.0.0.1', { rejectUnauthorized: false });
      c.on('data', function (d) {
        echoes++;
        c.end();
      });
      c.on('close', function () {
        if (total < opts.goroutines * opts.each && echoes < 200) {
          again();
        } else {
          server.close();
        }
      });
      c.write('ping');
    })();
  });
}

process.on('exit', function () {
  h.send('result', JSON.stringify({ total: total, ticks: ticks, timers: timers, echoes: echoes }));
});
`

// Many goroutines post to the loop while JS runs timers, ticks and TLS:
// every post arrives once, in order per goroutine, and the run ends by
// itself once they are done (run it with -race).
func TestLoadPostStress(t *testing.T) {
	goroutines, each := 64, 2000
	if testing.Short() || raceEnabled {
		each = 500
	}
	check := leakCheck(t)
	mode, _ := json.Marshal(map[string]any{"goroutines": goroutines, "each": each, "tls": true})
	r := startScript(t, "flood.js", string(mode), floodJS, floodModule(goroutines, each))
	t.Cleanup(func() { r.cancel(); <-r.done })
	code, err := r.wait()
	if err != nil || code != 0 {
		t.Fatalf("code %d, err %v\nstderr:\n%s", code, err, r.stderr.String())
	}
	var res struct{ Total, Ticks, Timers, Echoes int }
	mustUnmarshal(t, r.waitCount("result", 1)[0], &res)
	if res.Total != goroutines*each {
		t.Errorf("%d calls arrived of %d", res.Total, goroutines*each)
	}
	if res.Ticks != res.Total/97 || res.Timers != res.Total/499 || res.Echoes == 0 {
		t.Errorf("JS work between the posts: %+v", res)
	}
	r.noBugEvents()
	check()
}

// Cancelling the run while goroutines still post: the runtime returns,
// later posts are dropped without blocking, nothing is left behind. (No
// TLS here: TestFaultCancelUnderLoad cancels during connections.)
func TestLoadCancelDuringPosts(t *testing.T) {
	check := leakCheck(t)
	mode, _ := json.Marshal(map[string]int{"goroutines": 16, "each": 1000000})
	r := startScript(t, "flood.js", string(mode), floodJS, floodModule(16, 20000))
	r.waitCount("flowing", 1) // the first post ran: the goroutines are posting
	r.cancel()
	if _, err := r.wait(); err == nil {
		t.Errorf("a cancelled run returned no error")
	}
	check()
}
