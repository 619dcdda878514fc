package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// kind names one of the measured servers.
type kind int

const (
	kindGojatls kind = iota
	kindNode
	kindGo
)

var kindNames = [...]string{"gojatls", "node", "pure Go"}

func (k kind) String() string { return kindNames[k] }

// serverProc is a running server: a child process (with, for a cluster,
// its workers) listening on the bench's port.
type serverProc struct {
	kind   kind
	label  string
	cmd    *exec.Cmd
	pid    int
	exited chan struct{} // closed when the process has ended
	stderr *capped
	loop   *loopProbe // the embedded runtime's loop time, or nil
}

// serverSpec is a server to start.
type serverSpec struct {
	kind  kind
	label string // in messages; the kind's name when empty
	cmd   *exec.Cmd
	dir   string // where it runs
	// ready is the line the server prints on stdout once it listens; with
	// none, the bench waits until the port accepts connections.
	ready string
	probe *loopProbe
	env   []string
}

// capped keeps the first 8 KiB written to it, for error messages.
type capped struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (c *capped) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if room := 8192 - c.buf.Len(); room > 0 {
		if len(p) > room {
			c.buf.Write(p[:room])
		} else {
			c.buf.Write(p)
		}
	}
	return len(p), nil
}

func (c *capped) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return strings.TrimSpace(c.buf.String())
}

// echoSpec is the echo server of kind k: tls-server.js under gojatls (the
// runtime embedded in this program, see embedded.go) or node, or the pure-Go
// server.
func echoSpec(c *config, k kind) (serverSpec, error) {
	s := serverSpec{kind: k, dir: c.scripts, ready: "server bound"}
	switch k {
	case kindGojatls:
		cmd, probe, err := embeddedCommand(c, "tls-server.js")
		if err != nil {
			return s, err
		}
		s.cmd, s.probe = cmd, probe
	case kindNode:
		s.cmd = exec.Command(c.nodeBin, "tls-server.js")
	default:
		self, err := os.Executable()
		if err != nil {
			self = os.Args[0]
		}
		s.cmd = exec.Command(self, "-serve-go", fmt.Sprintf("127.0.0.1:%d", c.port), c.scripts)
	}
	return s, nil
}

// startServer starts a server once the port is free and returns when it
// listens. What it prints on stdout (the echo script a line per
// connection) is read and dropped.
func startServer(c *config, s serverSpec) (*serverProc, error) {
	cmd := s.cmd
	defer func() {
		for _, f := range cmd.ExtraFiles {
			f.Close() // the child has its own copy
		}
	}()
	if s.label == "" {
		s.label = s.kind.String()
	}
	if err := waitPortFree(c.port, 60*time.Second); err != nil {
		s.probe.close()
		return nil, err
	}
	cmd.Dir = s.dir
	cmd.Env = append(os.Environ(), s.env...)
	// Its own process group, so that stop() ends a cluster's workers too.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	p := &serverProc{kind: s.kind, label: s.label, cmd: cmd, exited: make(chan struct{}), stderr: &capped{}, loop: s.probe}
	cmd.Stderr = p.stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		s.probe.close()
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		s.probe.close()
		return nil, err
	}
	p.pid = cmd.Process.Pid
	bound := make(chan bool, 1)
	go func() {
		r := bufio.NewReader(out)
		seen := false
		for {
			line, err := r.ReadString('\n')
			if !seen && s.ready != "" && strings.TrimSpace(line) == s.ready {
				seen = true
				bound <- true
			}
			if err != nil {
				break
			}
		}
		if !seen && s.ready != "" {
			bound <- false
		}
	}()
	go func() {
		_ = cmd.Wait()
		close(p.exited)
	}()
	if s.ready == "" {
		go func() { bound <- waitListening(c.port, p.exited) }()
	}
	select {
	case ok := <-bound:
		if ok {
			return p, nil
		}
	case <-time.After(30 * time.Second):
	}
	p.stop()
	if s.ready == "" {
		return nil, fmt.Errorf("%s did not listen within 30 s; stderr:\n%s", s.label, p.stderr)
	}
	return nil, fmt.Errorf("%s did not print %q within 30 s; stderr:\n%s", s.label, s.ready, p.stderr)
}

