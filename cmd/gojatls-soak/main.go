// Command gojatls-soak is a long load test of a gojatls TLS echo server:
// thousands of concurrent connections that echo, churn (close and are
// replaced, cleanly, abruptly or with a reset) and now and then misbehave
// (junk, a cut-off handshake, a stalled handshake), for a set duration. At
// the end it reports client-side errors and the server's memory,
// goroutines, descriptors and open connections, during the load, after
// every client left, and after the runtime ended. It is not run by go test.
//
//	gojatls-soak [-conns 10000] [-duration 1m] [-hostile 0.01] [-inprocess]
//
// The server runs in a child process (this program with -serve) so that
// each side has its own descriptor limit: 10,000 connections need 10,000
// descriptors on each side. The exit code is 1 when data came back wrong,
// a connection failed in a way the load does not explain, or the server
// kept connections or goroutines after the clients left.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

func main() {
	var o options
	flag.IntVar(&o.conns, "conns", 10000, "concurrent connections to hold")
	flag.DurationVar(&o.duration, "duration", time.Minute, "how long the load runs")
	flag.Float64Var(&o.hostile, "hostile", 0.01, "fraction of new connections that misbehave")
	flag.IntVar(&o.dialers, "dialers", 128, "handshakes in flight at once")
	flag.BoolVar(&o.inProcess, "inprocess", false, "run the server in this process (needs twice the descriptors)")
	serve := flag.Bool("serve", false, "run only the server, for the parent soak process (internal)")
	flag.Parse()

	raiseFileLimit()
	if *serve {
		os.Exit(serveMain(os.Stdin, os.Stdout))
	}
	os.Exit(soak(o))
}

type options struct {
	conns     int
	duration  time.Duration
	hostile   float64
	dialers   int
	inProcess bool
}

// raiseFileLimit lifts the soft descriptor limit to the hard one.
func raiseFileLimit() {
	var lim syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim) == nil && lim.Cur < lim.Max {
		lim.Cur = lim.Max
		_ = syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim)
	}
}

// serverLink is how the soak talks to the server: ask for a stats line,
// and shut it down.
type serverLink struct {
	port     int
	ask      func(cmd string) (serverStats, error)
	shutdown func() (serverStats, error)
}

// startChild runs this program with -serve and reads its port.
func startChild() (*serverLink, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(exe, "-serve")
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	outPipe, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	out := bufio.NewReader(outPipe)
	readStats := func() (serverStats, error) {
		var st serverStats
		line, err := out.ReadString('\n')
		if err != nil {
			return st, fmt.Errorf("server: %w", err)
		}
		return st, json.Unmarshal([]byte(line), &st)
	}
	first, err := readStats()
	if err != nil {
		return nil, err
	}
	link := &serverLink{port: first.Port}
	link.ask = func(c string) (serverStats, error) {
		if _, err := fmt.Fprintln(in, c); err != nil {
			return serverStats{}, err
		}
		return readStats()
	}
	link.shutdown = func() (serverStats, error) {
		_ = in.Close()
		st, err := readStats()
		_ = cmd.Wait()
		return st, err
	}
	return link, nil
}

// startInProcess runs the server on goroutines of this process, talking
// the same line protocol through pipes.
func startInProcess() (*serverLink, error) {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	go func() {
		serveMain(inR, outW)
		_ = outW.Close()
	}()
	out := bufio.NewReader(outR)
	readStats := func() (serverStats, error) {
		var st serverStats
		line, err := out.ReadString('\n')
		if err != nil {
			return st, err
		}
		return st, json.Unmarshal([]byte(line), &st)
	}
	first, err := readStats()
	if err != nil {
		return nil, err
	}
	return &serverLink{
		port: first.Port,
		ask: func(c string) (serverStats, error) {
			if _, err := fmt.Fprintln(inW, c); err != nil {
				return serverStats{}, err
			}
			return readStats()
		},
		shutdown: func() (serverStats, error) {
			_ = inW.Close()
			return readStats()
		},
	}, nil
}

func soak(o options) int {
	var link *serverLink
	var err error
	if o.inProcess {
		link, err = startInProcess()
	} else {
		link, err = startChild()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gojatls-soak: starting the server:", err)
		return 2
	}
	base, _ := link.ask("stats")
	fmt.Printf("server on port %d: %d goroutines, %d descriptors at rest\n", link.port, base.Goroutines, base.FDs)
	fmt.Printf("load: %d connections, %v, %.1f%% hostile\n", o.conns, o.duration, 100*o.hostile)

	ctx, cancel := context.WithTimeout(context.Background(), o.duration)
	defer cancel()
	l := newLoad(link.port, o)
	peak := l.run(ctx, func() {
		// Midway, with the load at its height: the server's view.
		st, err := link.ask("stats")
		if err == nil {
			l.during = st
		}
	})
	after, _ := waitIdle(link)
	final, err := link.shutdown()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gojatls-soak: stopping the server:", err)
	}

	fmt.Println()
	l.report(os.Stdout, peak)
	fmt.Println()
	fmt.Println("server                 goroutines  descriptors  heap MiB   sys MiB   RSS MiB  connections")
	row := func(name string, s serverStats) {
		fmt.Printf("%-22s %10d %12d %9.1f %9.1f %9.1f %12d\n", name, s.Goroutines, s.FDs,
			mib(s.HeapAlloc), mib(s.Sys), mib(s.RSS), s.Connections)
	}
	row("at rest", base)
	row("during the load", l.during)
	row("after clients left", after)
	row("after the runtime", final)
	if final.Code != 0 || final.Err != "" {
		fmt.Printf("the server's run ended with code %d, %s\n", final.Code, final.Err)
	}

	failed := l.failed()
	if after.Connections != 0 {
		fmt.Printf("FAIL: the server still counts %d connections after every client left\n", after.Connections)
		failed = true
	}
	// What stays after the runtime ended is what the process had before
	// it, give or take the few goroutines Go keeps.
	if final.Goroutines > base.Goroutines+5 || final.FDs > base.FDs+2 {
		fmt.Printf("FAIL: left behind after the runtime ended: %d goroutines (%d at rest), %d descriptors (%d at rest)\n",
			final.Goroutines, base.Goroutines, final.FDs, base.FDs)
		if final.Stacks != "" {
			fmt.Println(final.Stacks)
		}
		failed = true
	}
	if failed {
		return 1
	}
	fmt.Println("PASS")
	return 0
}

// waitIdle asks the server for its stats until it has no connection left
// (or a minute went by: the answer then shows what stayed).
func waitIdle(link *serverLink) (serverStats, error) {
	deadline := time.Now().Add(time.Minute)
	for {
		st, err := link.ask("stats")
		if err != nil || st.Connections == 0 && st.Open == 0 || time.Now().After(deadline) {
			return st, err
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func mib(n uint64) float64 { return float64(n) / (1 << 20) }

// errorKind shortens an error to what it is, without addresses.
func errorKind(err error) string {
	s := err.Error()
	for _, known := range []string{"connection reset by peer", "broken pipe", "i/o timeout", "EOF",
		"connection refused", "too many open files", "cannot assign requested address", "handshake",
		"use of closed network connection", "remote error"} {
		if strings.Contains(s, known) {
			return known
		}
	}
	if len(s) > 60 {
		s = s[:60]
	}
	return s
}
