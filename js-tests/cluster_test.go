package jstests

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// loadAnswerSize is what each worker of cluster/_load-master.js sends.
const loadAnswerSize = 64 * 1024

// clusterMaster is a cluster master run by the gojatls binary, with its
// stdout (which its workers share) read line by line.
type clusterMaster struct {
	cmd   *exec.Cmd
	out   *lines
	ended chan struct{} // closed at stdout's end: the master and every worker are gone
}

// startClusterMaster runs script (in js-tests/cluster) with args under the
// gojatls binary. The test's end kills the master, and waits for its
// workers to go (they exit when their channel to it ends).
func startClusterMaster(t *testing.T, script string, args ...string) *clusterMaster {
	t.Helper()
	dir, _ := filepath.Abs("cluster")
	cmd := exec.Command(gojatlsBinary(t), append([]string{script}, args...)...)
	cmd.Dir = dir
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	m := &clusterMaster{cmd: cmd, out: newLines(), ended: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = w, m.out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	go func() {
		defer close(m.ended)
		io.Copy(m.out, r)
		r.Close()
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		select {
		case <-m.ended:
		case <-time.After(30 * time.Second):
			t.Errorf("the workers outlived their master by 30 s:\n%s", m.out.String())
		}
	})
	return m
}

// worker is a 'listening' line of _load-master.js.
type worker struct {
	id, pid, port int
}

// waitListening waits for the 'listening' line of worker id.
func (m *clusterMaster) waitListening(t *testing.T, id int) worker {
	t.Helper()
	prefix := fmt.Sprintf("listening %d ", id)
	m.out.waitFor(t, prefix)
	for _, line := range strings.Split(m.out.String(), "\n") {
		if rest, ok := strings.CutPrefix(line, prefix); ok {
			f := strings.Fields(rest)
			if len(f) == 2 {
				pid, _ := strconv.Atoi(f[0])
				port, _ := strconv.Atoi(f[1])
				return worker{id: id, pid: pid, port: port}
			}
		}
	}
	t.Fatalf("no listening line for worker %d:\n%s", id, m.out.String())
	return worker{}
}

// loadResults counts what the load's connections got.
type loadResults struct {
	full, cleanErr, hung, corrupt atomic.Int64
	mu                            sync.Mutex
	changed                       *sync.Cond // on mu: a connection has ended
	examples                      []string   // a few errors, for the failure message
}

func newLoadResults() *loadResults {
	r := &loadResults{}
	r.changed = sync.NewCond(&r.mu)
	return r
}

func (r *loadResults) note(kind *atomic.Int64, what string) {
	r.mu.Lock()
	kind.Add(1)
	if len(r.examples) < 10 && what != "" {
		r.examples = append(r.examples, what)
	}
	r.changed.Broadcast()
	r.mu.Unlock()
}

func (r *loadResults) String() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return fmt.Sprintf("%d full answers, %d clean connection errors, %d hung, %d corrupt; %q",
		r.full.Load(), r.cleanErr.Load(), r.hung.Load(), r.corrupt.Load(), r.examples)
}

// waitFull waits until n more connections have got the full answer; it
// fails the test if one hangs or gets wrong bytes first, or after 30 s.
func (r *loadResults) waitFull(t *testing.T, n int64, when string) {
	t.Helper()
	want := r.full.Load() + n
	done := make(chan bool, 1)
	go func() {
		r.mu.Lock()
		for r.full.Load() < want && r.hung.Load() == 0 && r.corrupt.Load() == 0 {
			r.changed.Wait()
		}
		r.mu.Unlock()
		done <- r.full.Load() >= want
	}()
	select {
	case ok := <-done:
		if ok {
			return
		}
	case <-time.After(30 * time.Second):
	}
	t.Fatalf("%s: %v", when, r)
}