// waitListening polls the port until it accepts a connection (true) or
// the server exits (false); startServer bounds the wait.
func waitListening(port int, exited chan struct{}) bool {
	for {
		conn, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), time.Second)
		if err == nil {
			_ = conn.Close()
			return true
		}
		select {
		case <-exited:
			return false
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// alive reports an error if the server has ended.
func (p *serverProc) alive() error {
	select {
	case <-p.exited:
		return fmt.Errorf("%s server exited (%v); stderr:\n%s", p.label, p.cmd.ProcessState, p.stderr)
	default:
		return nil
	}
}

// stop ends the server and whatever it started (its process group):
// SIGTERM, then SIGKILL for what is left after 5 s. A cluster's workers
// end with their master's channel; the bench is their subreaper (see
// adoptOrphans), so it reaps them here once their master has gone.
func (p *serverProc) stop() {
	p.loop.close()
	_ = syscall.Kill(-p.pid, syscall.SIGTERM)
	select {
	case <-p.exited:
	case <-time.After(5 * time.Second):
		_ = syscall.Kill(-p.pid, syscall.SIGKILL)
		<-p.exited
	}
	killed := false
	for end := time.Now().Add(5 * time.Second); ; {
		// The master is reaped (cmd.Wait): what is left of its group are
		// the bench's adopted children.
		pid, err := syscall.Wait4(-p.pid, nil, syscall.WNOHANG, nil)
		if err != nil {
			return // ECHILD: none left
		}
		if pid > 0 {
			continue
		}
		if time.Now().After(end) {
			if killed {
				return // stuck in the kernel: nothing more to do
			}
			_ = syscall.Kill(-p.pid, syscall.SIGKILL)
			killed, end = true, time.Now().Add(5*time.Second)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// adoptOrphans makes the bench the subreaper of the servers it starts: a
// cluster's workers, whose master ends first, become its children, to be
// reaped by stop() instead of lingering as zombies under an init that may
// not reap them.
func adoptOrphans() error {
	return unix.Prctl(unix.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
}

// waitPortFree waits until nothing listens on port (the previous server
// may still be closing it).
func waitPortFree(port int, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for {
		ln, err := net.Listen("tcp", fmt.Sprintf(":%d", port))
		if err == nil {
			ln.Close()
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("port %d stays busy: %v", port, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// procStatus reads VmRSS and VmHWM of a process, in KiB.
func procStatus(pid int) (rss, hwm int64, err error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0, err
	}
	for _, l := range strings.Split(string(b), "\n") {
		f := strings.Fields(l)
		if len(f) < 2 {
			continue
		}
		switch f[0] {
		case "VmRSS:":
			rss, _ = strconv.ParseInt(f[1], 10, 64)
		case "VmHWM:":
			hwm, _ = strconv.ParseInt(f[1], 10, 64)
		}
	}
	if rss == 0 || hwm == 0 {
		return 0, 0, errors.New("no VmRSS/VmHWM in /proc/" + strconv.Itoa(pid) + "/status")
	}
	return rss, hwm, nil
}

// cpuTime is the user+system CPU time a process has used so far.
func cpuTime(pid int) (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	_, cpu, err := parseStat(string(b))
	return cpu, err
}

// parseStat reads a /proc/PID/stat line: the parent's pid and the
// user+system CPU time, which Linux counts in clock ticks, USER_HZ, 100 on
// every Linux ABI.
func parseStat(s string) (ppid int, cpu time.Duration, err error) {
	i := strings.LastIndexByte(s, ')') // the command name may hold spaces
	if i < 0 {
		return 0, 0, errors.New("bad /proc stat")
	}
	f := strings.Fields(s[i+1:])
	// After the name: state is field 3 of stat(5), ppid 4, utime 14, stime 15.
	if len(f) < 13 {
		return 0, 0, errors.New("short /proc stat")
	}
	pp, err0 := strconv.Atoi(f[1])
	ut, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err0 != nil || err1 != nil || err2 != nil {
		return 0, 0, errors.New("bad /proc stat numbers")
	}
	return pp, time.Duration(ut+st) * 10 * time.Millisecond, nil
}

// treeCPU is the CPU time of a process and of all its descendants alive
// now (a cluster's master and workers), from every /proc/PID/stat.
func treeCPU(pid int) (time.Duration, error) {
	own, err := cpuTime(pid)
	if err != nil {
		return 0, err
	}
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return own, err
	}
	parents := map[int]int{}
	cpus := map[int]time.Duration{}
	for _, e := range ents {
		n, err := strconv.Atoi(e.Name())
		if err != nil || n == pid {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue // gone meanwhile
		}
		if pp, cpu, err := parseStat(string(b)); err == nil {
			parents[n], cpus[n] = pp, cpu
		}
	}
	return own + descendantsCPU(pid, parents, cpus), nil
}

// descendantsCPU sums cpus over the descendants of pid, parents giving
// each process's parent.
func descendantsCPU(pid int, parents map[int]int, cpus map[int]time.Duration) time.Duration {
	var sum time.Duration
	for n, pp := range parents {
		if pp == pid && n != pid {
			sum += cpus[n] + descendantsCPU(n, parents, cpus)
		}
	}
	return sum
}

// openFileLimit is a process's soft RLIMIT_NOFILE, from /proc.
func openFileLimit(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/limits", pid))
	if err != nil {
		return 0, err
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "Max open files") {
			f := strings.Fields(strings.TrimPrefix(l, "Max open files"))
			if len(f) > 0 {
				if f[0] == "unlimited" {
					return 1 << 62, nil
				}
				return strconv.ParseInt(f[0], 10, 64)
			}
		}
	}
	return 0, errors.New("no open-file limit in /proc limits")
}

// raiseOpenFiles makes sure a server may hold n descriptors, with prlimit
// when the inherited limit is too low.
func raiseOpenFiles(pid int, n int64) error {
	have, err := openFileLimit(pid)
	if err != nil || have >= n {
		return err
	}
	out, err := exec.Command("prlimit", "--pid", strconv.Itoa(pid), fmt.Sprintf("--nofile=%d:%d", n, n)).CombinedOutput()
	if err != nil {
		return fmt.Errorf("server open-file limit %d < %d and prlimit failed: %v %s", have, n, err, out)
	}
	return nil
}
