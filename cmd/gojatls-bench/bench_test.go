package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// These check the bench's bookkeeping, not any timing.

func TestMatches(t *testing.T) {
	chunk := []byte("abcdef")
	off := 0
	for _, part := range []string{"ab", "cdefab", "c", "defabcdefa"} {
		if !matches(chunk, &off, []byte(part)) {
			t.Fatalf("%q at offset %d should match", part, off)
		}
	}
	if off != 1 {
		t.Fatalf("offset %d, want 1", off)
	}
	if matches(chunk, &off, []byte("bcx")) {
		t.Fatal("a wrong byte matched")
	}
}

func TestMedian(t *testing.T) {
	if _, ok := median(nil); ok {
		t.Fatal("median of nothing")
	}
	if m, _ := median([]float64{3, 1, 2}); m != 2 {
		t.Fatalf("median %v, want 2", m)
	}
	if m, _ := median([]float64{4, 1, 3, 2}); m != 2.5 {
		t.Fatalf("median %v, want 2.5", m)
	}
}

func TestRatiosPairRounds(t *testing.T) {
	var rs results
	rs.addRound(roundValues{
		kindGojatls: {mHandshakes: 100, mIdleKiB: 10},
		kindNode:    {mHandshakes: 50},
		kindGo:      {mHandshakes: 200, mIdleKiB: 20},
	})
	if got := rs.r[mHandshakes][0]; len(got) != 1 || got[0] != 2 {
		t.Fatalf("gojatls/node ratios %v, want [2]", got)
	}
	if got := rs.r[mHandshakes][1]; len(got) != 1 || got[0] != 0.5 {
		t.Fatalf("gojatls/Go ratios %v, want [0.5]", got)
	}
	if got := rs.r[mIdleKiB][0]; len(got) != 0 {
		t.Fatalf("a ratio without a node figure: %v", got)
	}
}

func TestProcReaders(t *testing.T) {
	rss, hwm, err := procStatus(os.Getpid())
	if err != nil {
		t.Skip("no /proc:", err)
	}
	if rss <= 0 || hwm < rss {
		t.Fatalf("VmRSS %d, VmHWM %d", rss, hwm)
	}
	if _, err := cpuTime(os.Getpid()); err != nil {
		t.Fatal(err)
	}
	if n, err := openFileLimit(os.Getpid()); err != nil || n <= 0 {
		t.Fatalf("open-file limit %d, %v", n, err)
	}
}

// The bench's copy of the documented script differs from it only in the
// port; a script that does not name port 8000 exactly once is refused.
func TestWithPort(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "js-tests", "examples", "tls-server.js"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := withPort(src, 43210)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out, []byte("server.listen(43210, function() {")) {
		t.Fatalf("no listen(43210) in:\n%s", out)
	}
	if back := bytes.Replace(out, []byte("listen(43210,"), []byte("listen(8000,"), 1); !bytes.Equal(back, src) {
		t.Fatalf("the copy differs in more than the port:\n%s", out)
	}
	for _, bad := range []string{"server.listen(8001, f);", "server.listen(8000, f); server.listen(8000, g);"} {
		if _, err := withPort([]byte(bad), 1); err == nil {
			t.Fatalf("%q was accepted", bad)
		}
	}
}

func TestParseStat(t *testing.T) {
	// The command name may hold spaces and parentheses; utime 150 and
	// stime 50 ticks are 2 s.
	line := "4242 (a (b) c) S 17 4242 4242 0 -1 4194560 100 0 0 0 150 50 0 0 20 0 3 0 1000 0 0"
	ppid, cpu, err := parseStat(line)
	if err != nil || ppid != 17 || cpu != 2*time.Second {
		t.Fatalf("ppid %d, cpu %v, %v; want 17, 2s", ppid, cpu, err)
	}
	for _, bad := range []string{"", "4242 (x) S 1 2", "4242 (x) S p 1 1 0 -1 0 0 0 0 0 u s"} {
		if _, _, err := parseStat(bad); err == nil {
			t.Fatalf("%q was accepted", bad)
		}
	}
}

// A cluster's CPU is its master's and every descendant's, not its
// siblings'.
func TestDescendantsCPU(t *testing.T) {
	parents := map[int]int{10: 1, 11: 10, 12: 10, 13: 12, 20: 1}
	cpus := map[int]time.Duration{10: 1, 11: 2, 12: 4, 13: 8, 20: 16}
	if got := descendantsCPU(10, parents, cpus); got != 14 {
		t.Fatalf("descendants of 10: %d, want 14", got)
	}
	if got := descendantsCPU(11, parents, cpus); got != 0 {
		t.Fatalf("descendants of 11: %d, want 0", got)
	}
	if own, err := cpuTime(os.Getpid()); err == nil {
		if tree, err := treeCPU(os.Getpid()); err != nil || tree < own {
			t.Fatalf("tree CPU %v (%v) below the process's own %v", tree, err, own)
		}
	}
}

func TestParseBusy(t *testing.T) {
	if d, err := parseBusy("1500000\n"); err != nil || d != 1500*time.Microsecond {
		t.Fatalf("%v, %v", d, err)
	}
	for _, bad := range []string{"", "-1\n", "1.5\n", "busy\n"} {
		if _, err := parseBusy(bad); err == nil {
			t.Fatalf("%q was accepted", bad)
		}
	}
}

