// Command gojatls-bench measures the documentation's TLS echo server
// (js-tests/examples/tls-server.js) under gojatls against the same script
// under node and against a pure-Go crypto/tls echo server, on loopback:
// full handshakes per second, echoed MiB/s through 1 and 4 connections,
// resident memory per idle connection, peak RSS, https requests/s, the
// start-up time and memory of a hello-world script, and gojatls's loop time
// per connection (embedded.go); then the echo and https examples as one
// process and as a cluster, gojatls and node, with what more cores would
// give on paper (cluster.go). Run it from the repository:
//
//	go run ./cmd/gojatls-bench          # full run, about 12 minutes
//	go run ./cmd/gojatls-bench -quick   # about a minute
//
// The servers take turns on one port, one round at a time (gojatls, node,
// Go, gojatls, node, Go, ...), so that drift of the machine spreads over all
// three. The script runs from a copy that listens on a port the bench
// chose instead of 8000 (script.go), so that the examples tests, which use
// 8000, may run meanwhile. With -profile DIR it also writes CPU and
// allocation profiles of gojatls under the handshake and throughput loads.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"
)

// config is what the flags chose.
type config struct {
	duration    time.Duration
	warmup      time.Duration
	reps        int
	clients     int
	idle        int
	startupRuns int
	procs       []int
	nodeBin     string
	gojatlsBin  string
	profileDir  string
	verbose     bool
	// goDefaultKex lets the client offer crypto/tls's default key
	// exchanges (post-quantum hybrids first) instead of X25519 only.
	goDefaultKex bool
	profileOnly  bool
	profileJS    bool
	profileTrace bool
	// cluster runs the scaling figures: one process and a cluster of
	// workers, gojatls and node.
	cluster bool
	workers int

	repo     string // repository root
	examples string // js-tests/examples
	scripts  string // the copy of tls-server.js that listens on port
	port     int    // the servers' port
	tmpDirs  []string
}

func main() {
	// Re-executed server modes (see serve.go).
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case "-serve-go":
			serveGo(os.Args[2:])
			return
		case "-serve-go-https":
			serveGoHTTPS(os.Args[2:])
			return
		case "-serve-profiled":
			serveProfiled(os.Args[2:])
			return
		case "-serve-gojatls":
			serveEmbedded(os.Args[2:])
			return
		}
	}
	os.Exit(run())
}

func run() int {
	var c config
	quick := flag.Bool("quick", false, "short run (under a minute): 1 s phases, 1 round, 500 idle connections")
	flag.DurationVar(&c.duration, "duration", 5*time.Second, "measured time of each load phase")
	flag.DurationVar(&c.warmup, "warmup", time.Second, "unmeasured load before each phase")
	flag.IntVar(&c.reps, "reps", 3, "rounds; each round runs every server once, alternating")
	flag.IntVar(&c.clients, "clients", 8, "concurrent clients in the handshake phase")
	flag.IntVar(&c.idle, "idle", 2000, "idle connections held for the memory figure")
	flag.IntVar(&c.startupRuns, "startup-runs", 11, "hello-world runs per command for the start-up figure")
	procs := flag.String("procs", "1,2", "GOMAXPROCS values for the handshake scaling figure (\"\" skips it)")
	flag.StringVar(&c.nodeBin, "node", "node", "node command (\"\" skips node)")
	flag.StringVar(&c.gojatlsBin, "gojatls", "", "gojatls binary for the start-up and scaling figures (default: build ./cmd/gojatls); the echo and https turns run the runtime built into the bench")
	flag.BoolVar(&c.cluster, "cluster", true, "measure the scaling figures: each example as one process and as a cluster, gojatls and node (-cluster=false skips them)")
	flag.IntVar(&c.workers, "workers", 2, "workers of the cluster variant")
	flag.StringVar(&c.profileDir, "profile", "", "also write CPU and allocation profiles of gojatls under load into this directory")
	flag.BoolVar(&c.profileJS, "profile-js", false, "with -profile: also write goja's profile of the JS functions (PHASE-js.pprof; coarse, 10 ms samples)")
	flag.BoolVar(&c.profileTrace, "profile-trace", false, "with -profile: also write an execution trace of each window (PHASE-trace.out: where the loop goroutine waits inside its turns; go tool trace)")
	flag.BoolVar(&c.profileOnly, "profile-only", false, "with -profile: only write the profiles, skip the comparison")
	flag.StringVar(&c.repo, "repo", "", "repository root (default: found from the working directory)")
	flag.BoolVar(&c.verbose, "v", false, "print every round's figures")
	flag.BoolVar(&c.goDefaultKex, "pq", false, "offer crypto/tls's default key exchanges (X25519MLKEM768 first) instead of X25519 only")
	flag.Parse()
	if *quick {
		set := map[string]bool{}
		flag.Visit(func(f *flag.Flag) { set[f.Name] = true })
		if !set["duration"] {
			c.duration = time.Second
		}
		if !set["warmup"] {
			c.warmup = 300 * time.Millisecond
		}
		if !set["reps"] {
			c.reps = 1
		}
		if !set["idle"] {
			c.idle = 500
		}
		if !set["startup-runs"] {
			c.startupRuns = 5
		}
		if !set["procs"] {
			*procs = ""
		}
	}
	if c.reps < 1 || c.clients < 1 || c.idle < 1 || c.startupRuns < 1 || c.workers < 1 || c.duration <= 0 || c.warmup < 0 {
		fmt.Fprintln(os.Stderr, "gojatls-bench: -reps, -clients, -idle, -startup-runs, -workers and -duration must be positive")
		return 2
	}
	for _, p := range strings.Split(*procs, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		var n int
		if _, err := fmt.Sscan(p, &n); err != nil || n < 1 {
			fmt.Fprintf(os.Stderr, "gojatls-bench: bad -procs value %q\n", p)
			return 2
		}
		c.procs = append(c.procs, n)
	}
	if c.profileOnly && c.profileDir == "" {
		fmt.Fprintln(os.Stderr, "gojatls-bench: -profile-only needs -profile DIR")
		return 2
	}
	defer func() {
		for _, d := range append(c.tmpDirs, helloPath) {
			if d != "" {
				os.RemoveAll(d)
			}
		}
	}()
	if err := setup(&c); err != nil {
		fmt.Fprintln(os.Stderr, "gojatls-bench:", err)
		return 1
	}
	if err := bench(&c); err != nil {
		fmt.Fprintln(os.Stderr, "gojatls-bench:", err)
		return 1
	}
	return 0
}

