package main

import (
	"bytes"
	"crypto/tls"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// metric indexes the figures of one server in one round.
type metric int

const (
	mHandshakes metric = iota
	mEcho1
	mEcho4
	mIdleKiB
	mPeakMiB
	mCPUPerHandshake
	mCPUPerMiB
	mClientCPUPerHandshake
	mStartWall
	mStartMiB
	mHTTPSKeepAlive
	mHTTPSNewConn
	mCPUPerRequest
	mCPUPerNewConn
	mLoopPerHandshake
	mLoopPerHandshake1
	mLoopPerMiB
	mLoopPerRequest
	mLoopPerNewConn
	numMetrics
)

// figure describes how a metric is printed and judged.
type figure struct {
	name   string
	format string
	// Targets (issues 5, 11 and 12); zero means none. Ratios are
	// gojatls/other; maxAbs bounds gojatls's own figure.
	minNode, maxNode, minGo, maxGo float64
	maxAbs                         float64
	target                         string
}

var figures = [numMetrics]figure{
	mHandshakes:            {name: "full handshakes/s", format: "%.0f", minNode: 1.2, minGo: 0.95, target: ">=1.2x node, >=0.95x Go (issue 5)"},
	mEcho1:                 {name: "echoed MiB/s, 1 connection", format: "%.1f", minNode: 2, minGo: 0.8, target: ">=2x node, >=0.8x Go (issue 5)"},
	mEcho4:                 {name: "echoed MiB/s, 4 connections", format: "%.1f", minNode: 2, minGo: 0.8, target: ">=2x node, >=0.8x Go (issue 5)"},
	mIdleKiB:               {name: "KiB RSS per idle connection", format: "%.1f", maxAbs: 25, target: "<=25 KiB (issues 5, 12)"},
	mPeakMiB:               {name: "peak RSS MiB (VmHWM)", format: "%.1f", maxNode: 0.5, target: "<=0.5x node (issue 5)"},
	mCPUPerHandshake:       {name: "server CPU ms per handshake", format: "%.2f", maxGo: 1.05, target: "<=1.05x Go (issue 12)"},
	mCPUPerMiB:             {name: "server CPU ms per MiB echoed (1 conn)", format: "%.2f"},
	mClientCPUPerHandshake: {name: "load generator CPU ms per handshake", format: "%.2f"},
	mStartWall:             {name: "hello-world start-up ms (wall)", format: "%.1f", maxAbs: 20, target: "<=20 ms (issue 5)"},
	mStartMiB:              {name: "hello-world peak RSS MiB", format: "%.1f", maxAbs: 15, target: "<=15 MiB (issue 5)"},
	mHTTPSKeepAlive:        {name: "https hello requests/s, 8 keep-alive connections", format: "%.0f", minNode: 1.2, minGo: 0.8, target: ">=1.2x node, >=0.8x Go (issue 11)"},
	mHTTPSNewConn:          {name: "https hello requests/s, a new TLS connection each", format: "%.0f", minGo: 0.95, target: ">=0.95x Go (issue 11)"},
	mCPUPerRequest:         {name: "server CPU us per keep-alive https request", format: "%.0f"},
	mCPUPerNewConn:         {name: "server CPU ms per new-connection https request", format: "%.2f"},
	mLoopPerHandshake:      {name: "loop ms per echo connection (handshake load)", format: "%.3f", maxAbs: 0.08, target: "<=0.08 ms (issue 12)"},
	mLoopPerHandshake1:     {name: "loop ms per echo connection, 1 client at a time", format: "%.3f"},
	mLoopPerMiB:            {name: "loop us per MiB echoed (1 conn)", format: "%.1f"},
	mLoopPerRequest:        {name: "loop us per keep-alive https request", format: "%.1f"},
	mLoopPerNewConn:        {name: "loop ms per new-connection https request", format: "%.3f"},
}

// results holds every round's value: results[metric][kind] is one value a
// round, NaN-free (a failed measurement leaves a gap, tracked by ok).
type results struct {
	v [numMetrics][3][]float64
	// r[metric][0] are per-round ratios gojatls/node, [1] gojatls/Go,
	// taken only from rounds where both servers measured the metric.
	r [numMetrics][2][]float64
}

func (rs *results) add(m metric, k kind, x float64) { rs.v[m][k] = append(rs.v[m][k], x) }

// roundValues is what one round measured, to pair the ratios.
type roundValues map[kind]map[metric]float64

func (rs *results) addRound(rv roundValues) {
	for k, ms := range rv {
		for m, x := range ms {
			rs.add(m, k, x)
		}
	}
	g := rv[kindGojatls]
	for i, other := range []kind{kindNode, kindGo} {
		o := rv[other]
		for m := metric(0); m < numMetrics; m++ {
			gv, ok1 := g[m]
			ov, ok2 := o[m]
			if ok1 && ok2 && ov != 0 {
				rs.r[m][i] = append(rs.r[m][i], gv/ov)
			}
		}
	}
}

func median(xs []float64) (float64, bool) {
	if len(xs) == 0 {
		return 0, false
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2], true
	}
	return (s[n/2-1] + s[n/2]) / 2, true
}