func TestProjections(t *testing.T) {
	if got := ceiling(0.08); got != 12500 {
		t.Fatalf("ceiling(0.08 ms) = %v, want 12500/s", got)
	}
	cases := []struct {
		cores     int
		cpu, loop float64
		oneThread bool
		want      float64
		bound     string
	}{
		// one gojatls process, 2 ms of CPU and 0.5 ms of loop a handshake:
		// 2 cores give 1,000/s; from 5 cores on the loop's 2,000/s caps it.
		{2, 2, 0.5, false, 1000, "the loop from 5 cores on"},
		{16, 2, 0.5, false, 2000, "the loop from 5 cores on"},
		{64, 2, 0.5, false, 2000, "the loop from 5 cores on"},
		// a cluster: the cores.
		{64, 2, 0, false, 32000, "CPU"},
		// node, one process: one thread whatever the cores.
		{64, 1.25, 0, true, 800, "the one JS thread"},
		// no measurement, no figure.
		{16, 0, 0, false, 0, "CPU"},
	}
	for _, c := range cases {
		if got := projectRate(c.cores, c.cpu, c.loop, c.oneThread); got != c.want {
			t.Errorf("projectRate(%d, %v, %v, %v) = %v, want %v", c.cores, c.cpu, c.loop, c.oneThread, got, c.want)
		}
		if c.cpu > 0 {
			if got := boundBy(c.cpu, c.loop, c.oneThread); got != c.bound {
				t.Errorf("boundBy(%v, %v, %v) = %q, want %q", c.cpu, c.loop, c.oneThread, got, c.bound)
			}
		}
	}
}

func TestGenShare(t *testing.T) {
	r := phaseResult{cpu: 3 * time.Second, selfCPU: time.Second, elapsed: 4 * time.Second}
	share, machine := genShare(r, 2)
	if share != 25 || machine != 50 {
		t.Fatalf("share %v%%, machine %v%%; want 25, 50", share, machine)
	}
	if share, machine := genShare(phaseResult{}, 2); share != 0 || machine != 0 {
		t.Fatalf("an empty window gave %v, %v", share, machine)
	}
}

func TestVerdict(t *testing.T) {
	cpu := figures[mCPUPerHandshake]
	if got := verdict(cpu, 1.3, true, 0, false, 1.02, true); got != "<=1.05x Go (issue 12): met" {
		t.Fatalf("got %q", got)
	}
	if got := verdict(cpu, 1.3, true, 0, false, 1.26, true); got != "<=1.05x Go (issue 12): **missed** (1.26x Go is 20% over 1.05)" {
		t.Fatalf("got %q", got)
	}
	if got := verdict(cpu, 1.3, true, 1, true, 0, false); got != "<=1.05x Go (issue 12): not measured" {
		t.Fatalf("got %q", got)
	}
	hs := figures[mHandshakes]
	if got := verdict(hs, 500, true, 0.9, true, 1, true); got != ">=1.2x node, >=0.95x Go (issue 5): **missed** (0.9x node is 25% under 1.2)" {
		t.Fatalf("got %q", got)
	}
	loop := figures[mLoopPerHandshake]
	if got := verdict(loop, 0.2, true, 0, false, 0, false); got != "<=0.08 ms (issue 12): **missed** (0.2 is 150% over 0.08)" {
		t.Fatalf("got %q", got)
	}
	if got := verdict(figures[mCPUPerMiB], 1, true, 1, true, 1, true); got != "" {
		t.Fatalf("a figure without a target judged: %q", got)
	}
}

// The cluster wrapper runs an example in each worker and says so once all
// of them listen, under node and under gojatls.
func TestClusterWrapper(t *testing.T) {
	w := clusterWrapper("app.js", 3)
	for _, want := range []string{"i < 3; i++) cluster.fork()", "=== 3) console.log('cluster listening')", "require('./app.js')"} {
		if !strings.Contains(w, want) {
			t.Fatalf("no %q in:\n%s", want, w)
		}
	}
	if testing.Short() {
		t.Skip("-short: not running the wrapper")
	}
	if err := adoptOrphans(); err != nil {
		t.Skip("cannot reap the workers:", err)
	}
	dir := t.TempDir()
	src := "require('net').createServer(function () {}).listen(0);\n"
	if err := os.WriteFile(filepath.Join(dir, "app.js"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := prepareWrappers(&config{workers: 2}, app{script: "app.js", dir: dir}); err != nil {
		t.Fatal(err)
	}
	gojatls := filepath.Join(dir, "gojatls")
	build := exec.Command("go", "build", "-o", gojatls, "../gojatls")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building gojatls: %v\n%s", err, out)
	}
	bins := map[string]string{"gojatls": gojatls}
	if node, err := exec.LookPath("node"); err == nil {
		bins["node"] = node
	} else {
		t.Log("node not installed: the wrapper runs under gojatls only")
	}
	for name, bin := range bins {
		s := serverSpec{label: name, cmd: exec.Command(bin, wrapperName("app.js")), dir: dir, ready: "cluster listening"}
		p, err := startServer(&config{}, s)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := serverHealth(p); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		p.stop()
		if err := syscall.Kill(-p.pid, 0); err == nil {
			t.Errorf("%s: the cluster's processes outlived stop()", name)
		}
	}
}
