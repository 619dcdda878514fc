package main

import (
	"bytes"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

const (
	greeting  = "welcome!\n"
	chunkSize = 16 << 10
	// opTimeout bounds every network step of a client.
	opTimeout = 10 * time.Second
	// maxConns bounds the connections one handshake phase opens, well
	// under the ephemeral port range even if every port lingered.
	maxConns = 20000
)

// client holds what every connection needs.
type client struct {
	cfg        *tls.Config
	serverCert []byte
	addr       string
	chunk      []byte
}

func newClient(examples string, port int, goDefaultKex bool) (*client, error) {
	cert, err := tls.LoadX509KeyPair(filepath.Join(examples, "client-cert.pem"), filepath.Join(examples, "client-key.pem"))
	if err != nil {
		return nil, err
	}
	srv, err := tls.LoadX509KeyPair(filepath.Join(examples, "server-cert.pem"), filepath.Join(examples, "server-key.pem"))
	if err != nil {
		return nil, err
	}
	cl := &client{serverCert: srv.Certificate[0], addr: fmt.Sprintf("127.0.0.1:%d", port)}
	// The certificates are self-signed without a subjectAltName, which
	// crypto/tls does not accept for a host name; the client checks that
	// the server shows exactly the expected certificate instead. No session
	// cache: every handshake is a full one.
	cl.cfg = &tls.Config{
		Certificates:       []tls.Certificate{cert},
		InsecureSkipVerify: true,
		VerifyConnection: func(cs tls.ConnectionState) error {
			if len(cs.PeerCertificates) == 0 || !bytes.Equal(cs.PeerCertificates[0].Raw, cl.serverCert) {
				return errors.New("server did not present js-tests/examples/server-cert.pem")
			}
			return nil
		},
	}
	if !goDefaultKex {
		// Node 20's OpenSSL 3.0 has no post-quantum key exchange, which
		// crypto/tls prefers; offering only X25519 keeps the servers' work
		// the same.
		cl.cfg.CurvePreferences = []tls.CurveID{tls.X25519}
	}
	// ASCII, so the script's setEncoding('utf8') echoes it unchanged.
	cl.chunk = make([]byte, chunkSize)
	for i := range cl.chunk {
		cl.chunk[i] = 'a' + byte(i%26)
	}
	return cl, nil
}

// dial opens a TLS connection and reads the greeting.
func (cl *client) dial() (*tls.Conn, error) {
	raw, err := net.DialTimeout("tcp", cl.addr, opTimeout)
	if err != nil {
		return nil, err
	}
	tc := tls.Client(raw, cl.cfg)
	_ = tc.SetDeadline(time.Now().Add(opTimeout))
	if err := tc.Handshake(); err != nil {
		raw.Close()
		return nil, err
	}
	buf := make([]byte, len(greeting))
	if _, err := io.ReadFull(tc, buf); err != nil {
		raw.Close()
		return nil, fmt.Errorf("reading the greeting: %v", err)
	}
	if string(buf) != greeting {
		raw.Close()
		return nil, fmt.Errorf("greeting %q, want %q", buf, greeting)
	}
	_ = tc.SetDeadline(time.Time{})
	return tc, nil
}

// hangUp ends a connection the way a polite client does: close_notify,
// then wait (bounded) for the server to end its side, then close. The
// server closes the TCP connection first, so TIME_WAIT stays on its side
// and does not use up the client's ephemeral ports.
func hangUp(tc *tls.Conn, deadline time.Time) {
	_ = tc.SetDeadline(deadline)
	if tc.CloseWrite() == nil {
		var buf [4096]byte
		for {
			if _, err := tc.Read(buf[:]); err != nil {
				break
			}
		}
	}
	_ = tc.Close()
}

// cycle is one measured handshake: connect, full handshake with the client
// certificate, greeting, one echo round trip, close.
func (cl *client) cycle() (tls.ConnectionState, error) {
	tc, err := cl.dial()
	if err != nil {
		return tls.ConnectionState{}, err
	}
	defer func() { hangUp(tc, time.Now().Add(opTimeout)) }()
	_ = tc.SetDeadline(time.Now().Add(opTimeout))
	if _, err := tc.Write([]byte("ping\n")); err != nil {
		return tls.ConnectionState{}, err
	}
	var buf [5]byte
	if _, err := io.ReadFull(tc, buf[:]); err != nil {
		return tls.ConnectionState{}, fmt.Errorf("reading the echo: %v", err)
	}
	if string(buf[:]) != "ping\n" {
		return tls.ConnectionState{}, fmt.Errorf("echo %q, want %q", buf[:], "ping\n")
	}
	return tc.ConnectionState(), nil
}

// phaseResult is what a load phase measured.
type phaseResult struct {
	rate    float64       // handshakes/s or MiB/s
	cpu     time.Duration // server CPU time in the measured window
	selfCPU time.Duration // the load generator's (this process's) CPU time
	loop    time.Duration // the embedded gojatls runtime's loop busy time
	loopOK  bool          // loop was measured
	elapsed time.Duration // the measured window
	count   float64       // handshakes or MiB in the measured window
	errors  int
	lastErr error
}

// errorBudget ends a phase early when too many steps fail.
const errorBudget = 50

// handshakes runs n concurrent clients doing cycle() for warmup+d and
// counts the cycles completed in the last d.
func (cl *client) handshakes(p *serverProc, n int, warmup, d time.Duration) phaseResult {
	var done, started, errs atomic.Int64
	var stop atomic.Bool
	var mu sync.Mutex
	var lastErr error
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() && started.Add(1) <= maxConns {
				if _, err := cl.cycle(); err != nil {
					mu.Lock()
					lastErr = err
					mu.Unlock()
					if errs.Add(1) > errorBudget || errors.Is(err, syscall.EADDRNOTAVAIL) {
						stop.Store(true)
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

// measure waits warmup, then reads count, the server's CPU time (summed
// over its processes) and, for gojatls, its loop time over d (or until
// stop).
func measure(p *serverProc, warmup, d time.Duration, stop *atomic.Bool, count func() float64) phaseResult {
	sleepUnless(warmup, stop)
	self0, _ := cpuTime(os.Getpid())
	loop0, err0 := p.loopBusy()
	c0, cpu0, t0 := count(), cpuOf(p), time.Now()
	sleepUnless(d, stop)
	c1, cpu1, el := count(), cpuOf(p), time.Since(t0)
	loop1, err1 := p.loopBusy()
	self1, _ := cpuTime(os.Getpid())
	return phaseResult{rate: (c1 - c0) / el.Seconds(), count: c1 - c0, cpu: cpu1 - cpu0, selfCPU: self1 - self0,
		loop: loop1 - loop0, loopOK: err0 == nil && err1 == nil, elapsed: el}
}

// cpuOf is the CPU time of the server and its workers.
func cpuOf(p *serverProc) time.Duration {
	t, _ := treeCPU(p.pid)
	return t
}

// loopBusy is the embedded runtime's loop time so far; an error for a
// server that is not one.
func (p *serverProc) loopBusy() (time.Duration, error) {
	if p.loop == nil {
		return 0, errors.New("no loop probe")
	}
	return p.loop.busy()
}

// sleepUnless sleeps d, in small steps so that stop ends it early.
func sleepUnless(d time.Duration, stop *atomic.Bool) {
	end := time.Now().Add(d)
	for time.Now().Before(end) && !stop.Load() {
		step := time.Until(end)
		if step > 50*time.Millisecond {
			step = 50 * time.Millisecond
		}
		time.Sleep(step)
	}
}

// throughput streams 16 KiB chunks through n connections, each writing
// and reading its echo concurrently, and measures echoed MiB/s over d
// after warmup. The echo is checked against what was sent.
func (cl *client) throughput(p *serverProc, n int, warmup, d time.Duration) phaseResult {
	var echoed, errs atomic.Int64
	var stop atomic.Bool
	var mu sync.Mutex
	var lastErr error
	fail := func(err error) {
		mu.Lock()
		lastErr = err
		mu.Unlock()
		errs.Add(1)
		stop.Store(true)
	}
	conns := make([]*tls.Conn, 0, n)
	for i := 0; i < n; i++ {
		tc, err := cl.dial()
		if err != nil {
			for _, c := range conns {
				c.Close()
			}
			return phaseResult{errors: 1, lastErr: err}
		}
		conns = append(conns, tc)
	}
	var wg sync.WaitGroup
	for _, tc := range conns {
		wg.Add(2)
		go func(tc *tls.Conn) { // writer
			defer wg.Done()
			for !stop.Load() {
				if _, err := tc.Write(cl.chunk); err != nil {
					if !stop.Load() {
						fail(fmt.Errorf("writing: %v", err))
					}
					return
				}
			}
			_ = tc.CloseWrite() // close_notify: the script's pipe() then ends
		}(tc)
		go func(tc *tls.Conn) { // reader
			defer wg.Done()
			buf := make([]byte, 64<<10)
			off := 0
			for {
				k, err := tc.Read(buf)
				if k > 0 {
					if !matches(cl.chunk, &off, buf[:k]) {
						fail(errors.New("the echo differs from what was sent"))
						return
					}
					echoed.Add(int64(k))
				}
				if err != nil {
					if !stop.Load() {
						fail(fmt.Errorf("reading: %v", err))
					}
					return
				}
			}
		}(tc)
	}
	res := measure(p, warmup, d, &stop, func() float64 { return float64(echoed.Load()) / (1 << 20) })
	stop.Store(true)
	for _, tc := range conns {
		// Bound the drain: what is in flight comes back, then EOF.
		_ = tc.SetDeadline(time.Now().Add(opTimeout))
	}
	wg.Wait()
	for _, tc := range conns {
		tc.Close()
	}
	res.errors, res.lastErr = int(errs.Load()), lastErr
	return res
}

// matches checks b against the repeated chunk from offset *off on.
func matches(chunk []byte, off *int, b []byte) bool {
	for len(b) > 0 {
		n := len(chunk) - *off
		if n > len(b) {
			n = len(b)
		}
		if !bytes.Equal(b[:n], chunk[*off:*off+n]) {
			return false
		}
		b = b[n:]
		*off = (*off + n) % len(chunk)
	}
	return true
}

// idleResult is the memory figure.
type idleResult struct {
	perConnKiB float64
	before     int64 // VmRSS KiB
	after      int64
	opened     int
	err        error
}

// idleConns opens n connections (handshake and greeting done), lets the
// server settle, reads its VmRSS before and after, calls held (if not nil)
// while they are still open, then closes them.
func (cl *client) idleConns(p *serverProc, n int, held func()) idleResult {
	var r idleResult
	time.Sleep(500 * time.Millisecond)
	before, _, err := procStatus(p.pid)
	if err != nil {
		return idleResult{err: err}
	}
	r.before = before
	conns := make([]*tls.Conn, n)
	var next, errs atomic.Int64
	var mu sync.Mutex
	var lastErr error
	deadline := time.Now().Add(3 * time.Minute)
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) && errs.Load() <= errorBudget {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				tc, err := cl.dial()
				if err != nil {
					mu.Lock()
					lastErr = err
					mu.Unlock()
					errs.Add(1)
					continue
				}
				conns[i] = tc
			}
		}()
	}
	wg.Wait()
	for _, c := range conns {
		if c != nil {
			r.opened++
		}
	}
	time.Sleep(time.Second)
	after, _, err := procStatus(p.pid)
	if err != nil {
		r.err = err
	} else {
		r.after = after
		if r.opened > 0 {
			r.perConnKiB = float64(after-before) / float64(r.opened)
		}
	}
	if r.opened < n && r.err == nil {
		r.err = fmt.Errorf("opened %d of %d connections; last error: %v", r.opened, n, lastErr)
	}
	if held != nil {
		held()
	}
	// Close them all, a few at a time, within 10 s.
	end := time.Now().Add(10 * time.Second)
	var ci atomic.Int64
	for w := 0; w < 32; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(ci.Add(1)) - 1
				if i >= n {
					return
				}
				if conns[i] != nil {
					hangUp(conns[i], end)
				}
			}
		}()
	}
	wg.Wait()
	return r
}
