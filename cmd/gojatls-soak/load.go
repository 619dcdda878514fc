package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// opTimeout bounds every client operation; hitting it is an error.
const opTimeout = 30 * time.Second

// load is the client side: o.conns workers, each keeping one connection
// (then the next) busy until the context ends.
type load struct {
	port int
	o    options
	dial chan struct{} // handshakes in flight

	open       atomic.Int64
	peak       atomic.Int64
	conns      atomic.Int64 // connections made, hostile ones included
	handshakes atomic.Int64
	echoes     atomic.Int64
	bytes      atomic.Int64
	hostile    atomic.Int64
	wrongData  atomic.Int64 // an echo that came back different: always a failure

	mu       sync.Mutex
	errors   map[string]int // unexpected failures by kind
	expected map[string]int // failures the load itself causes (hostile clients)

	during serverStats
}

func newLoad(port int, o options) *load {
	return &load{port: port, o: o, dial: make(chan struct{}, o.dialers),
		errors: map[string]int{}, expected: map[string]int{}}
}

func (l *load) fail(where string, err error) {
	l.mu.Lock()
	l.errors[where+": "+errorKind(err)]++
	l.mu.Unlock()
}

func (l *load) note(what string) {
	l.mu.Lock()
	l.expected[what]++
	l.mu.Unlock()
}

// run runs the workers until ctx ends; midway is called once at half
// time. It returns the most connections open at once.
func (l *load) run(ctx context.Context, midway func()) int64 {
	var wg sync.WaitGroup
	for i := 0; i < l.o.conns; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(i), uint64(time.Now().UnixNano())))
			for ctx.Err() == nil {
				if rng.Float64() < l.o.hostile {
					l.misbehave(ctx, rng)
				} else {
					l.session(ctx, rng)
				}
			}
		}(i)
	}
	half := time.NewTimer(l.o.duration / 2)
	progress := time.NewTicker(10 * time.Second)
	defer progress.Stop()
	start := time.Now()
	for {
		select {
		case <-half.C:
			midway()
			continue
		case <-progress.C:
			fmt.Printf("%6.0fs: %d open, %d connections, %d echoes\n", time.Since(start).Seconds(),
				l.open.Load(), l.conns.Load(), l.echoes.Load())
			continue
		case <-ctx.Done():
		}
		break
	}
	wg.Wait()
	return l.peak.Load()
}

// session is one well-behaved connection: a handshake, echoes of random
// sizes at random pauses for a random lifetime, then one of the ways a
// client goes away.
func (l *load) session(ctx context.Context, rng *rand.Rand) {
	l.dial <- struct{}{}
	raw, err := net.DialTimeout("tcp", "127.0.0.1:"+strconv.Itoa(l.port), opTimeout)
	if err != nil {
		<-l.dial
		l.fail("dial", err)
		sleep(ctx, time.Second)
		return
	}
	l.conns.Add(1)
	c := tls.Client(raw, &tls.Config{InsecureSkipVerify: true, ServerName: "localhost"})
	_ = raw.SetDeadline(time.Now().Add(opTimeout))
	err = c.Handshake()
	<-l.dial
	if err != nil {
		_ = raw.Close()
		l.fail("handshake", err)
		return
	}
	l.handshakes.Add(1)
	if n := l.open.Add(1); n > l.peak.Load() {
		l.peak.Store(n) // close enough: only a report
	}
	defer l.open.Add(-1)

	// Four in five connections stay to the end, so that nearly o.conns
	// are open at once; the rest churn, living one to ten seconds.
	life := l.o.duration
	if rng.IntN(5) == 0 {
		life = time.Second + time.Duration(rng.Int64N(int64(9*time.Second)))
	}
	end := time.Now().Add(life)
	buf := make([]byte, 32*1024)
	for ctx.Err() == nil && time.Now().Before(end) {
		msg := buf[:1+rng.IntN(len(buf))]
		for i := range msg {
			msg[i] = byte(rng.Uint32())
		}
		_ = raw.SetDeadline(time.Now().Add(opTimeout))
		if _, err := c.Write(msg); err != nil {
			l.fail("write", err)
			_ = raw.Close()
			return
		}
		got := make([]byte, len(msg))
		if _, err := io.ReadFull(c, got); err != nil {
			l.fail("read", err)
			_ = raw.Close()
			return
		}
		if !bytes.Equal(got, msg) {
			l.wrongData.Add(1)
		}
		l.echoes.Add(1)
		l.bytes.Add(int64(len(msg)))
		sleep(ctx, time.Duration(rng.IntN(3000))*time.Millisecond)
	}
	switch rng.IntN(4) {
	case 0: // close_notify, then wait for the server's end
		_ = c.CloseWrite()
		_ = raw.SetDeadline(time.Now().Add(opTimeout))
		if _, err := io.Copy(io.Discard, c); err != nil {
			l.fail("after close_notify", err)
		}
		_ = raw.Close()
	case 1: // TCP close without close_notify
		_ = raw.Close()
	case 2: // reset
		_ = raw.(*net.TCPConn).SetLinger(0)
		_ = raw.Close()
	default:
		_ = c.Close()
	}
}