// bench runs the whole measurement and prints it.
func bench(c *config) error {
	cl, err := newClient(c.examples, c.port, c.goDefaultKex)
	if err != nil {
		return err
	}
	kinds := []kind{kindGojatls, kindNode, kindGo}
	if c.nodeBin == "" {
		kinds = []kind{kindGojatls, kindGo}
	}
	fmt.Printf("gojatls-bench: %d round(s) of %s; phases %v after %v warm-up; %d handshake clients; %d idle connections\n",
		c.reps, names(kinds), c.duration, c.warmup, c.clients, c.idle)
	fmt.Printf("machine: %s\n", machine(c))
	fmt.Printf("load average at start: %s\n\n", loadAverage())

	if c.profileOnly {
		return profiles(c, cl)
	}
	var rs results
	protocols := map[kind]string{}
	keys, err := keysDir(c)
	if err != nil {
		return err
	}
	for round := 1; round <= c.reps; round++ {
		rv := roundValues{}
		for _, k := range kinds {
			fmt.Printf("round %d/%d: %s ...\n", round, c.reps, k)
			s := runSession(c, cl, k)
			if s.err != nil {
				fmt.Printf("  %s: %v\n", k, s.err)
			}
			hv, err := runHTTPSSession(c, cl, k, keys)
			if err != nil {
				fmt.Printf("  %s https: %v\n", k, err)
			}
			for m, x := range hv {
				s.values[m] = x
			}
			if s.protocol != "" {
				protocols[k] = s.protocol
			}
			rv[k] = s.values
			if c.verbose {
				printSession(k, s)
			}
		}
		rs.addRound(rv)
	}

	fmt.Printf("\nstart-up of console.log('hello'), %d runs each ...\n", c.startupRuns)
	for i := 0; i < c.startupRuns; i++ {
		rv := roundValues{}
		for _, k := range kinds {
			if k == kindGo {
				continue
			}
			wall, mem, err := startup(c, k)
			if err != nil {
				fmt.Printf("  %s start-up: %v\n", k, err)
				continue
			}
			rv[k] = map[metric]float64{mStartWall: wall, mStartMiB: mem}
		}
		rs.addRound(rv)
	}

	fmt.Println()
	for _, k := range kinds {
		if p := protocols[k]; p != "" {
			fmt.Printf("%-8s negotiated %s\n", k.String()+":", p)
		}
	}
	fmt.Printf("load average at the end: %s\n\n", loadAverage())
	printTable(c, &rs, kinds)

	if c.cluster {
		fmt.Println()
		var loopMS [3]float64
		for i, m := range []metric{mLoopPerHandshake, mLoopPerRequest, mLoopPerNewConn} {
			loopMS[i], _ = median(rs.v[m][kindGojatls])
		}
		loopMS[1] /= 1000 // us
		if err := scalingFigures(c, cl, keys, loopMS); err != nil {
			return err
		}
	}
	if len(c.procs) > 0 {
		fmt.Println()
		byGOMAXPROCS(c, cl, kinds)
	}
	if c.profileDir != "" {
		fmt.Println()
		if err := profiles(c, cl); err != nil {
			return err
		}
	}
	return nil
}