// setup finds the repository, copies the script with the bench's port,
// raises the open-file limit, builds gojatls and looks for node.
func setup(c *config) error {
	if c.repo == "" {
		dir, err := os.Getwd()
		if err != nil {
			return err
		}
		for {
			if b, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil &&
				strings.Contains(string(b), "module github.com/gojatls/gojatls\n") {
				break
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				return errors.New("run from inside the gojatls repository, or give -repo")
			}
			dir = parent
		}
		c.repo = dir
	}
	c.examples = filepath.Join(c.repo, "js-tests", "examples")
	if err := prepareScript(c); err != nil {
		return err
	}

	// 2,000 held connections need more descriptors than the usual 1,024,
	// here and in the servers, which inherit this limit. Setting it
	// explicitly also stops os/exec from restoring the original limit in
	// the children.
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		return err
	}
	lim.Cur = lim.Max
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		return err
	}
	if need := uint64(c.idle) + 200; lim.Cur < need {
		return fmt.Errorf("open-file limit %d is below the %d that -idle %d needs; lower -idle or raise the hard limit", lim.Cur, need, c.idle)
	}

	if err := adoptOrphans(); err != nil {
		return err
	}
	if c.gojatlsBin == "" {
		tmp, err := os.MkdirTemp("", "gojatls-bench")
		if err != nil {
			return err
		}
		c.tmpDirs = append(c.tmpDirs, tmp)
		c.gojatlsBin = filepath.Join(tmp, "gojatls")
		build := exec.Command("go", "build", "-o", c.gojatlsBin, "./cmd/gojatls")
		build.Dir = c.repo
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("building gojatls: %v", err)
		}
	}
	if c.nodeBin != "" {
		p, err := exec.LookPath(c.nodeBin)
		if err != nil {
			fmt.Printf("Node skipped: %q not found (%v)\n\n", c.nodeBin, err)
			c.nodeBin = ""
		} else {
			c.nodeBin = p
		}
	} else {
		fmt.Print("Node skipped (-node \"\")\n\n")
	}
	return nil
}

// machine describes where the figures come from.
func machine(c *config) string {
	cpu := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "model name") {
				if i := strings.Index(l, ":"); i >= 0 {
					cpu = strings.TrimSpace(l[i+1:])
				}
				break
			}
		}
	}
	var uts syscall.Utsname
	kernel := ""
	if syscall.Uname(&uts) == nil {
		kernel = charsToString(uts.Sysname[:]) + " " + charsToString(uts.Release[:])
	}
	mem := ""
	if kb, err := meminfoTotal(); err == nil {
		mem = fmt.Sprintf(", %.1f GiB RAM", float64(kb)/(1<<20))
	}
	nodeV := "skipped"
	if c.nodeBin != "" {
		if out, err := exec.Command(c.nodeBin, "--version").Output(); err == nil {
			nodeV = strings.TrimSpace(string(out))
		}
	}
	return fmt.Sprintf("%s, %d CPUs%s, %s; %s; node %s; %s",
		cpu, runtime.NumCPU(), mem, kernel, runtime.Version(), nodeV, time.Now().UTC().Format("2006-01-02 15:04 UTC"))
}

func charsToString[T int8 | uint8](cs []T) string {
	b := make([]byte, 0, len(cs))
	for _, c := range cs {
		if c == 0 {
			break
		}
		b = append(b, byte(c))
	}
	return string(b)
}

func meminfoTotal() (int64, error) {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0, err
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "MemTotal:") {
			var kb int64
			_, err := fmt.Sscan(strings.TrimPrefix(l, "MemTotal:"), &kb)
			return kb, err
		}
	}
	return 0, errors.New("no MemTotal")
}

func numCPU() int { return runtime.NumCPU() }
