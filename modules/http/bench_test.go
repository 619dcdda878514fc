package http_test

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
	"github.com/gojatls/gojatls/runtime"
)

// The hello-world benchmarks: https.markdown's example server (hello
// world, as js-tests/examples/https-server.js) served by a runtime in this
// process, and the same server in Go's net/http for reference, each under
// 8 keep-alive connections that send GET / one after another (Hello...),
// or 8 clients that open a new connection for each request, which asks
// for Connection: close (HelloNewConn...: a full TLS handshake, X25519
// and the examples' RSA-2048 key, as cmd/gojatls-bench). Besides
// ns/op and allocs/op (the whole process's: the client here allocates
// almost nothing per request), they report the process's CPU time per
// request (cpu-µs/req: server and client) and, for gojatls, the loop
// goroutine's running time per request (loop-µs/req), the serial part
// that bounds what one process serves.
//
//	go test -run '^$' -bench Hello -benchtime 20000x ./modules/http/
//
// GOJATLS_HTTP_JSPROFILE=file also writes goja's profile of the JS that
// gojatls's requests run (go tool pprof -lines file).

const benchConns = 8

const helloServer = `
var proto = require(PROTO);
var fs = require('fs');

var options = {
  key: fs.readFileSync('../../js-tests/examples/server-key.pem'),
  cert: fs.readFileSync('../../js-tests/examples/server-cert.pem')
};

var server = PROTO === 'https' ? proto.createServer(options, hello) : proto.createServer(hello);
function hello(req, res) {
  res.writeHead(200);
  res.end("hello world\n");
}
server.listen(0, '127.0.0.1', function () {
  require('benchctl').ready(server.address().port);
});
`

func BenchmarkHelloHTTPS(b *testing.B) { benchGojatls(b, true, false) }
func BenchmarkHelloHTTP(b *testing.B)  { benchGojatls(b, false, false) }

func BenchmarkHelloGoHTTPS(b *testing.B) { benchGo(b, true, false) }
func BenchmarkHelloGoHTTP(b *testing.B)  { benchGo(b, false, false) }

func BenchmarkHelloNewConnHTTPS(b *testing.B)   { benchGojatls(b, true, true) }
func BenchmarkHelloGoNewConnHTTPS(b *testing.B) { benchGo(b, true, true) }

func benchGojatls(b *testing.B, secure, newConns bool) {
	ports := make(chan int, 1)
	ctl := &jsbridge.Module{Name: "benchctl", Native: func(e *jsbridge.Env, exports *goja.Object) {
		e.SetFuncs(exports, map[string]func(goja.FunctionCall) goja.Value{
			"ready": func(call goja.FunctionCall) goja.Value {
				ports <- int(call.Argument(0).ToInteger())
				return goja.Undefined()
			},
		})
	}}
	proto := "http"
	if secure {
		proto = "https"
	}
	rt := runtime.New(runtime.Options{Modules: []*jsbridge.Module{ctl}})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := rt.RunString(ctx, "hello-server.js", "var PROTO = '"+proto+"';\n"+helloServer)
		done <- err
	}()
	defer func() {
		cancel()
		<-done
	}()
	var port int
	select {
	case port = <-ports:
	case err := <-done:
		b.Fatalf("server ended: %v", err)
	}
	if name := os.Getenv("GOJATLS_HTTP_JSPROFILE"); name != "" {
		// goja's own profile of the JS the requests run (go tool pprof).
		f, err := os.Create(name)
		if err != nil {
			b.Fatal(err)
		}
		if err := goja.StartProfile(f); err != nil {
			b.Fatal(err)
		}
		defer func() {
			goja.StopProfile()
			_ = f.Close()
		}()
	}
	load(b, "127.0.0.1:"+strconv.Itoa(port), secure, newConns, rt.LoopBusy)
}

func benchGo(b *testing.B, secure, newConns bool) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(200)
		_, _ = io.WriteString(w, "hello world\n")
	})}
	go func() {
		if secure {
			_ = srv.ServeTLS(ln, "../../js-tests/examples/server-cert.pem", "../../js-tests/examples/server-key.pem")
		} else {
			_ = srv.Serve(ln)
		}
	}()
	defer srv.Close()
	load(b, ln.Addr().String(), secure, newConns, nil)
}