func names(ks []kind) string {
	var s []string
	for _, k := range ks {
		s = append(s, k.String())
	}
	return strings.Join(s, ", ")
}

// session is one server's turn in a round.
type session struct {
	values   map[metric]float64
	protocol string
	idle     idleResult
	err      error
}

// runSession starts a server and measures, in order: 2,000 idle
// connections on the fresh (warmed-up) server, handshakes, throughput
// through 1 then 4 connections; then its peak RSS.
func runSession(c *config, cl *client, k kind) (s session) {
	s.values = map[metric]float64{}
	spec, err := echoSpec(c, k)
	if err != nil {
		s.err = err
		return s
	}
	p, err := startServer(c, spec)
	if err != nil {
		s.err = err
		return s
	}
	defer p.stop()
	if err := raiseOpenFiles(p.pid, int64(c.idle)+200); err != nil {
		s.err = err
		return s
	}
	// Warm up: load whatever is loaded lazily, fill caches.
	for i := 0; i < 20; i++ {
		st, err := cl.cycle()
		if err != nil {
			s.err = fmt.Errorf("warm-up connection: %v", err)
			return s
		}
		s.protocol = fmt.Sprintf("%s %s %s", tls.VersionName(st.Version), tls.CipherSuiteName(st.CipherSuite), st.CurveID)
	}

	s.idle = cl.idleConns(p, c.idle, nil)
	if s.idle.err != nil {
		s.err = fmt.Errorf("idle connections: %v", s.idle.err)
	} else {
		s.values[mIdleKiB] = s.idle.perConnKiB
	}
	if err := p.alive(); err != nil {
		s.err = err
		return s
	}

	hs := cl.handshakes(p, c.clients, c.warmup, c.duration)
	if note := phaseNote("handshakes", hs); note != "" {
		fmt.Println("  " + note)
	}
	if hs.count > 0 && hs.errors <= errorBudget {
		s.values[mHandshakes] = hs.rate
		s.values[mCPUPerHandshake] = float64(hs.cpu.Microseconds()) / 1000 / hs.count
		s.values[mClientCPUPerHandshake] = float64(hs.selfCPU.Microseconds()) / 1000 / hs.count
		if hs.loopOK {
			s.values[mLoopPerHandshake] = float64(hs.loop.Microseconds()) / 1000 / hs.count
		}
	}
	if p.loop != nil {
		// The loop's busy time is the wall time of its turns, waits for
		// a core included; one client at a time leaves a core free.
		one := cl.handshakes(p, 1, c.warmup, c.duration)
		if note := phaseNote("handshakes, 1 client", one); note != "" {
			fmt.Println("  " + note)
		}
		if one.count > 0 && one.loopOK && one.errors <= errorBudget {
			s.values[mLoopPerHandshake1] = float64(one.loop.Microseconds()) / 1000 / one.count
		}
	}
	for _, n := range []int{1, 4} {
		if err := p.alive(); err != nil {
			s.err = err
			return s
		}
		tp := cl.throughput(p, n, c.warmup, c.duration)
		if note := phaseNote(fmt.Sprintf("throughput x%d", n), tp); note != "" {
			fmt.Println("  " + note)
		}
		if tp.count > 0 && tp.errors == 0 {
			m := mEcho1
			if n == 4 {
				m = mEcho4
			} else {
				s.values[mCPUPerMiB] = float64(tp.cpu.Microseconds()) / 1000 / tp.count
				if tp.loopOK {
					s.values[mLoopPerMiB] = float64(tp.loop.Nanoseconds()) / 1000 / tp.count
				}
			}
			s.values[m] = tp.rate
		}
	}
	if _, hwm, err := procStatus(p.pid); err == nil {
		s.values[mPeakMiB] = float64(hwm) / 1024
	}
	if err := p.alive(); err != nil {
		s.err = err
	}
	return s
}

