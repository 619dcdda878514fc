package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/gojatls/gojatls/runtime"
)

// The loop-time figures. gojatls runs every script on one loop goroutine,
// the serial part of each connection; its busy time (Runtime.LoopBusy: the
// wall time of the loop's turns, not its waits) bounds what one process
// can serve. The gojatls command cannot report it, so the bench runs the
// echo and https scripts as the command does (runtime.New, then RunFile)
// in a child that is this program re-executed with -serve-gojatls, and
// asks that child for LoopBusy over a socket at its descriptor 3 at the
// start and the end of each measured window: loop time and server CPU come
// from the same process and the same window.

// ctlFD is the child's end of the control socket.
const ctlFD = 3

// serveEmbedded runs SCRIPT on the gojatls runtime in this process
// (-serve-gojatls ARGV0 SCRIPT; ARGV0 is process.execPath, a gojatls
// binary, as the command would have it) and answers each line read from
// descriptor 3 with the loop's busy time in nanoseconds.
func serveEmbedded(args []string) {
	if len(args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gojatls-bench -serve-gojatls ARGV0 SCRIPT")
		os.Exit(2)
	}
	rt := runtime.New(runtime.Options{Argv0: args[0], Stdout: os.Stdout, Stderr: os.Stderr})
	ctl := os.NewFile(ctlFD, "ctl")
	go func() {
		r := bufio.NewReader(ctl)
		for {
			if _, err := r.ReadString('\n'); err != nil {
				return // the bench has gone; SIGTERM ends this process
			}
			if _, err := fmt.Fprintf(ctl, "%d\n", rt.LoopBusy().Nanoseconds()); err != nil {
				return
			}
		}
	}()
	runAndExit(rt, args[1])
}

// runAndExit runs script on rt and exits with its code.
func runAndExit(rt *runtime.Runtime, script string) {
	code, err := rt.RunFile(context.Background(), script)
	if err != nil {
		fatal(err)
	}
	os.Exit(code)
}

// loopProbe is the bench's end of an embedded server's control socket.
type loopProbe struct {
	conn net.Conn
	r    *bufio.Reader
}

// embeddedCommand is the command that runs script (in the server's
// directory) on the runtime embedded in this program, and the probe that
// reads its loop time once the command has started (startServer closes
// the child's end of the socket in this process).
func embeddedCommand(c *config, script string) (*exec.Cmd, *loopProbe, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, nil, err
	}
	fds, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		return nil, nil, err
	}
	mine := os.NewFile(uintptr(fds[0]), "ctl")
	conn, err := net.FileConn(mine) // a duplicate, with deadlines
	mine.Close()
	if err != nil {
		syscall.Close(fds[1])
		return nil, nil, err
	}
	cmd := exec.Command(self, "-serve-gojatls", c.gojatlsBin, script)
	cmd.ExtraFiles = []*os.File{os.NewFile(uintptr(fds[1]), "ctl-child")} // descriptor 3
	return cmd, &loopProbe{conn: conn, r: bufio.NewReader(conn)}, nil
}

// busy asks the server for its loop's busy time so far.
func (lp *loopProbe) busy() (time.Duration, error) {
	_ = lp.conn.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := lp.conn.Write([]byte("busy\n")); err != nil {
		return 0, err
	}
	line, err := lp.r.ReadString('\n')
	if err != nil {
		return 0, err
	}
	return parseBusy(line)
}

// parseBusy reads the server's answer: nanoseconds, one line.
func parseBusy(line string) (time.Duration, error) {
	ns, err := strconv.ParseInt(strings.TrimSpace(line), 10, 64)
	if err != nil || ns < 0 {
		return 0, errors.New("bad loop-time answer " + strconv.Quote(line))
	}
	return time.Duration(ns), nil
}

func (lp *loopProbe) close() {
	if lp != nil {
		lp.conn.Close()
	}
}
