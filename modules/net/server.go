package net

import (
	"errors"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

// Server is the Go side of a net.Server: a listener with an accept
// goroutine. Each accepted connection goes to Accept on the loop.
type Server struct {
	e      *jsbridge.Env
	owner  *goja.Object // loop: the JS server
	handle *jsbridge.Handle

	// Handshake, when set, is a step between accepting a connection and
	// handing it to JS: tls's handshake. It runs on the loop for each
	// accepted connection (not those over the JS server's maxConnections,
	// which are closed) and later calls ready, on the loop, with the
	// connection JS is to read and write, or does not call it when the
	// connection failed (it reports that itself).
	Handshake func(raw net.Conn, ready Ready)

	// reader makes the read strategy of each connection (the server's
	// connection options; nil: raw chunks). Loop.
	reader ReaderFactory

	closed   bool   // loop
	unrefd   bool   // loop: unref() came before the listener existed
	pathName string // loop: a Unix socket's path as the script gave it
	// sendable: the listener may be sent to another process
	// (child.send(message, server._handle)): a plain net server's, not a
	// tls server's, whose TLS state would not go with it.
	sendable bool
	// received: a listener received from another process that no server
	// has adopted yet (ReceivedServer): it does not accept, holds the
	// program open or have an owner until Adopt moves it to a server.
	received bool // loop

	stopAtEnd func() bool // loop: cancels the stop at the runtime's end

	mu          sync.Mutex
	listener    net.Listener
	done        chan struct{} // closed by stop: the accept goroutine ends
	pausedUntil time.Time     // server.pause(ms)
	kicked      bool          // pauseAccept set a deadline on the listener
	accepting   bool          // the accept goroutine is in (or entering) Accept
	acceptOut   *sync.Cond    // signalled when accepting turns false
	stopOnce    sync.Once
}

// Ready is how a Handshake step hands on a connection: conn is what JS
// reads and writes (readSize the most one read returns), and connected
// hands the new Conn to JS (nil: the server's _onConnection).
type Ready func(conn net.Conn, readSize int, connected func(c *Conn))

// NewServer makes a server for the JS object owner.
func NewServer(e *jsbridge.Env, owner *goja.Object) *Server {
	s := &Server{e: e, owner: owner, done: make(chan struct{})}
	s.acceptOut = sync.NewCond(&s.mu)
	return s
}

// ready makes the Conn of an accepted connection, with the server's
// connection options, and hands it to JS.
func (s *Server) ready(conn net.Conn, size int, connected func(c *Conn)) {
	c := NewConn(s.e, conn, size)
	if s.reader != nil {
		c.strategy = s.reader.NewReader()
	}
	if connected != nil {
		connected(c)
		return
	}
	s.e.Call(s.owner.Get("_onConnection"), s.owner, c.Handle())
}

// Listen starts listening and calls done on the loop, later, with nil or
// the JS error to emit. If Close comes first, done is not called.
//
// An IP address or a Unix socket path is bound at once, as Node 0.7 bound
// them within listen(), so that servers take their ports in the order
// their listen() calls came (a second listen() on the same port fails
// with EADDRINUSE); a host name is looked up on a goroutine first.
func (s *Server) Listen(network, address string, done func(err *goja.Object)) {
	e := s.e
	name := address
	if network == "unix" {
		address = unixPath(e, address)
	} else {
		name = ""
	}
	finish := func(l net.Listener, err error) {
		if s.closed {
			if l != nil {
				_ = l.Close()
			}
			return
		}
		if err != nil {
			done(sysError(e, err, "listen"))
			return
		}
		s.start(l, name)
		done(nil)
	}
	if network == "unix" || literalHost(address) {
		l, err := net.Listen(network, address)
		e.PostOr(func() { finish(l, err) }, func() {
			if l != nil {
				_ = l.Close()
			}
		})
		return
	}
	e.GoOr(func() (func(), func()) {
		l, err := net.Listen(network, address)
		var release func()
		if l != nil {
			release = func() { _ = l.Close() }
		}
		return func() { finish(l, err) }, release
	})
}

// literalHost reports whether a host:port address needs no lookup.
func literalHost(address string) bool {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return false
	}
	if i := strings.LastIndexByte(host, '%'); i >= 0 {
		host = host[:i] // an IPv6 zone
	}
	_, err = netip.ParseAddr(host)
	return host == "" || err == nil
}

// start makes s accept on l, a listener it now owns; pathName is a Unix
// socket's path as the script gave it (or "").
func (s *Server) start(l net.Listener, pathName string) {
	s.mu.Lock()
	s.listener = l
	s.mu.Unlock()
	s.pathName = pathName
	s.handle = s.e.NewHandle()
	if s.unrefd {
		s.handle.Unref()
	}
	s.stopAtEnd = s.e.AfterEnd(s.stop)
	go s.acceptLoop(l)
}