// fetch makes one connection and classifies it: the full answer, a clean
// connection error (refused, reset, or closed early), hung (nothing
// happened for 10 s), or corrupt (wrong bytes).
func fetch(port int, r *loadResults) {
	deadline := time.Now().Add(10 * time.Second)
	c, err := net.DialTimeout("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), 10*time.Second)
	if err != nil {
		classify(err, 0, r)
		return
	}
	defer c.Close()
	c.SetDeadline(deadline)
	buf := make([]byte, loadAnswerSize+1)
	n, err := io.ReadFull(c, buf)
	if err == nil {
		r.note(&r.corrupt, "more than the answer")
		return
	}
	for i := range n {
		if buf[i] != byte(i*7+i>>8) {
			r.note(&r.corrupt, fmt.Sprintf("byte %d is %d", i, buf[i]))
			return
		}
	}
	if n == loadAnswerSize && errors.Is(err, io.ErrUnexpectedEOF) {
		r.note(&r.full, "")
		return
	}
	classify(err, n, r)
}

func classify(err error, n int, r *loadResults) {
	var ne net.Error
	switch {
	case errors.As(err, &ne) && ne.Timeout():
		r.note(&r.hung, fmt.Sprintf("hung after %d bytes: %v", n, err))
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, syscall.ECONNRESET),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.EPIPE):
		r.note(&r.cleanErr, fmt.Sprintf("after %d bytes: %v", n, err))
	default:
		r.note(&r.corrupt, fmt.Sprintf("unexpected error after %d bytes: %v", n, err))
	}
}

// TestClusterWorkersDieUnderLoad kills a cluster's workers, one after
// another, while 8 clients keep connecting to the shared port: every
// connection gets the full 64 KiB answer or a clean connection error
// (those the dying worker had), none hangs, and after each death the
// other workers go on serving (full answers keep coming before the next
// kill). The master forks a new worker for each death, which listens on
// the same socket; at the end the master has as many descriptors open as
// at the start.
func TestClusterWorkersDieUnderLoad(t *testing.T) {
	m := startClusterMaster(t, "_load-master.js", "3")
	workers := []worker{m.waitListening(t, 1), m.waitListening(t, 2), m.waitListening(t, 3)}
	port := workers[0].port
	pid := m.cmd.Process.Pid
	fdsBefore := countFds(t, pid)

	results := newLoadResults()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				fetch(port, results)
			}
		}()
	}
	stopLoad := sync.OnceFunc(func() {
		close(stop)
		wg.Wait()
	})
	defer stopLoad()

	results.waitFull(t, 100, "before any death")
	for i, w := range workers {
		if w.port != port {
			t.Fatalf("worker %d listens on port %d, not %d", w.id, w.port, port)
		}
		sig := syscall.SIGKILL
		if i == 1 {
			sig = syscall.SIGTERM
		}
		if err := syscall.Kill(w.pid, sig); err != nil {
			t.Fatal(err)
		}
		m.out.waitFor(t, fmt.Sprintf("\ndeath %d\n", w.id))
		// The others serve while the new worker starts.
		results.waitFull(t, 50, fmt.Sprintf("after worker %d's death", w.id))
		replacement := m.waitListening(t, 4+i)
		if replacement.port != port {
			t.Fatalf("worker %d listens on port %d, not %d", replacement.id, replacement.port, port)
		}
	}
	results.waitFull(t, 100, "after the last death")
	stopLoad()

	t.Log(results)
	if results.hung.Load() > 0 || results.corrupt.Load() > 0 {
		t.Fatalf("hung or corrupt connections: %v", results)
	}
	if fds := countFds(t, pid); fds != fdsBefore {
		t.Fatalf("the master has %d descriptors open, %d at the start", fds, fdsBefore)
	}
}

// countFds is the number of open descriptors of process pid.
func countFds(t *testing.T, pid int) int {
	t.Helper()
	ents, err := os.ReadDir(fmt.Sprintf("/proc/%d/fd", pid))
	if err != nil {
		t.Skipf("cannot count descriptors: %v", err)
	}
	return len(ents)
}
