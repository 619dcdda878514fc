package main

import (
	"bufio"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// The HTTPS figures: https.markdown's example server (hello world,
// js-tests/examples/https-server.js, run from a copy with the port
// rewritten, as tls-server.js is) under gojatls and node, and the same
// server written with Go's net/http (HTTP/1.1 over crypto/tls), on the
// bench's port with the examples' RSA-2048 key. The load generator sends GET / and reads "hello world\n": over 8 keep-alive
// connections, and with a new TLS connection for each request (which asks
// for Connection: close, so that the server closes first and TIME_WAIT
// stays on its side).

// httpsHello is the body every server answers with.
const httpsHello = "hello world\n"

// httpsConns is how many keep-alive connections the first figure uses.
const httpsConns = 8

// keysDir makes the directory https-server.js runs in: its copy listening
// on c.port, and the examples' key and certificate where the script reads
// them (test/fixtures/keys/agent2-*).
func keysDir(c *config) (string, error) {
	dir, err := os.MkdirTemp("", "gojatls-bench-https")
	if err != nil {
		return "", err
	}
	c.tmpDirs = append(c.tmpDirs, dir)
	src, err := os.ReadFile(filepath.Join(c.examples, "https-server.js"))
	if err != nil {
		return "", err
	}
	script, err := withPort(src, c.port)
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "https-server.js"), script, 0o644); err != nil {
		return "", err
	}
	keys := filepath.Join(dir, "test", "fixtures", "keys")
	if err := os.MkdirAll(keys, 0o755); err != nil {
		return "", err
	}
	for from, to := range map[string]string{"server-key.pem": "agent2-key.pem", "server-cert.pem": "agent2-cert.pem"} {
		b, err := os.ReadFile(filepath.Join(c.examples, from))
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(keys, to), b, 0o600); err != nil {
			return "", err
		}
	}
	return dir, nil
}

// httpsSpec is the HTTPS server of kind k, run in the keys directory:
// https-server.js under gojatls (the runtime embedded in this program) or
// node, or the net/http server.
func httpsSpec(c *config, k kind, dir string) (serverSpec, error) {
	s := serverSpec{kind: k, dir: dir}
	switch k {
	case kindGojatls:
		cmd, probe, err := embeddedCommand(c, "https-server.js")
		if err != nil {
			return s, err
		}
		s.cmd, s.probe = cmd, probe
	case kindNode:
		s.cmd = exec.Command(c.nodeBin, "https-server.js")
	default:
		self, err := os.Executable()
		if err != nil {
			self = os.Args[0]
		}
		s.cmd = exec.Command(self, "-serve-go-https", fmt.Sprintf(":%d", c.port))
	}
	return s, nil
}

// serveGoHTTPS is the Go reference for the HTTPS figures (the bench
// re-executes itself with -serve-go-https ADDR, in the keys directory):
// https-server.js written with net/http.
func serveGoHTTPS(args []string) {
	if len(args) != 1 {
		fmt.Fprintln(os.Stderr, "usage: gojatls-bench -serve-go-https ADDR")
		os.Exit(2)
	}
	keys := filepath.Join("test", "fixtures", "keys")
	srv := &http.Server{
		Addr: args[0],
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(200)
			_, _ = io.WriteString(w, httpsHello)
		}),
		// HTTP/1.1 only, as the scripts speak it.
		TLSNextProto: map[string]func(*http.Server, *tls.Conn, http.Handler){},
	}
	fatal(srv.ListenAndServeTLS(filepath.Join(keys, "agent2-cert.pem"), filepath.Join(keys, "agent2-key.pem")))
}

// runHTTPSSession measures the HTTPS server of kind k: requests/s over
// httpsConns keep-alive connections (and the server's CPU per request),
// then with a new connection per request.
func runHTTPSSession(c *config, cl *client, k kind, dir string) (map[metric]float64, error) {
	values := map[metric]float64{}
	spec, err := httpsSpec(c, k, dir)
	if err != nil {
		return values, err
	}
	p, err := startServer(c, spec)
	if err != nil {
		return values, err
	}
	defer p.stop()
	ka, nc, err := cl.httpsPhases(c, p)
	if err != nil {
		return values, err
	}
	if ka.count > 0 && ka.errors == 0 {
		values[mHTTPSKeepAlive] = ka.rate
		values[mCPUPerRequest] = float64(ka.cpu.Microseconds()) / ka.count
		if ka.loopOK {
			values[mLoopPerRequest] = float64(ka.loop.Microseconds()) / ka.count
		}
	}
	if nc.count > 0 && nc.errors <= errorBudget {
		values[mHTTPSNewConn] = nc.rate
		values[mCPUPerNewConn] = float64(nc.cpu.Microseconds()) / 1000 / nc.count
		if nc.loopOK {
			values[mLoopPerNewConn] = float64(nc.loop.Microseconds()) / 1000 / nc.count
		}
	}
	return values, p.alive()
}

