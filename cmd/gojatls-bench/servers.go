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

// serverProc is a running echo server: a child process listening on the
// bench's port.
type serverProc struct {
	kind   kind
	cmd    *exec.Cmd
	pid    int
	exited chan struct{} // closed when the process has ended
	stderr *capped
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

// serverCommand is the command line of a server of kind k.
func serverCommand(c *config, k kind) *exec.Cmd {
	switch k {
	case kindGojatls:
		return exec.Command(c.gojatlsBin, "tls-server.js")
	case kindNode:
		return exec.Command(c.nodeBin, "tls-server.js")
	default:
		self, err := os.Executable()
		if err != nil {
			self = os.Args[0]
		}
		return exec.Command(self, "-serve-go", fmt.Sprintf("127.0.0.1:%d", c.port), c.scripts)
	}
}

// startServer starts cmd in the script's directory once the port is free
// and returns when it has printed "server bound". The script prints one
// line per connection; those are read and dropped.
func startServer(c *config, k kind, cmd *exec.Cmd, env ...string) (*serverProc, error) {
	if err := waitPortFree(c.port, 60*time.Second); err != nil {
		return nil, err
	}
	cmd.Dir = c.scripts
	cmd.Env = append(os.Environ(), env...)
	p := &serverProc{kind: k, cmd: cmd, exited: make(chan struct{}), stderr: &capped{}}
	cmd.Stderr = p.stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	p.pid = cmd.Process.Pid
	bound := make(chan bool, 1)
	go func() {
		r := bufio.NewReader(out)
		seen := false
		for {
			line, err := r.ReadString('\n')
			if !seen && strings.TrimSpace(line) == "server bound" {
				seen = true
				bound <- true
			}
			if err != nil {
				break
			}
		}
		if !seen {
			bound <- false
		}
	}()
	go func() {
		_ = cmd.Wait()
		close(p.exited)
	}()
	select {
	case ok := <-bound:
		if ok {
			return p, nil
		}
	case <-time.After(30 * time.Second):
	}
	p.stop()
	return nil, fmt.Errorf("%s did not print \"server bound\" within 30 s; stderr:\n%s", k, p.stderr)
}

// alive reports an error if the server has ended.
func (p *serverProc) alive() error {
	select {
	case <-p.exited:
		return fmt.Errorf("%s server exited (%v); stderr:\n%s", p.kind, p.cmd.ProcessState, p.stderr)
	default:
		return nil
	}
}

// stop ends the server: SIGTERM, then SIGKILL after 5 s.
func (p *serverProc) stop() {
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.exited:
	case <-time.After(5 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.exited
	}
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

// cpuTime is the user+system CPU time a process has used so far; Linux
// counts it in clock ticks, USER_HZ, which is 100 on every Linux ABI.
func cpuTime(pid int) (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')') // the command name may hold spaces
	if i < 0 {
		return 0, errors.New("bad /proc stat")
	}
	f := strings.Fields(s[i+1:])
	// After the name: state is field 3 of stat(5), utime 14, stime 15.
	if len(f) < 13 {
		return 0, errors.New("short /proc stat")
	}
	ut, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, errors.New("bad /proc stat numbers")
	}
	return time.Duration(ut+st) * 10 * time.Millisecond, nil
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