func phaseNote(name string, r phaseResult) string {
	if r.errors == 0 && r.lastErr == nil {
		return ""
	}
	return fmt.Sprintf("%s: %d error(s), last: %v", name, r.errors, r.lastErr)
}

func printSession(k kind, s session) {
	var parts []string
	for m := metric(0); m < numMetrics; m++ {
		if x, ok := s.values[m]; ok {
			parts = append(parts, fmt.Sprintf("%s "+figures[m].format, figures[m].name, x))
		}
	}
	fmt.Printf("  %s: %s; idle RSS %d -> %d KiB over %d connections\n",
		k, strings.Join(parts, "; "), s.idle.before, s.idle.after, s.idle.opened)
}

// printTable prints medians, ratios and targets as a Markdown table,
// then the loop-time figures and what they imply.
func printTable(c *config, rs *results, kinds []kind) {
	hasNode := len(kinds) == 3
	fmt.Println("| figure (median) | gojatls | node | pure Go | gojatls/node | gojatls/Go | target |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---|")
	for m := metric(0); m < numMetrics; m++ {
		f := figures[m]
		cell := func(k kind) string {
			if k == kindNode && !hasNode {
				return "skipped"
			}
			x, ok := median(rs.v[m][k])
			if !ok {
				return "-"
			}
			return fmt.Sprintf(f.format, x)
		}
		ratio := func(i int) string {
			if x, ok := median(rs.r[m][i]); ok {
				return fmt.Sprintf("%.2f", x)
			}
			return "-"
		}
		g, okg := median(rs.v[m][kindGojatls])
		rn, okn := median(rs.r[m][0])
		rg, okrg := median(rs.r[m][1])
		fmt.Printf("| %s | %s | %s | %s | %s | %s | %s |\n", f.name,
			cell(kindGojatls), cell(kindNode), cell(kindGo), ratio(0), ratio(1),
			verdict(f, g, okg, rn, okn, rg, okrg))
	}
	fmt.Printf("\n%d round(s), %v phases after %v warm-up, %d handshake clients, %d idle connections, %d start-up runs.\n",
		c.reps, c.duration, c.warmup, c.clients, c.idle, c.startupRuns)
	fmt.Println("Ratios are medians of per-round ratios (servers alternate within a round).")
	fmt.Println("gojatls here is the runtime built into the bench (what the gojatls command runs), so that it")
	fmt.Println("reports its loop's busy time (Runtime.LoopBusy) at both ends of each measured window.")

	fmt.Println()
	loop, okLoop := median(rs.v[mLoopPerHandshake][kindGojatls])
	nodeCPU, okNode := median(rs.v[mCPUPerHandshake][kindNode])
	if okLoop {
		fmt.Printf("The loop's share of an echo connection: %.3f ms, so one gojatls process serves at most %.0f connections/s\n",
			loop, ceiling(loop))
		if g, ok := median(rs.v[mCPUPerHandshake][kindGojatls]); ok && g > 0 {
			fmt.Printf("  (%.0f%% of its %.2f ms of CPU per handshake; the rest runs on other goroutines, in parallel)\n", 100*loop/g, g)
		}
		if one, ok := median(rs.v[mLoopPerHandshake1][kindGojatls]); ok {
			fmt.Printf("  with one client at a time, a core left free: %.3f ms (at most %.0f/s). The loop's busy time is the\n"+
				"  wall time of its turns: besides CPU it counts waits within a turn (system calls such as console.log's\n"+
				"  write, the garbage collector, a core); -profile-trace shows them\n", one, ceiling(one))
		}
	}
	if okNode {
		fmt.Printf("node, one JS thread for everything: at most 1 / %.2f ms of CPU per handshake = %.0f connections/s\n", nodeCPU, ceiling(nodeCPU))
	}
	if x, ok := median(rs.v[mLoopPerRequest][kindGojatls]); ok {
		fmt.Printf("https keep-alive: %.1f us of loop per request, at most %.0f requests/s per process", x, ceiling(x/1000))
		if y, ok := median(rs.v[mLoopPerNewConn][kindGojatls]); ok {
			fmt.Printf("; a new connection per request: %.3f ms, at most %.0f/s", y, ceiling(y))
		}
		fmt.Println()
	}
}