// stop ends accepting and closes the listener (if any): Close, or the
// runtime's end (from any goroutine then).
func (s *Server) stop() {
	s.stopOnce.Do(func() { close(s.done) })
	s.mu.Lock()
	l := s.listener
	s.mu.Unlock()
	if l != nil {
		// A Unix socket's file goes with its listener (Go removes it, as
		// libuv did for Node). A received one's stays: Go removes only
		// the files of its own listeners, and libuv those it bound.
		_ = l.Close()
	}
}

// Sendable reports whether the server's listener may be sent to another
// process: a plain net server's may, a tls server's may not.
func (s *Server) Sendable() bool { return s.sendable }

// ListenerFile is a duplicate of the listening socket, for sending to
// another process (which then accepts on the same socket as this one).
// The caller closes it. The server must be Sendable and listening (a
// received listener not adopted yet may be sent on as well).
func (s *Server) ListenerFile() (*os.File, error) {
	if !s.sendable {
		return nil, errors.New("this server's listener cannot be sent")
	}
	s.mu.Lock()
	l := s.listener
	s.mu.Unlock()
	if l == nil || s.closed {
		return nil, errors.New("the server is not listening")
	}
	fl, ok := l.(interface{ File() (*os.File, error) })
	if !ok {
		return nil, errors.New("the listener has no descriptor")
	}
	return fl.File()
}

// ReceivedServer is the server handle for a listening socket received
// from another process (f; it is closed here). It does nothing until a
// server adopts it (server.listen(handle)); one that is never adopted is
// closed by handle.close() or when the runtime ends.
func ReceivedServer(e *jsbridge.Env, f *os.File) (*goja.Object, error) {
	l, err := net.FileListener(f)
	_ = f.Close()
	if err != nil {
		return nil, err
	}
	s := NewServer(e, nil)
	s.sendable = true
	s.received = true
	s.listener = l
	s.stopAtEnd = e.AfterEnd(s.stop)
	return e.NewWrapped(ServerProto(e), s), nil
}

// Adopt makes s, a server not listening yet, accept on the listener of
// from, a received server handle (ReceivedServer) that no server has
// adopted: the listen(handle) of a net.Server in a child given its
// parent's server. from is spent afterwards (closed, without closing the
// listener, which is s's now). The 'listening' event is the caller's.
func (s *Server) Adopt(from *Server) error {
	if s.closed || s.listener != nil {
		return errors.New("the server is already listening")
	}
	if from == s || !from.received || from.closed {
		return errors.New("the handle is not a server handle received from another process, or a server has taken it already")
	}
	from.mu.Lock()
	l := from.listener
	from.listener = nil
	from.mu.Unlock()
	from.received = false
	from.closed = true
	from.stopAtEnd()
	from.stop()    // the listener is s's now: stop only ends from's accepting
	s.start(l, "") // a Unix socket's address is the path it was bound to
	return nil
}

func (s *Server) acceptLoop(l net.Listener) {
	for {
		if !s.waitPause(l) {
			return
		}
		conn, err := l.Accept()
		s.mu.Lock()
		s.accepting = false
		s.acceptOut.Broadcast()
		s.mu.Unlock()
		if err != nil {
			select {
			case <-s.done:
				return
			default:
			}
			if errors.Is(err, net.ErrClosed) {
				return
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				continue // server.pause() interrupted Accept
			}
			// EMFILE and the like: report and keep accepting, as Node
			// does, after a breath so as not to spin.
			s.e.Post(func() {
				if !s.closed {
					s.e.Emit(s.owner, "error", sysError(s.e, err, "accept"))
				}
			})
			select {
			case <-s.done:
				return
			case <-time.After(10 * time.Millisecond):
			}
			continue
		}
		// Accepted before pause() returned (pauseAccept waits for Accept
		// to return): delivered, as Node delivered what its accept()
		// returned before the script paused.
		s.e.PostOr(func() { s.accepted(conn) }, func() { _ = conn.Close() })
	}
}

// waitPause waits while server.pause() is in effect; false means the
// server closed meanwhile. When it returns true the goroutine counts as
// accepting: the check and the mark are one step under mu, so a pause()
// either comes first (and is waited out) or interrupts the Accept.
func (s *Server) waitPause(l net.Listener) bool {
	for {
		s.mu.Lock()
		wait := time.Until(s.pausedUntil)
		if wait <= 0 {
			if s.kicked {
				s.kicked = false
				setDeadline(l, time.Time{})
			}
			s.accepting = true
			s.mu.Unlock()
			return true
		}
		s.mu.Unlock()
		t := time.NewTimer(wait)
		select {
		case <-s.done:
			t.Stop()
			return false
		case <-t.C:
		}
	}
}

