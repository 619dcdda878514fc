package main

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	goruntime "runtime"
	"runtime/pprof"
	"runtime/trace"
	"slices"
	"syscall"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/runtime"
)

// serveGo is the pure-Go reference (the bench re-executes itself with
// -serve-go ADDR EXAMPLES-DIR): tls-server.js's behaviour written with
// crypto/tls. It asks for a client certificate and checks it against
// client-cert.pem when one is sent, logs each connection like the script,
// greets with "welcome!\n" and echoes until the client ends.
func serveGo(args []string) {
	if len(args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gojatls-bench -serve-go ADDR EXAMPLES-DIR")
		os.Exit(2)
	}
	addr, dir := args[0], args[1]
	cert, err := tls.LoadX509KeyPair(filepath.Join(dir, "server-cert.pem"), filepath.Join(dir, "server-key.pem"))
	if err != nil {
		fatal(err)
	}
	caPEM, err := os.ReadFile(filepath.Join(dir, "client-cert.pem"))
	if err != nil {
		fatal(err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(caPEM) {
		fatal(fmt.Errorf("no certificate in client-cert.pem"))
	}
	cfg := &tls.Config{
		Certificates: []tls.Certificate{cert},
		ClientAuth:   tls.VerifyClientCertIfGiven,
		ClientCAs:    pool,
	}
	ln, err := tls.Listen("tcp", addr, cfg)
	if err != nil {
		fatal(err)
	}
	fmt.Println("server bound")
	for {
		c, err := ln.Accept()
		if err != nil {
			fatal(err)
		}
		go func() {
			tc := c.(*tls.Conn)
			defer tc.Close()
			if err := tc.Handshake(); err != nil {
				return
			}
			auth := "unauthorized"
			if len(tc.ConnectionState().VerifiedChains) > 0 {
				auth = "authorized"
			}
			fmt.Println("server connected", auth)
			if _, err := io.WriteString(tc, greeting); err != nil {
				return
			}
			_, _ = io.Copy(tc, tc)
		}()
	}
}

// serveProfiled runs tls-server.js in this process on the gojatls runtime
// (-serve-profiled PREFIX EXAMPLES-DIR [js]). SIGUSR1 starts a CPU profile
// (and with "js" goja's profile of the JS functions, whose own allocations
// then show in the allocation profile; with "trace" an execution trace),
// and writes PREFIX-allocs-base.pprof; SIGUSR2 stops the profiles into
// PREFIX-cpu.pprof, PREFIX-js.pprof and PREFIX-trace.out,
// writes PREFIX-allocs.pprof and PREFIX-memstats.txt and exits. The allocations
// of the load alone are the difference of the two allocation profiles
// (go tool pprof -diff_base).
func serveProfiled(args []string) {
	if len(args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: gojatls-bench -serve-profiled PREFIX EXAMPLES-DIR [js] [trace]")
		os.Exit(2)
	}
	prefix, dir := args[0], args[1]
	withJS, withTrace := slices.Contains(args[2:], "js"), slices.Contains(args[2:], "trace")
	// The idle phase samples allocations finely, so that its profile
	// attributes the few KiB each connection holds (the default samples
	// every 512 KiB); the others keep the default, which costs no CPU.
	if filepath.Base(prefix) == "idle" {
		goruntime.MemProfileRate = 4096
	}
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, syscall.SIGUSR1, syscall.SIGUSR2)
	go func() {
		var cpu, js, tr *os.File
		for s := range sigs {
			if s == syscall.SIGUSR1 && cpu == nil {
				writeAllocs(prefix + "-allocs-base.pprof")
				f, err := os.Create(prefix + "-cpu.pprof")
				if err != nil {
					fatal(err)
				}
				if err := pprof.StartCPUProfile(f); err != nil {
					fatal(err)
				}
				cpu = f
				if withJS {
					js, err = os.Create(prefix + "-js.pprof")
					if err != nil {
						fatal(err)
					}
					if err := goja.StartProfile(js); err != nil {
						fatal(err)
					}
				}
				if withTrace {
					tr, err = os.Create(prefix + "-trace.out")
					if err != nil {
						fatal(err)
					}
					if err := trace.Start(tr); err != nil {
						fatal(err)
					}
				}
				continue
			}
			if s == syscall.SIGUSR2 {
				if cpu != nil {
					pprof.StopCPUProfile()
					if err := cpu.Close(); err != nil {
						fatal(err)
					}
					if js != nil {
						goja.StopProfile()
						if err := js.Close(); err != nil {
							fatal(err)
						}
					}
					if tr != nil {
						trace.Stop()
						if err := tr.Close(); err != nil {
							fatal(err)
						}
					}
				}
				writeAllocs(prefix + "-allocs.pprof")
				writeMemStats(prefix + "-memstats.txt")
				os.Exit(0)
			}
		}
	}()
	runAndExit(runtime.New(runtime.Options{Dir: dir, Stdout: os.Stdout, Stderr: os.Stderr}), filepath.Join(dir, "tls-server.js"))
}

func writeAllocs(path string) {
	goruntime.GC() // up-to-date statistics
	f, err := os.Create(path)
	if err != nil {
		fatal(err)
	}
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		fatal(err)
	}
	if err := f.Close(); err != nil {
		fatal(err)
	}
}

// writeMemStats records where the process's memory is: live heap, heap
// kept for reuse, goroutine stacks.
func writeMemStats(path string) {
	var m goruntime.MemStats
	goruntime.ReadMemStats(&m)
	kib := func(b uint64) uint64 { return b >> 10 }
	text := fmt.Sprintf("goroutines %d\nHeapAlloc %d KiB\nHeapInuse %d KiB\nHeapIdle %d KiB\nHeapReleased %d KiB\n"+
		"StackInuse %d KiB\nSys %d KiB\nNumGC %d\n",
		goruntime.NumGoroutine(), kib(m.HeapAlloc), kib(m.HeapInuse), kib(m.HeapIdle), kib(m.HeapReleased),
		kib(m.StackInuse), kib(m.Sys), m.NumGC)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		fatal(err)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "gojatls-bench:", err)
	os.Exit(1)
}