// ceiling is the rate (per second) that a serial cost of ms milliseconds
// a unit allows.
func ceiling(ms float64) float64 {
	if ms <= 0 {
		return 0
	}
	return 1000 / ms
}

// verdict judges gojatls's figure g against f's target, from the median
// figure and the median ratios to node (rn) and Go (rg), each with
// whether it was measured; a missed target says by how much.
func verdict(f figure, g float64, okg bool, rn float64, okn bool, rg float64, okrg bool) string {
	if f.target == "" {
		return ""
	}
	known := false
	var misses []string
	check := func(have float64, ok bool, lim float64, upper bool, who string) {
		if lim == 0 || !ok {
			return
		}
		known = true
		if upper && have > lim {
			misses = append(misses, fmt.Sprintf("%s%s is %.0f%% over %s", trimFloat(have), who, 100*(have/lim-1), trimFloat(lim)))
		}
		if !upper && have < lim {
			misses = append(misses, fmt.Sprintf("%s%s is %.0f%% under %s", trimFloat(have), who, 100*(1-have/lim), trimFloat(lim)))
		}
	}
	check(rn, okn, f.minNode, false, "x node")
	check(rn, okn, f.maxNode, true, "x node")
	check(rg, okrg, f.minGo, false, "x Go")
	check(rg, okrg, f.maxGo, true, "x Go")
	check(g, okg, f.maxAbs, true, "")
	switch {
	case !known:
		return f.target + ": not measured"
	case len(misses) == 0:
		return f.target + ": met"
	default:
		return f.target + ": **missed** (" + strings.Join(misses, "; ") + ")"
	}
}

// trimFloat prints x with up to three significant decimals.
func trimFloat(x float64) string {
	return strconv.FormatFloat(x, 'g', 3, 64)
}

// startup runs the hello-world script once for its wall time and once for
// its peak RSS; it returns milliseconds and MiB.
func startup(c *config, k kind) (wallMS, peakMiB float64, err error) {
	dir, err := helloDir()
	if err != nil {
		return 0, 0, err
	}
	bin := c.gojatlsBin
	if k == kindNode {
		bin = c.nodeBin
	}
	var out bytes.Buffer
	cmd := exec.Command(bin, "hello.js")
	cmd.Dir, cmd.Stdout, cmd.Stderr = dir, &out, &out
	t0 := time.Now()
	err = cmd.Run()
	wall := time.Since(t0)
	if err != nil || out.String() != "hello\n" {
		return 0, 0, fmt.Errorf("%v, output %q", err, out.String())
	}
	// Peak RSS: GNU time's %M (what /usr/bin/time -v prints as "Maximum
	// resident set size"). Without it, wait4's maxrss, which on Linux also
	// counts the bench's own RSS at the moment of exec.
	if _, err := os.Stat("/usr/bin/time"); err == nil {
		cmd = exec.Command("/usr/bin/time", "-f", "%M", "-o", filepath.Join(dir, "maxrss"), bin, "hello.js")
		cmd.Dir = dir
		if err := cmd.Run(); err != nil {
			return 0, 0, err
		}
		b, err := os.ReadFile(filepath.Join(dir, "maxrss"))
		if err != nil {
			return 0, 0, err
		}
		fields := strings.Fields(string(b))
		if len(fields) == 0 {
			return 0, 0, fmt.Errorf("no output from /usr/bin/time")
		}
		kb, err := strconv.ParseFloat(fields[len(fields)-1], 64)
		if err != nil {
			return 0, 0, err
		}
		return float64(wall.Microseconds()) / 1000, kb / 1024, nil
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0, 0, fmt.Errorf("no rusage")
	}
	return float64(wall.Microseconds()) / 1000, float64(ru.Maxrss) / 1024, nil
}

