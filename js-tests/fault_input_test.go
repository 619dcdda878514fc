package jstests

// Hostile and broken clients against a gojatls TLS echo server: junk,
// truncated ClientHellos, resets, handshakes that never finish. After each
// the server still echoes for a fresh client, and when the run ends nothing
// is left behind.

import (
	"crypto/tls"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	netmod "github.com/gojatls/gojatls/modules/net"
)

// rawDial connects without TLS.
func rawDial(t testing.TB, port int) *net.TCPConn {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr(port), hangGuard)
	if err != nil {
		t.Fatal(err)
	}
	_ = c.SetDeadline(time.Now().Add(hangGuard))
	return c.(*net.TCPConn)
}

// sendAndHangUp sends data, half-closes and waits for the server to close
// its side.
func sendAndHangUp(t testing.TB, port int, data []byte) {
	t.Helper()
	c := rawDial(t, port)
	defer c.Close()
	_, _ = c.Write(data) // the server may hang up before reading it all
	_ = c.CloseWrite()
	if _, err := readUntilClosed(c); err != nil {
		t.Fatalf("after %d bytes (% x...): %v", len(data), data[:min(len(data), 8)], err)
	}
}

// Junk on the TLS port: each connection ends in one 'clientError', none
// in 'secureConnection'.
func TestFaultJunk(t *testing.T) {
	check := leakCheck(t)
	r, port := startEcho(t, faultMode{})
	hello := clientHello(t)
	rng := rand.New(rand.NewPCG(1, 2))
	random := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		return b
	}
	inputs := [][]byte{
		[]byte("GET / HTTP/1.0\r\nHost: localhost\r\n\r\n"),
		[]byte("POST /x HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello"),
		[]byte("SSH-2.0-OpenSSH_9.6\r\n"),
		{0x80, 0x2e, 0x01, 0x00, 0x02, 0x00, 0x15, 0x00, 0x00, 0x00, 0x10},    // SSLv2 hello
		{0x16, 0x03, 0x01, 0xff, 0xff},                                        // an oversized record header
		{0x16, 0x03, 0x01, 0x00, 0x00},                                        // an empty record
		{0x17, 0x03, 0x03, 0x00, 0x05, 1, 2, 3, 4, 5},                         // application data first
		{0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28},                            // an alert first
		append(append([]byte{}, hello...), random(64)...),                     // junk after the hello
		append(append([]byte{}, hello[:5]...), make([]byte, len(hello)-5)...), // a hello of zeros
	}
	for _, n := range []int{1, 2, 5, 6, 100, 1000, 16 * 1024, 70 * 1024} {
		for i := 0; i < 3; i++ {
			inputs = append(inputs, random(n))
		}
	}
	// Random bytes behind a plausible record header.
	for i := 0; i < 10; i++ {
		b := random(200)
		b[0], b[1], b[2], b[3], b[4] = 0x16, 0x03, byte(1+i%3), 0, 195
		inputs = append(inputs, b)
	}
	for i, in := range inputs {
		sendAndHangUp(t, port, in)
		r.waitCount("clientError", i+1)
	}
	mustEcho(t, r, port)
	r.sync()
	if n := r.count("secureConnection"); n != 1 {
		t.Errorf("%d 'secureConnection' events for junk and one good client", n)
	}
	if n := r.count("clientError"); n != len(inputs) {
		t.Errorf("%d 'clientError' events for %d junk connections", n, len(inputs))
	}
	r.noBugEvents()
	r.stop()
	check()
}

// A real ClientHello cut off after every byte, then a half-close: the
// server gives up on each at once (a 'clientError' that is not the
// handshake timeout) and closes the connection.
func TestFaultTruncatedHello(t *testing.T) {
	check := leakCheck(t)
	r, port := startEcho(t, faultMode{}) // the default 120 s handshake timeout
	hello := clientHello(t)
	step := 1
	if testing.Short() {
		step = 7
	}
	var offsets []int
	for n := 0; n <= len(hello); n += step {
		offsets = append(offsets, n)
	}
	work := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failures []string
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range work {
				if err := truncatedHello(port, hello[:n]); err != nil {
					mu.Lock()
					failures = append(failures, fmt.Sprintf("prefix %d: %v", n, err))
					mu.Unlock()
				}
			}
		}()
	}
	for _, n := range offsets {
		work <- n
	}
	close(work)
	wg.Wait()
	t.Logf("%d prefixes of a %d-byte ClientHello", len(offsets), len(hello))
	if len(failures) > 0 {
		t.Fatalf("%d of %d prefixes: %s", len(failures), len(offsets), strings.Join(failures[:min(10, len(failures))], "; "))
	}
	errs := r.waitCount("clientError", len(offsets))
	for _, msg := range errs {
		if msg == "TLS handshake timeout" {
			t.Errorf("a truncated hello was only dropped by the handshake timeout")
			break
		}
	}
	mustEcho(t, r, port)
	r.sync()
	if n := r.count("clientError"); n != len(offsets) {
		t.Errorf("%d 'clientError' events for %d truncated hellos", n, len(offsets))
	}
	if n := r.count("secureConnection"); n != 1 {
		t.Errorf("%d 'secureConnection' events", n)
	}
	r.noBugEvents()
	r.stop()
	check()
}

