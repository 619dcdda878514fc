package jstests

// destroy() and exceptions from inside every event handler of a TLS
// server and its sockets.

import (
	"crypto/tls"
	"io"
	"net"
	"strings"
	"testing"
)

// provocation makes the event happen once on a fresh server. It returns the
// client connection the event happened on (nil for none) and the reader
// goroutine's end, if it started one.
type provocation func(t *testing.T, r *scriptRun, port int) (client net.Conn, reading <-chan struct{})

var provocations = []struct {
	event   string
	provoke provocation
}{
	{"secureConnection", func(t *testing.T, r *scriptRun, port int) (net.Conn, <-chan struct{}) {
		return mustDial(t, port), nil
	}},
	{"data", func(t *testing.T, r *scriptRun, port int) (net.Conn, <-chan struct{}) {
		c := mustDial(t, port)
		mustWrite(t, c, "x")
		return c, nil
	}},
	{"end", func(t *testing.T, r *scriptRun, port int) (net.Conn, <-chan struct{}) {
		c := mustDial(t, port)
		if err := c.CloseWrite(); err != nil { // close_notify
			t.Fatal(err)
		}
		return c, nil
	}},
	{"close", func(t *testing.T, r *scriptRun, port int) (net.Conn, <-chan struct{}) {
		c := mustDial(t, port)
		echoOn(t, c, "bye")
		_ = c.Close()
		return nil, nil
	}},
	{"drain", func(t *testing.T, r *scriptRun, port int) (net.Conn, <-chan struct{}) {
		c := mustDial(t, port)
		mustWrite(t, c, "flood:4194304")
		done := make(chan struct{})
		go func() {
			defer close(done)
			_, _ = io.Copy(io.Discard, c)
		}()
		return c, done
	}},
	{"timeout", func(t *testing.T, r *scriptRun, port int) (net.Conn, <-chan struct{}) {
		c := mustDial(t, port)
		mustWrite(t, c, "idle")
		return c, nil
	}},
	{"error", func(t *testing.T, r *scriptRun, port int) (net.Conn, <-chan struct{}) {
		c := mustDial(t, port)
		mustWrite(t, c, "flood:1000000000")
		if _, err := io.ReadFull(c, make([]byte, 100000)); err != nil {
			t.Fatal(err)
		}
		resetClose(c.NetConn())
		return nil, nil
	}},
	{"clientError", func(t *testing.T, r *scriptRun, port int) (net.Conn, <-chan struct{}) {
		// An established connection first: destroy() in 'clientError'
		// destroys every open socket.
		c := mustDial(t, port)
		echoOn(t, c, "established")
		sendAndHangUp(t, port, []byte("GET / HTTP/1.0\r\n\r\n"))
		return c, nil
	}},
}

func mustDial(t testing.TB, port int) *tls.Conn {
	t.Helper()
	c, err := dialTLS(port, insecure())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func mustWrite(t testing.TB, c net.Conn, s string) {
	t.Helper()
	if _, err := c.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
}

// destroy() from inside each handler: the socket closes once ('close'
// exactly once, no event after it), the client sees the connection end,
// and the server serves the next client.
func TestFaultDestroyInHandlers(t *testing.T) {
	for _, p := range provocations {
		t.Run(p.event, func(t *testing.T) {
			check := leakCheck(t)
			r, port := startEcho(t, faultMode{Action: "destroy", At: p.event})
			c, reading := p.provoke(t, r, port)
			r.waitCount("at", 1)
			if p.event != "close" {
				r.waitCount("close", 1)
			}
			if c != nil {
				if reading != nil {
					<-reading
				} else if _, err := readUntilClosed(c); err != nil {
					t.Error(err)
				}
				_ = c.Close()
			}
			mustEcho(t, r, port)
			r.sync()
			r.noBugEvents()
			r.stop()
			check()
		})
	}
}

// An exception thrown from each handler with an 'uncaughtException'
// listener: the listener gets it and the server goes on serving.
func TestFaultThrowInHandlersCaught(t *testing.T) {
	for _, p := range provocations {
		t.Run(p.event, func(t *testing.T) {
			check := leakCheck(t)
			r, port := startEcho(t, faultMode{Action: "catch", At: p.event})
			c, reading := p.provoke(t, r, port)
			got := r.waitCount("uncaught", 1)
			if got[0] != "boom-"+p.event {
				t.Errorf("'uncaughtException' with %q", got[0])
			}
			mustEcho(t, r, port)
			if c != nil {
				_ = c.Close()
			}
			if reading != nil {
				<-reading
			}
			r.sync()
			if n := r.count("uncaught"); n != 1 {
				t.Errorf("%d 'uncaughtException' events", n)
			}
			r.noBugEvents()
			r.stop()
			check()
		})
	}
}

// An exception thrown from each handler without a listener ends the run
// with exit code 1 and the error on stderr, and releases everything.
func TestFaultThrowInHandlersUncaught(t *testing.T) {
	for _, p := range provocations {
		t.Run(p.event, func(t *testing.T) {
			check := leakCheck(t)
			r, port := startEcho(t, faultMode{Action: "throw", At: p.event})
			// Each provocation is done by the time the handler runs.
			c, reading := p.provoke(t, r, port)
			if c != nil {
				_, _ = readUntilClosed(c)
				_ = c.Close()
			}
			if reading != nil {
				<-reading
			}
			code, err := r.wait()
			if err != nil || code != 1 {
				t.Errorf("run: code %d, err %v; want code 1", code, err)
			}
			stderr := r.stderr.String()
			if !strings.Contains(stderr, "Error: boom-"+p.event) {
				t.Errorf("stderr does not show the error:\n%s", stderr)
			}
			if _, err := net.Dial("tcp", addr(port)); err == nil {
				t.Errorf("the port still accepts connections after the run ended")
			}
			check()
		})
	}
}