// loadAverage is /proc/loadavg's 1, 5 and 15 minute figures: other work
// on the machine skews every figure, gojatls's (many goroutine hand-offs
// per chunk) more than the others'.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

var helloPath string

// helloDir is a directory holding hello.js: console.log('hello').
func helloDir() (string, error) {
	if helloPath != "" {
		return helloPath, nil
	}
	dir, err := os.MkdirTemp("", "gojatls-bench-hello")
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "hello.js"), []byte("console.log('hello');\n"), 0o644); err != nil {
		return "", err
	}
	helloPath = dir
	return dir, nil
}

// byGOMAXPROCS measures handshakes/s of gojatls and pure Go at each GOMAXPROCS
// value (node, one JS thread, once a round for reference).
func byGOMAXPROCS(c *config, cl *client, kinds []kind) {
	fmt.Printf("handshakes/s by GOMAXPROCS (%d CPUs; the load generator shares them), median of %d round(s)\n\n", numCPU(), c.reps)
	vals := map[string][]float64{}
	key := func(k kind, procs int) string { return fmt.Sprintf("%d/%d", k, procs) }
	for round := 0; round < c.reps; round++ {
		for _, procs := range c.procs {
			for _, k := range kinds {
				if k == kindNode {
					continue
				}
				if r, err := handshakeOnly(c, cl, k, "GOMAXPROCS="+strconv.Itoa(procs)); err != nil {
					fmt.Printf("  %s GOMAXPROCS=%d: %v\n", k, procs, err)
				} else {
					vals[key(k, procs)] = append(vals[key(k, procs)], r)
				}
			}
		}
		if c.nodeBin != "" {
			if r, err := handshakeOnly(c, cl, kindNode); err != nil {
				fmt.Printf("  node: %v\n", err)
			} else {
				vals[key(kindNode, 0)] = append(vals[key(kindNode, 0)], r)
			}
		}
	}
	show := func(xs []float64) string {
		if x, ok := median(xs); ok {
			return fmt.Sprintf("%.0f", x)
		}
		return "-"
	}
	fmt.Println("| GOMAXPROCS | gojatls | pure Go | gojatls/Go | node (1 JS thread) |")
	fmt.Println("|---:|---:|---:|---:|---:|")
	for _, procs := range c.procs {
		g, okg := median(vals[key(kindGojatls, procs)])
		p, okp := median(vals[key(kindGo, procs)])
		ratio := "-"
		if okg && okp && p > 0 {
			ratio = fmt.Sprintf("%.2f", g/p)
		}
		nodeCell := "skipped"
		if c.nodeBin != "" {
			nodeCell = show(vals[key(kindNode, 0)])
		}
		fmt.Printf("| %d | %s | %s | %s | %s |\n", procs, show(vals[key(kindGojatls, procs)]),
			show(vals[key(kindGo, procs)]), ratio, nodeCell)
	}
}

// handshakeOnly starts a server and measures only its handshakes/s.
func handshakeOnly(c *config, cl *client, k kind, env ...string) (float64, error) {
	spec, err := echoSpec(c, k)
	if err != nil {
		return 0, err
	}
	spec.env = env
	p, err := startServer(c, spec)
	if err != nil {
		return 0, err
	}
	defer p.stop()
	for i := 0; i < 10; i++ {
		if _, err := cl.cycle(); err != nil {
			return 0, err
		}
	}
	r := cl.handshakes(p, c.clients, c.warmup, c.duration)
	if r.count == 0 || r.errors > errorBudget {
		return 0, fmt.Errorf("%d errors, last %v", r.errors, r.lastErr)
	}
	return r.rate, nil
}
