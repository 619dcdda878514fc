package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// The scaling figures (issue 12): the echo and https examples as one
// process and as a cluster of workers, under gojatls (the command) and
// node, with the server's CPU summed over all its processes (master and
// workers) and the load generator's share of the CPU; then what more cores
// would give, on paper.

// variant is one way of running an example.
type variant struct {
	kind    kind // gojatls or node
	workers int  // 0: one process
}

func (v variant) String() string {
	if v.workers == 0 {
		return v.kind.String() + ", one process"
	}
	return fmt.Sprintf("%s cluster, %d workers", v.kind, v.workers)
}

// app is an example the scaling figures run.
type app struct {
	script string // its copy, listening on the bench's port
	dir    string // where it runs
	ready  string // what it prints once it listens ("": nothing)
}

// wrapperName is the cluster script the bench writes beside an example.
func wrapperName(script string) string { return "cluster-" + script }

// clusterWrapper is a cluster script for an example: the master forks
// workers and says "cluster listening" once each listens; each worker runs
// the example (require runs a module's code as its main script would).
// Node 20 still has isMaster; its 'exit' is 0.7's 'death'.
func clusterWrapper(script string, workers int) string {
	return fmt.Sprintf(`var cluster = require('cluster');
if (cluster.isMaster) {
  var listening = 0;
  cluster.on('listening', function () {
    if (++listening === %d) console.log('cluster listening');
  });
  var died = function (worker) {
    console.error('worker ' + worker.process.pid + ' died');
  };
  cluster.on('death', died);
  cluster.on('exit', died);
  for (var i = 0; i < %d; i++) cluster.fork();
} else {
  require('./%s');
}
`, workers, workers, script)
}

// scaleSpec is the server of an example run as v.
func scaleSpec(c *config, v variant, a app) serverSpec {
	bin := c.gojatlsBin
	if v.kind == kindNode {
		bin = c.nodeBin
	}
	s := serverSpec{kind: v.kind, label: v.String(), dir: a.dir, ready: a.ready}
	if v.workers == 0 {
		s.cmd = exec.Command(bin, a.script)
	} else {
		s.cmd = exec.Command(bin, wrapperName(a.script))
		s.ready = "cluster listening"
	}
	return s
}

// scale metrics, per variant.
const (
	sHandshakes = iota
	sCPUPerHandshake
	sGenShareHandshakes
	sMachineHandshakes
	sKeepAlive
	sCPUPerRequest
	sGenShareKeepAlive
	sNewConn
	sCPUPerNewConn
	sGenShareNewConn
	numScale
)

// genShare is the load generator's share of the CPU the phase used, in
// percent, and how busy the machine's cores were.
func genShare(r phaseResult, cores int) (share, machine float64) {
	total := r.selfCPU + r.cpu
	if total <= 0 || r.elapsed <= 0 {
		return 0, 0
	}
	return 100 * float64(r.selfCPU) / float64(total),
		100 * float64(total) / (float64(cores) * float64(r.elapsed))
}

// scaleValues are one variant's figures in one round.
type scaleValues map[int]float64