// load sends b.N requests to addr, over benchConns keep-alive connections
// or each on a new connection, and reports the figures.
func load(b *testing.B, addr string, secure, newConns bool, loopBusy func() time.Duration) {
	conns := make([]*helloConn, benchConns)
	for i := range conns {
		if newConns {
			// Warm-up: the server's first-connection paths.
			if err := newConnExchange(addr, secure); err != nil {
				b.Fatal(err)
			}
			continue
		}
		c, err := dialHello(addr, secure)
		if err != nil {
			b.Fatal(err)
		}
		defer c.Close()
		// Warm-up: the handshake, and the server's first-request paths.
		for j := 0; j < 50; j++ {
			if err := c.exchange(helloRequest); err != nil {
				b.Fatal(err)
			}
		}
		conns[i] = c
	}
	var left atomic.Int64
	left.Store(int64(b.N))
	var wg sync.WaitGroup
	errs := make(chan error, benchConns)
	var busy0 time.Duration
	if loopBusy != nil {
		busy0 = loopBusy()
	}
	cpu0 := processCPU()
	b.ReportAllocs()
	b.ResetTimer()
	for _, c := range conns {
		wg.Add(1)
		go func(c *helloConn) {
			defer wg.Done()
			for left.Add(-1) >= 0 {
				var err error
				if c == nil {
					err = newConnExchange(addr, secure)
				} else {
					err = c.exchange(helloRequest)
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}(c)
	}
	wg.Wait()
	b.StopTimer()
	close(errs)
	if err := <-errs; err != nil {
		b.Fatal(err)
	}
	n := float64(b.N)
	b.ReportMetric(float64(processCPU()-cpu0)/float64(time.Microsecond)/n, "cpu-µs/req")
	if loopBusy != nil {
		b.ReportMetric(float64(loopBusy()-busy0)/float64(time.Microsecond)/n, "loop-µs/req")
	}
	b.ReportMetric(n/b.Elapsed().Seconds(), "req/s")
}

// processCPU is the user and system time this process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// helloConn is a client connection that sends GET / and reads the hello
// world response, allocating nothing per request in the steady state.
type helloConn struct {
	net.Conn
	r *bufio.Reader
}

var (
	helloRequest = []byte("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
	closeRequest = []byte("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
)

func dialHello(addr string, secure bool) (*helloConn, error) {
	var c net.Conn
	var err error
	if secure {
		c, err = tls.Dial("tcp", addr, &tls.Config{
			InsecureSkipVerify: true,
			CurvePreferences:   []tls.CurveID{tls.X25519},
		})
	} else {
		c, err = net.Dial("tcp", addr)
	}
	if err != nil {
		return nil, err
	}
	return &helloConn{Conn: c, r: bufio.NewReader(c)}, nil
}

// newConnExchange sends a request that asks for Connection: close on a
// new connection, reads the response, and then the end of the connection,
// which the server closes.
func newConnExchange(addr string, secure bool) error {
	c, err := dialHello(addr, secure)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.exchange(closeRequest); err != nil {
		return err
	}
	if _, err := c.r.ReadByte(); err != io.EOF && !errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("after the response: %v, want the end of the connection", err)
	}
	return nil
}

// exchange sends a request and reads its response: a head, then a body
// of Content-Length bytes or chunked.
func (c *helloConn) exchange(request []byte) error {
	if _, err := c.Write(request); err != nil {
		return err
	}
	line, err := c.r.ReadSlice('\n')
	if err != nil {
		return err
	}
	if !bytes.HasPrefix(line, []byte("HTTP/1.1 200 ")) {
		return fmt.Errorf("status line %q", line)
	}
	length, chunked := -1, false
	for {
		line, err = c.r.ReadSlice('\n')
		if err != nil {
			return err
		}
		if len(line) <= 2 {
			break
		}
		name, value, _ := bytes.Cut(bytes.TrimRight(line, "\r\n"), []byte(":"))
		value = bytes.TrimSpace(value)
		switch {
		case bytes.EqualFold(name, []byte("content-length")):
			length, _ = strconv.Atoi(string(value))
		case bytes.EqualFold(name, []byte("transfer-encoding")):
			chunked = bytes.EqualFold(value, []byte("chunked"))
		}
	}
	body := 0
	switch {
	case chunked:
		for {
			line, err = c.r.ReadSlice('\n')
			if err != nil {
				return err
			}
			size, err := strconv.ParseInt(string(bytes.TrimRight(line, "\r\n")), 16, 32)
			if err != nil {
				return err
			}
			if _, err := c.r.Discard(int(size) + 2); err != nil {
				return err
			}
			body += int(size)
			if size == 0 {
				break
			}
		}
	case length >= 0:
		if _, err := c.r.Discard(length); err != nil {
			return err
		}
		body = length
	default:
		return errors.New("response without a length")
	}
	if body != len("hello world\n") {
		return fmt.Errorf("body of %d bytes", body)
	}
	return nil
}
