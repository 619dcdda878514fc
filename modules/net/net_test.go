package net_test

import (
	"bytes"
	"context"
	"io"
	"net"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/gojatls/gojatls/runtime"
)

// run runs a script in a fresh runtime and returns its exit code and output.
func run(t *testing.T, ctx context.Context, source string, args ...string) (int, string, error) {
	t.Helper()
	return runIn(t, ctx, "", source, args...)
}

// runIn is run with the runtime's working directory set to dir.
func runIn(t *testing.T, ctx context.Context, dir, source string, args ...string) (int, string, error) {
	t.Helper()
	var out bytes.Buffer
	rt := runtime.New(runtime.Options{
		Dir:    dir,
		Args:   args,
		Stdin:  strings.NewReader(""),
		Stdout: &out,
		Stderr: &out,
	})
	code, err := rt.RunString(ctx, "leak.js", source)
	return code, out.String(), err
}

// An echo server and clients that close everything: once the program has
// ended, no goroutine of the sockets or the server is left.
func TestNoGoroutineLeftAfterClose(t *testing.T) {
	defer goleak.VerifyNone(t)
	code, out, err := run(t, context.Background(), `
		var net = require('net');
		var assert = require('assert');
		var server = net.createServer(function (c) { c.pipe(c); });
		server.listen(0, '127.0.0.1', function () {
			var left = 3;
			for (var i = 0; i < 3; i++) {
				(function (i) {
					var c = net.connect(server.address().port, '127.0.0.1');
					var got = '';
					c.setEncoding('utf8');
					c.on('data', function (d) { got += d; });
					c.on('close', function () {
						assert.strictEqual(got, 'hello ' + i);
						if (--left === 0) server.close();
					});
					// One client pauses and never resumes: its reader waits.
					if (i === 1) c.once('data', function () { c.pause(); setTimeout(function () { c.destroy(); }, 20); });
					c.end('hello ' + i);
				})(i);
			}
		});
	`)
	if err != nil || code != 0 {
		t.Fatalf("exit %d, %v\n%s", code, err, out)
	}
}

// A program that exits with a listening server, open and paused sockets and
// a write blocked on a peer that does not read leaves no goroutine behind
// either: the runtime closes them.
func TestNoGoroutineLeftAfterExit(t *testing.T) {
	// A peer outside the runtime that accepts and never reads, so that a
	// large write blocks in the writer goroutine.
	stuck, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer stuck.Close()
	accepted := make(chan net.Conn, 1)
	go func() {
		c, err := stuck.Accept()
		if err == nil {
			accepted <- c
		}
	}()
	defer func() {
		select {
		case c := <-accepted:
			c.Close()
		default:
		}
	}()
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())

	code, out, err := run(t, context.Background(), `
		var net = require('net');
		var stuckPort = Number(process.argv[2]);
		var server = net.createServer(function (c) { c.pause(); });
		server.listen(0, '127.0.0.1', function () {
			var a = net.connect(server.address().port, '127.0.0.1', function () {
				a.write('x');
				var b = net.connect(stuckPort, '127.0.0.1', function () {
					b.write(new Buffer(32 * 1024 * 1024));
					b.on('drain', function () { throw new Error('drained'); });
					setTimeout(function () { process.exit(0); }, 50);
				});
			});
			a.pause();
		});
	`, strconv.Itoa(stuck.Addr().(*net.TCPAddr).Port))
	if err != nil || code != 0 {
		t.Fatalf("exit %d, %v\n%s", code, err, out)
	}
}

// A program stopped by its context with sockets open leaves nothing either.
func TestNoGoroutineLeftAfterCancel(t *testing.T) {
	defer goleak.VerifyNone(t)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, out, err := run(t, ctx, `
		var net = require('net');
		var server = net.createServer(function (c) { c.on('data', function () {}); });
		server.listen(0, '127.0.0.1', function () {
			var c = net.connect(server.address().port, '127.0.0.1');
			setInterval(function () { c.write('tick'); }, 5);
		});
	`)
	if err == nil {
		t.Fatalf("the program should have been stopped by its context\n%s", out)
	}
}

// A relative Unix socket path is relative to the runtime's working
// directory (process.cwd()), not the Go process's.
func TestUnixPathRelativeToRuntimeCwd(t *testing.T) {
	dir := t.TempDir()
	code, out, err := runIn(t, context.Background(), dir, `
		var net = require('net');
		var fs = require('fs');
		var assert = require('assert');
		var server = net.createServer(function (c) { c.end('ok'); });
		server.listen('rel.sock', function () {
			assert.strictEqual(server.address(), 'rel.sock');
			assert.ok(fs.statSync(process.cwd() + '/rel.sock').isSocket());
			var got = '';
			net.connect('rel.sock').on('data', function (d) { got += d; }).on('end', function () {
				assert.strictEqual(got, 'ok');
				server.close();
			});
		});
	`)
	if err != nil || code != 0 {
		t.Fatalf("exit %d, %v\n%s", code, err, out)
	}
}

// new net.Socket({fd: n}) takes over a connected socket the process has;
// new net.Socket(n) is Node 0.4's form of it. The socket owns the
// descriptor: once the script destroys it, the peer sees the end (which it
// would not if the descriptor were still open somewhere).
func TestSocketFromFd(t *testing.T) {
	for _, form := range []string{"{ fd: fd }", "fd"} {
		fds, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
		if err != nil {
			t.Fatal(err)
		}
		pf := os.NewFile(uintptr(fds[1]), "peer")
		peer, err := net.FileConn(pf)
		pf.Close()
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan string, 1)
		go func() {
			defer peer.Close()
			_, _ = peer.Write([]byte("ping"))
			_ = peer.SetReadDeadline(time.Now().Add(10 * time.Second))
			b, err := io.ReadAll(peer)
			if err != nil {
				done <- "error: " + err.Error()
				return
			}
			done <- string(b)
		}()
		code, out, err := run(t, context.Background(), `
			var net = require('net');
			var assert = require('assert');
			var fd = Number(process.argv[2]);
			var s = new net.Socket(`+form+`);
			assert.strictEqual(s.readable, true);
			assert.strictEqual(s.writable, true);
			s.on('data', function (d) {
				assert.strictEqual(d.toString(), 'ping');
				s.write('pong', function () { s.destroy(); });
			});
		`, strconv.Itoa(fds[0]))
		if err != nil || code != 0 {
			t.Fatalf("%s: exit %d, %v\n%s", form, code, err, out)
		}
		if got := <-done; got != "pong" {
			t.Errorf("%s: the peer read %q, want %q", form, got, "pong")
		}
	}
}

// A file descriptor that is not a socket is refused with an error, and is
// left open.
func TestSocketFromBadFd(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	code, out, err := run(t, context.Background(), `
		var net = require('net');
		var assert = require('assert');
		assert.throws(function () { new net.Socket({ fd: Number(process.argv[2]) }); },
			function (err) { return err.code === 'ENOTSOCK' && err.syscall === 'open'; });
		assert.throws(function () { new net.Socket({ fd: -1 }); }, TypeError);
	`, strconv.Itoa(int(r.Fd())))
	if err != nil || code != 0 {
		t.Fatalf("exit %d, %v\n%s", code, err, out)
	}
	if _, err := w.Write([]byte("x")); err != nil {
		t.Errorf("the pipe was closed: %v", err)
	}
}