// scaleRound measures the echo handshakes and the https loads of one
// variant.
func scaleRound(c *config, cl *client, v variant, echo, https app) (scaleValues, error) {
	vals := scaleValues{}
	p, err := startServer(c, scaleSpec(c, v, echo))
	if err != nil {
		return vals, err
	}
	err = func() error {
		defer p.stop()
		for i := 0; i < 10; i++ {
			if _, err := cl.cycle(); err != nil {
				return fmt.Errorf("warm-up connection: %v", err)
			}
		}
		hs := cl.handshakes(p, c.clients, c.warmup, c.duration)
		if note := phaseNote("handshakes", hs); note != "" {
			fmt.Println("  " + note)
		}
		if hs.count > 0 && hs.errors <= errorBudget {
			vals[sHandshakes] = hs.rate
			vals[sCPUPerHandshake] = float64(hs.cpu.Microseconds()) / 1000 / hs.count
			vals[sGenShareHandshakes], vals[sMachineHandshakes] = genShare(hs, numCPU())
		}
		return serverHealth(p)
	}()
	if err != nil {
		return vals, err
	}

	p, err = startServer(c, scaleSpec(c, v, https))
	if err != nil {
		return vals, err
	}
	defer p.stop()
	ka, nc, err := cl.httpsPhases(c, p)
	if err != nil {
		return vals, err
	}
	if ka.count > 0 && ka.errors == 0 {
		vals[sKeepAlive] = ka.rate
		vals[sCPUPerRequest] = float64(ka.cpu.Microseconds()) / ka.count
		vals[sGenShareKeepAlive], _ = genShare(ka, numCPU())
	}
	if nc.count > 0 && nc.errors <= errorBudget {
		vals[sNewConn] = nc.rate
		vals[sCPUPerNewConn] = float64(nc.cpu.Microseconds()) / 1000 / nc.count
		vals[sGenShareNewConn], _ = genShare(nc, numCPU())
	}
	return vals, serverHealth(p)
}

// serverHealth is an error if the server, or one of a cluster's workers,
// has died.
func serverHealth(p *serverProc) error {
	if err := p.alive(); err != nil {
		return err
	}
	if s := p.stderr.String(); strings.Contains(s, " died") {
		return fmt.Errorf("%s: %s", p.label, s)
	}
	return nil
}