// httpsPhases runs the https loads on the server p: a first request (a
// warm-up, and a check of the answer), requests over httpsConns
// keep-alive connections, then with a new connection per request.
func (cl *client) httpsPhases(c *config, p *serverProc) (keepAlive, newConns phaseResult, err error) {
	if err := cl.httpsGet(false); err != nil {
		return keepAlive, newConns, fmt.Errorf("first https request: %v", err)
	}
	keepAlive = cl.httpsLoad(p, httpsConns, false, c.warmup, c.duration)
	if note := phaseNote("https keep-alive", keepAlive); note != "" {
		fmt.Println("  " + note)
	}
	if err := p.alive(); err != nil {
		return keepAlive, newConns, err
	}
	newConns = cl.httpsLoad(p, c.clients, true, c.warmup, c.duration)
	if note := phaseNote("https new connections", newConns); note != "" {
		fmt.Println("  " + note)
	}
	return keepAlive, newConns, nil
}

// httpsRequest is what the load generator sends; the close form is for
// a new connection per request.
const (
	httpsRequest      = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"
	httpsCloseRequest = "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
)

// httpsGet makes one request on a new connection.
func (cl *client) httpsGet(keep bool) error {
	tc, br, err := cl.httpsDial()
	if err != nil {
		return err
	}
	defer tc.Close()
	return httpsExchange(tc, br, !keep)
}

func (cl *client) httpsDial() (*tls.Conn, *bufio.Reader, error) {
	d := net.Dialer{Timeout: opTimeout}
	raw, err := d.Dial("tcp", cl.addr)
	if err != nil {
		return nil, nil, err
	}
	_ = raw.SetDeadline(time.Now().Add(opTimeout))
	tc := tls.Client(raw, cl.cfg)
	if err := tc.Handshake(); err != nil {
		_ = raw.Close()
		return nil, nil, err
	}
	return tc, bufio.NewReader(tc), nil
}

// httpsExchange sends one request and reads and checks its response; with
// closing, it asks the server to close and waits for it to.
func httpsExchange(tc *tls.Conn, br *bufio.Reader, closing bool) error {
	_ = tc.SetDeadline(time.Now().Add(opTimeout))
	req := httpsRequest
	if closing {
		req = httpsCloseRequest
	}
	if _, err := io.WriteString(tc, req); err != nil {
		return err
	}
	res, err := http.ReadResponse(br, nil)
	if err != nil {
		return err
	}
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil {
		return err
	}
	if res.StatusCode != 200 || string(body) != httpsHello {
		return fmt.Errorf("answer %d %q", res.StatusCode, body)
	}
	if closing {
		if _, err := br.ReadByte(); err != io.EOF && !errors.Is(err, io.ErrUnexpectedEOF) {
			return fmt.Errorf("the server did not close after Connection: close (%v)", err)
		}
	}
	return nil
}

// httpsLoad runs n clients making requests for warmup+d, each over one
// kept connection or each on a new one, and counts the requests answered
// in the last d.
func (cl *client) httpsLoad(p *serverProc, n int, newConns bool, warmup, d time.Duration) phaseResult {
	var done, started, errs atomic.Int64
	var stop atomic.Bool
	var mu sync.Mutex
	var lastErr error
	fail := func(err error) {
		mu.Lock()
		lastErr = err
		mu.Unlock()
		if errs.Add(1) > errorBudget || errors.Is(err, syscall.EADDRNOTAVAIL) {
			stop.Store(true)
		}
	}
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var tc *tls.Conn
			var br *bufio.Reader
			defer func() {
				if tc != nil {
					tc.Close()
				}
			}()
			for !stop.Load() {
				if tc == nil {
					if started.Add(1) > maxConns {
						stop.Store(true)
						return
					}
					var err error
					if tc, br, err = cl.httpsDial(); err != nil {
						tc = nil
						fail(err)
						continue
					}
				}
				err := httpsExchange(tc, br, newConns)
				if newConns || err != nil {
					tc.Close()
					tc = nil
				}
				if err != nil {
					if !stop.Load() {
						fail(err)
					}
					continue
				}
				done.Add(1)
			}
		}()
	}
	res := measure(p, warmup, d, &stop, func() float64 { return float64(done.Load()) })
	stop.Store(true)
	wg.Wait()
	res.errors, res.lastErr = int(errs.Load()), lastErr
	if started.Load() > maxConns {
		res.lastErr = fmt.Errorf("stopped at the bound of %d connections", maxConns)
	}
	return res
}
