package main

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"os"
	goruntime "runtime"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
	"github.com/gojatls/gojatls/runtime"
)

// serverJS is the server under load: a TLS echo server as a Node 0.7 user
// would write it, with a handshake timeout for the clients that stall.
const serverJS = `
var tls = require('tls');
var soak = require('soak');

var open = 0;
var errors = {};
var server = tls.createServer({
  key: soak.key,
  cert: soak.cert,
  handshakeTimeout: 5000
}, function (s) {
  open++;
  s.on('data', function (d) {
    s.write(d);
  });
  s.on('error', function (err) {
    var code = err.code || err.message;
    errors[code] = (errors[code] || 0) + 1;
  });
  s.on('close', function () {
    open--;
  });
});
server.on('clientError', function (err) {
  var key = 'clientError: ' + err.message;
  errors[key] = (errors[key] || 0) + 1;
});
soak.onStats(function () {
  return JSON.stringify({ connections: server.connections, open: open, errors: errors });
});
server.listen(0, '127.0.0.1', function () {
  soak.listening(server.address().port);
});
`

// serverStats is one line the server prints: its own view (from JS) and
// the process's.
type serverStats struct {
	Port        int            `json:"port,omitempty"`
	Connections int            `json:"connections"` // server.connections
	Open        int            `json:"open"`        // sockets without 'close' yet
	Errors      map[string]int `json:"errors,omitempty"`
	Goroutines  int            `json:"goroutines"`
	FDs         int            `json:"fds"`
	HeapAlloc   uint64         `json:"heapAlloc"`
	Sys         uint64         `json:"sys"`
	RSS         uint64         `json:"rss"`
	Code        int            `json:"code"`
	Err         string         `json:"err,omitempty"`
	Stacks      string         `json:"stacks,omitempty"`
}

// serveMain runs the server: its first line on out has the port; each
// line "stats" on in gets a stats line; the end of in ends the runtime and
// gets the last line, with the goroutines that outlived it.
func serveMain(in io.Reader, out io.Writer) int {
	key, cert, err := selfSigned()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gojatls-soak -serve:", err)
		return 2
	}
	var (
		mu     sync.Mutex
		stats  func() string // asks JS, on the loop
		ready  = make(chan int, 1)
		posted = make(chan string, 1)
	)
	mod := &jsbridge.Module{Name: "soak", Native: func(e *jsbridge.Env, b *goja.Object) {
		b.Set("key", key)
		b.Set("cert", cert)
		e.SetFuncs(b, map[string]func(goja.FunctionCall) goja.Value{
			"listening": func(call goja.FunctionCall) goja.Value {
				ready <- int(call.Argument(0).ToInteger())
				return goja.Undefined()
			},
			"onStats": func(call goja.FunctionCall) goja.Value {
				fn := call.Argument(0)
				mu.Lock()
				stats = func() string {
					e.Post(func() {
						v, _ := e.Call(fn, goja.Undefined())
						posted <- v.String()
					})
					return <-posted
				}
				mu.Unlock()
				return goja.Undefined()
			},
		})
	}}
	rt := runtime.New(runtime.Options{
		Argv0:   "gojatls",
		Stdin:   strings.NewReader(""),
		Stdout:  os.Stderr,
		Stderr:  os.Stderr,
		Modules: []*jsbridge.Module{mod},
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type result struct {
		code int
		err  error
	}
	done := make(chan result, 1)
	go func() {
		code, err := rt.RunString(ctx, "soak-server.js", serverJS)
		done <- result{code, err}
	}()
	enc := json.NewEncoder(out)
	var port int
	select {
	case port = <-ready:
	case r := <-done:
		fmt.Fprintln(os.Stderr, "gojatls-soak -serve: the server script ended:", r.code, r.err)
		return 2
	}
	_ = enc.Encode(processStats(serverStats{Port: port}))

	lines := bufio.NewScanner(in)
	for lines.Scan() {
		var st serverStats
		mu.Lock()
		ask := stats
		mu.Unlock()
		if ask != nil {
			_ = json.Unmarshal([]byte(ask()), &st)
		}
		_ = enc.Encode(processStats(st))
	}
	cancel()
	r := <-done
	// Cancelling is how the soak ends the server: only another ending
	// (the script failed) is worth a word.
	var final serverStats
	if r.err == nil {
		final.Code = r.code
	} else if r.err != context.Canceled {
		final.Err = r.err.Error()
	}
	// Let what the runtime closed finish, then count what is left.
	time.Sleep(time.Second)
	final = processStats(final)
	if final.Goroutines > 8 {
		buf := make([]byte, 1<<20)
		final.Stacks = string(buf[:goruntime.Stack(buf, true)])
	}
	_ = enc.Encode(final)
	return 0
}

// processStats fills in the process's side of st; the heap is what is
// live after a collection.
func processStats(st serverStats) serverStats {
	goruntime.GC()
	var ms goruntime.MemStats
	goruntime.ReadMemStats(&ms)
	st.HeapAlloc, st.Sys = ms.HeapAlloc, ms.Sys
	st.Goroutines = goruntime.NumGoroutine()
	if entries, err := os.ReadDir("/proc/self/fd"); err == nil {
		st.FDs = len(entries) - 1 // not the one reading the directory
	}
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
				var kb uint64
				fmt.Sscan(rest, &kb)
				st.RSS = kb << 10
			}
		}
	}
	return st
}

// selfSigned makes a P-256 key and a certificate for localhost, as PEM.
func selfSigned() (key, cert string, err error) {
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return "", "", err
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "localhost"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(24 * time.Hour),
		DNSNames:     []string{"localhost"},
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, k.Public(), k)
	if err != nil {
		return "", "", err
	}
	kder, err := x509.MarshalPKCS8PrivateKey(k)
	if err != nil {
		return "", "", err
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: kder})),
		string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})), nil
}