// prepareWrappers writes the cluster wrappers beside the examples' copies.
func prepareWrappers(c *config, apps ...app) error {
	for _, a := range apps {
		w := clusterWrapper(a.script, c.workers)
		if err := os.WriteFile(filepath.Join(a.dir, wrapperName(a.script)), []byte(w), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// scalingFigures runs every variant once a round, alternating, prints the
// medians and the projections to more cores. loopMS are the embedded
// runtime's loop times from the main rounds (per echo connection, per
// keep-alive request, per new-connection request; 0 when not measured).
func scalingFigures(c *config, cl *client, keys string, loopMS [3]float64) error {
	echo := app{script: "tls-server.js", dir: c.scripts, ready: "server bound"}
	https := app{script: "https-server.js", dir: keys}
	if err := prepareWrappers(c, echo, https); err != nil {
		return err
	}
	var variants []variant
	for _, k := range []kind{kindGojatls, kindNode} {
		if k == kindNode && c.nodeBin == "" {
			continue
		}
		variants = append(variants, variant{kind: k}, variant{kind: k, workers: c.workers})
	}
	fmt.Printf("scaling: the echo and https examples as one process and as a %d-worker cluster (gojatls is the command here), %d round(s) ...\n",
		c.workers, c.reps)
	vals := map[variant]map[int][]float64{}
	for round := 1; round <= c.reps; round++ {
		for _, v := range variants {
			fmt.Printf("round %d/%d: %s ...\n", round, c.reps, v)
			sv, err := scaleRound(c, cl, v, echo, https)
			if err != nil {
				fmt.Printf("  %s: %v\n", v, err)
			}
			if vals[v] == nil {
				vals[v] = map[int][]float64{}
			}
			for m, x := range sv {
				vals[v][m] = append(vals[v][m], x)
			}
		}
	}
	med := func(v variant, m int) (float64, bool) { return median(vals[v][m]) }
	cell := func(v variant, m int, format string) string {
		if x, ok := med(v, m); ok {
			return fmt.Sprintf(format, x)
		}
		return "-"
	}
	fmt.Printf("\nload average: %s\n\n", loadAverage())
	fmt.Println("| server (median) | echo handshakes/s | CPU ms/handshake | load generator's share | https keep-alive req/s | CPU us/req | load generator's share | https new-connection req/s | CPU ms/req | load generator's share |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, v := range variants {
		fmt.Printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", v,
			cell(v, sHandshakes, "%.0f"), cell(v, sCPUPerHandshake, "%.2f"), cell(v, sGenShareHandshakes, "%.0f%%"),
			cell(v, sKeepAlive, "%.0f"), cell(v, sCPUPerRequest, "%.0f"), cell(v, sGenShareKeepAlive, "%.0f%%"),
			cell(v, sNewConn, "%.0f"), cell(v, sCPUPerNewConn, "%.2f"), cell(v, sGenShareNewConn, "%.0f%%"))
	}
	var busy []float64
	for _, v := range variants {
		busy = append(busy, vals[v][sMachineHandshakes]...)
	}
	if b, ok := median(busy); ok {
		fmt.Printf("\nCPU is summed over the server's processes (master and workers, from /proc) over each window. On this\n"+
			"%d-core machine the cores were %.0f%% busy (median) during the echo handshake windows: the load generator\n"+
			"(this program; it signs with the client key too) takes the share shown, so the figures above measure\n"+
			"the machine, not the servers' scaling; CPU per handshake or request is the figure that carries over.\n",
			numCPU(), b)
	}

	fmt.Println("\nOn paper, with the load generator on other machines (see the README for what this assumes):")
	fmt.Println("one gojatls process: min(1 / loop time, cores / CPU); a cluster: cores / CPU (one worker a core);")
	fmt.Println("node, one process: 1 / CPU (one JS thread does everything).")
	units := []struct {
		name     string
		cpu      int
		perMS    float64 // the unit of the CPU figure, in ms
		loopMS   float64
		rateUnit string
	}{
		{"echo handshakes/s", sCPUPerHandshake, 1, loopMS[0], "connections"},
		{"https keep-alive req/s", sCPUPerRequest, 0.001, loopMS[1], "requests"},
		{"https new-connection req/s", sCPUPerNewConn, 1, loopMS[2], "requests"},
	}
	for _, u := range units {
		fmt.Printf("\n| %s | CPU ms/unit | %d cores | 16 cores | 64 cores | bound by |\n", u.name, numCPU())
		fmt.Println("|---|---:|---:|---:|---:|---|")
		for _, v := range variants {
			cpu, ok := med(v, u.cpu)
			if !ok {
				continue
			}
			cpu *= u.perMS
			loop := 0.0
			if v.kind == kindGojatls && v.workers == 0 {
				loop = u.loopMS
			}
			oneThread := v.kind == kindNode && v.workers == 0
			var cells []string
			for _, cores := range []int{numCPU(), 16, 64} {
				cells = append(cells, fmt.Sprintf("%.0f", projectRate(cores, cpu, loop, oneThread)))
			}
			fmt.Printf("| %s | %.3f | %s | %s |\n", v, cpu, strings.Join(cells, " | "), boundBy(cpu, loop, oneThread))
		}
	}
	return nil
}

// projectRate is the rate (per second) that cores give when each unit
// (handshake, request) costs cpuMS of CPU, spread over the cores, and, in
// one gojatls process, loopMS of that on the one loop goroutine; oneThread
// is node's single process, where everything runs on its JS thread. It
// assumes the load generator elsewhere and a cost per unit that does not
// grow with the cores.
func projectRate(cores int, cpuMS, loopMS float64, oneThread bool) float64 {
	if cpuMS <= 0 {
		return 0
	}
	if oneThread {
		return 1000 / cpuMS
	}
	r := float64(cores) * 1000 / cpuMS
	if loopMS > 0 && 1000/loopMS < r {
		r = 1000 / loopMS
	}
	return r
}

// boundBy says what limits projectRate as the cores grow.
func boundBy(cpuMS, loopMS float64, oneThread bool) string {
	switch {
	case oneThread:
		return "the one JS thread"
	case loopMS > 0:
		return fmt.Sprintf("the loop from %d cores on", int(cpuMS/loopMS)+1)
	default:
		return "CPU"
	}
}