// misbehave is one hostile connection: junk, a handshake cut off, a
// handshake left to the server's timeout, or a reset mid-handshake.
func (l *load) misbehave(ctx context.Context, rng *rand.Rand) {
	l.hostile.Add(1)
	raw, err := net.DialTimeout("tcp", "127.0.0.1:"+strconv.Itoa(l.port), opTimeout)
	if err != nil {
		l.fail("dial", err)
		sleep(ctx, time.Second)
		return
	}
	l.conns.Add(1)
	defer raw.Close()
	_ = raw.SetDeadline(time.Now().Add(opTimeout))
	switch rng.IntN(4) {
	case 0:
		l.note("junk")
		junk := make([]byte, 1+rng.IntN(2000))
		for i := range junk {
			junk[i] = byte(rng.Uint32())
		}
		_, _ = raw.Write(junk)
		_ = raw.(*net.TCPConn).CloseWrite()
		_, _ = io.Copy(io.Discard, raw)
	case 1:
		l.note("cut-off ClientHello")
		_, _ = raw.Write([]byte{0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03})
		_ = raw.(*net.TCPConn).CloseWrite()
		_, _ = io.Copy(io.Discard, raw)
	case 2:
		l.note("stalled handshake (server timeout)")
		if _, err := io.Copy(io.Discard, raw); err != nil {
			l.fail("stalled handshake: the server did not hang up", err)
		}
	default:
		l.note("reset mid-handshake")
		c := tls.Client(raw, &tls.Config{InsecureSkipVerify: true})
		go func() { _ = c.Handshake() }()
		sleep(ctx, time.Duration(rng.IntN(5))*time.Millisecond)
		_ = raw.(*net.TCPConn).SetLinger(0)
	}
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// failed reports whether the run saw what must not happen.
func (l *load) failed() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.wrongData.Load() > 0 || len(l.errors) > 0
}

func (l *load) report(w io.Writer, peak int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(w, "clients: %d connections (%d hostile), %d handshakes, peak %d open at once\n",
		l.conns.Load(), l.hostile.Load(), l.handshakes.Load(), peak)
	fmt.Fprintf(w, "echoes: %d, %.1f MiB, %d came back wrong\n", l.echoes.Load(), mib(uint64(l.bytes.Load())), l.wrongData.Load())
	printCounts(w, "hostile clients", l.expected)
	printCounts(w, "unexpected client errors", l.errors)
	printCounts(w, "server errors (during the load)", l.during.Errors)
}

func printCounts(w io.Writer, title string, m map[string]int) {
	if len(m) == 0 {
		fmt.Fprintf(w, "%s: none\n", title)
		return
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintf(w, "%s:\n", title)
	for _, k := range keys {
		fmt.Fprintf(w, "  %8d  %s\n", m[k], k)
	}
}