func truncatedHello(port int, prefix []byte) error {
	c, err := net.DialTimeout("tcp", addr(port), hangGuard)
	if err != nil {
		return err
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(hangGuard))
	if _, err := c.Write(prefix); err != nil {
		return err
	}
	if err := c.(*net.TCPConn).CloseWrite(); err != nil {
		return err
	}
	_, err = readUntilClosed(c)
	return err
}

// Clients that reset the connection during the handshake and in the middle
// of a transfer.
func TestFaultReset(t *testing.T) {
	check := leakCheck(t)
	r, port := startEcho(t, faultMode{})
	hello := clientHello(t)

	t.Run("partial hello", func(t *testing.T) {
		n := r.count("clientError")
		c := rawDial(t, port)
		_, _ = c.Write(hello[:len(hello)/2])
		r.sync() // let the server read it
		resetClose(c)
		r.waitCount("clientError", n+1)
		mustEcho(t, r, port)
	})

	t.Run("after the server's flight", func(t *testing.T) {
		n := r.count("clientError")
		c := rawDial(t, port)
		if _, err := c.Write(hello); err != nil {
			t.Fatal(err)
		}
		// The ServerHello and the rest of the server's flight.
		if _, err := io.ReadFull(c, make([]byte, 5)); err != nil {
			t.Fatal(err)
		}
		resetClose(c)
		r.waitCount("clientError", n+1)
		mustEcho(t, r, port)
	})

	t.Run("mid-transfer while the server writes", func(t *testing.T) {
		closes, errs := r.count("close"), r.count("error")
		c, err := dialTLS(port, insecure())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Write([]byte("flood:1000000000")); err != nil {
			t.Fatal(err)
		}
		if _, err := io.ReadFull(c, make([]byte, 100000)); err != nil {
			t.Fatal(err)
		}
		resetClose(c.NetConn())
		r.waitCount("close", closes+1)
		codes := r.waitCount("error", errs+1)
		if code := codes[len(codes)-1]; code != "ECONNRESET" && code != "EPIPE" {
			t.Errorf("'error' with %q after a reset", code)
		}
		mustEcho(t, r, port)
	})

	t.Run("mid-transfer while the client writes", func(t *testing.T) {
		closes := r.count("close")
		c, err := dialTLS(port, insecure())
		if err != nil {
			t.Fatal(err)
		}
		big := make([]byte, 1<<20)
		go func() { _, _ = c.Write(big) }()
		if _, err := io.ReadFull(c, make([]byte, 1000)); err != nil {
			t.Fatal(err)
		}
		resetClose(c.NetConn())
		r.waitCount("close", closes+1)
		mustEcho(t, r, port)
	})

	r.sync()
	r.noBugEvents()
	r.stop()
	check()
}

// Handshakes that never complete end with 'clientError' 'TLS handshake
// timeout' (handshakeTimeout: 200) and a closed connection.
func TestFaultHandshakeTimeout(t *testing.T) {
	check := leakCheck(t)
	r, port := startEcho(t, faultMode{HandshakeTimeout: 200})
	hello := clientHello(t)
	for _, tc := range []struct {
		name string
		send []byte
	}{
		{"silent", nil},
		{"partial hello", hello[:len(hello)-1]},
		{"no client Finished", hello},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := r.count("clientError")
			c := rawDial(t, port)
			defer c.Close()
			if tc.send != nil {
				if _, err := c.Write(tc.send); err != nil {
					t.Fatal(err)
				}
			}
			errs := r.waitCount("clientError", n+1)
			if got := errs[n]; got != "TLS handshake timeout" {
				t.Errorf("'clientError' %q", got)
			}
			if _, err := readUntilClosed(c); err != nil {
				t.Error(err)
			}
			mustEcho(t, r, port)
		})
	}
	r.noBugEvents()
	r.stop()
	check()
}