// setDeadline sets l's deadline and reports whether l has one.
func setDeadline(l net.Listener, t time.Time) bool {
	dl, ok := l.(interface{ SetDeadline(time.Time) error })
	return ok && dl.SetDeadline(t) == nil
}

// accepted runs on the loop for each connection the listener accepted.
func (s *Server) accepted(conn net.Conn) {
	if s.closed {
		_ = conn.Close()
		return
	}
	// As in Node 0.7, maxConnections counts only when set and above 0.
	if max := s.maxConnections(); max > 0 && s.connections() >= max {
		_ = conn.Close()
		return
	}
	if s.Handshake != nil {
		s.Handshake(conn, s.ready)
		return
	}
	s.ready(conn, readSize, nil)
}

func (s *Server) maxConnections() int64 {
	v := s.owner.Get("maxConnections")
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return 0
	}
	return v.ToInteger()
}

func (s *Server) connections() int64 {
	v := s.owner.Get("connections")
	if v == nil {
		return 0
	}
	return v.ToInteger()
}

// Opened counts a connection that the server handles before JS sees it (a
// tls server's, while it handshakes) in the JS server's connections, as
// Node 0.7 counted every socket its net.Server accepted: maxConnections
// and close() then see it. The JS socket made for it later must not count
// it again. Loop goroutine only.
func (s *Server) Opened() {
	s.owner.Set("connections", s.connections()+1)
}

// Dropped uncounts a connection counted with Opened that ended before a JS
// socket took it over, then runs report (if not nil: the event that says
// why); 'close' follows if the server was closed and this was its last
// connection. Loop goroutine only.
func (s *Server) Dropped(report func()) {
	s.owner.Set("connections", s.connections()-1)
	if report != nil {
		report()
	}
	s.e.Call(s.owner.Get("_emitCloseIfDrained"), s.owner)
}

// Close stops accepting. It reports whether the server was listening.
// Connections already accepted stay open.
func (s *Server) Close() bool {
	if s.closed {
		return false
	}
	s.closed = true
	s.mu.Lock()
	listening := s.listener != nil
	s.mu.Unlock()
	s.stop()
	if s.stopAtEnd != nil {
		s.stopAtEnd()
	}
	if !listening {
		return false
	}
	if s.handle != nil {
		s.handle.Close()
	}
	return true
}

// Address is the bound address as Node reports it: {address, family,
// port}, or a Unix socket's path.
func (s *Server) Address() goja.Value {
	s.mu.Lock()
	l := s.listener
	s.mu.Unlock()
	if l == nil || s.closed {
		return goja.Null()
	}
	if s.pathName != "" {
		return s.e.VM.ToValue(s.pathName)
	}
	return addressObject(s.e, l.Addr())
}

// Ref makes a listening server hold the program open again.
func (s *Server) Ref() {
	s.unrefd = false
	if s.handle != nil {
		s.handle.Ref()
	}
}

// Unref lets the program end while the server listens.
func (s *Server) Unref() {
	s.unrefd = true
	if s.handle != nil {
		s.handle.Unref()
	}
}

// pauseAccept stops accepting for d. As Node's pause() stopped watching
// the listening socket, no accept(2) runs once it returns: connections
// that come meanwhile stay in the kernel's backlog (where another process
// sharing the socket takes them). An Accept in progress is interrupted
// with a deadline (which waitPause clears) and waited for: the deadline
// alone is not enough, as Go's Accept still calls accept(2) when a
// connection's readiness came before the deadline's wake-up was seen.
func (s *Server) pauseAccept(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pausedUntil = time.Now().Add(d)
	if s.accepting && s.listener != nil && setDeadline(s.listener, time.Now()) {
		s.kicked = true
		for s.accepting {
			s.acceptOut.Wait()
		}
	}
}

// unixPath resolves a relative Unix socket path against the runtime's
// working directory, which may not be the process's. (It is left relative
// otherwise: socket paths are short.)
func unixPath(e *jsbridge.Env, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	if wd, err := os.Getwd(); err == nil && wd == e.Host().Cwd() {
		return p
	}
	return filepath.Join(e.Host().Cwd(), p)
}

// JoinHostPort builds a dial or listen address from Node's port and host.
func JoinHostPort(host string, port int) string {
	return net.JoinHostPort(host, strconv.Itoa(port))
}