// A peer that stops reading while the server writes: write() returns false
// with a bounded queue, no 'drain' comes while the peer reads nothing, and
// once it reads again every byte arrives, in order.
func TestFaultSlowReader(t *testing.T) {
	check := leakCheck(t)
	r, port := startEcho(t, faultMode{})
	const total = 64 << 20
	const highWaterMark = netmod.HighWaterMark
	const chunk = 251 * 64
	c, err := dialTLS(port, insecure())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Write([]byte(fmt.Sprintf("flood:%d", total))); err != nil {
		t.Fatal(err)
	}
	// Read nothing until the server stalls. Once it is flooding, "idle"
	// sets its socket's idle timeout (100 ms): 'timeout' says that nothing
	// was read or written for that long, while the server waits for a
	// 'drain' after its last 'full'.
	r.waitCount("full", 1)
	if _, err := c.Write([]byte("idle")); err != nil {
		t.Fatal(err)
	}
	r.waitCount("timeout", 1)
	r.sync()
	if full, drains := r.count("full"), r.count("drain"); drains != full-1 {
		t.Fatalf("stalled with %d 'full' and %d 'drain' events: not waiting for a 'drain'", full, drains)
	}
	var last struct{ Written, BufferSize int }
	for _, v := range r.values("full") {
		var f struct{ Written, BufferSize int }
		mustUnmarshal(t, v, &f)
		if f.BufferSize < highWaterMark || f.BufferSize >= highWaterMark+chunk {
			t.Errorf("write() returned false with %d bytes queued (high-water mark %d, chunk %d)", f.BufferSize, highWaterMark, chunk)
		}
		last = f
	}
	for _, v := range r.values("drain") {
		var d struct{ Written, BufferSize int }
		mustUnmarshal(t, v, &d)
		if d.BufferSize != 0 {
			t.Errorf("'drain' with %d bytes still queued", d.BufferSize)
		}
	}
	if last.Written >= total {
		t.Fatalf("the server wrote all %d bytes to a peer that reads nothing", total)
	}
	t.Logf("stalled after %d bytes with %d queued", last.Written, last.BufferSize)

	buf := make([]byte, 64*1024)
	var got int64
	for {
		n, err := c.Read(buf)
		if i := checkPattern(buf[:n], got); i >= 0 {
			t.Fatalf("byte %d is wrong", got+int64(i))
		}
		got += int64(n)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("after %d bytes: %v", got, err)
		}
	}
	if got != total {
		t.Fatalf("got %d bytes of %d", got, total)
	}
	_ = c.Close()
	r.waitCount("flooded", 1)
	mustEcho(t, r, port)
	r.noBugEvents()
	r.stop()
	check()
}

// close() with connections open: they go on echoing, new ones are refused,
// and the run ends by itself (exit code 0, 'close' on the server) once
// the last one is gone.
func TestFaultCloseWithOpenConnections(t *testing.T) {
	check := leakCheck(t)
	r, port := startEcho(t, faultMode{})
	var conns []*tls.Conn
	for i := 0; i < 5; i++ {
		c, err := dialTLS(port, insecure())
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		echoOn(t, c, fmt.Sprintf("before %d", i))
	}
	r.command("close")
	r.waitCount("closing", 1)
	if c, err := net.DialTimeout("tcp", addr(port), hangGuard); err == nil {
		_ = c.Close()
		t.Errorf("a connection was accepted after close()")
	}
	for i, c := range conns {
		echoOn(t, c, fmt.Sprintf("after %d", i))
	}
	if r.count("serverClose") != 0 {
		t.Errorf("'close' on the server while connections are open")
	}
	for _, c := range conns {
		_ = c.Close()
	}
	code, err := r.wait()
	if err != nil || code != 0 {
		t.Fatalf("run: code %d, err %v\nstderr:\n%s", code, err, r.stderr.String())
	}
	if r.count("serverClose") != 1 {
		t.Errorf("%d 'close' events on the server", r.count("serverClose"))
	}
	r.noBugEvents()
	check()
}

func echoOn(t testing.TB, c *tls.Conn, msg string) {
	t.Helper()
	if _, err := c.Write([]byte(msg)); err != nil {
		t.Fatal(err)
	}
	got := make([]byte, len(msg))
	if _, err := io.ReadFull(c, got); err != nil {
		t.Fatal(err)
	}
	if string(got) != msg {
		t.Fatalf("echo %q, want %q", got, msg)
	}
}
