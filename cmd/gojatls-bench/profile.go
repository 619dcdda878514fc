package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"
)

// profiles runs tls-server.js on the gojatls runtime inside this program
// (-serve-profiled) three times: under the handshake load, under the
// 1-connection throughput load, and holding the idle connections. Each
// writes a CPU profile of its measured window and allocation profiles
// before and after it into c.profileDir.
func profiles(c *config, cl *client) error {
	dir, err := filepath.Abs(c.profileDir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	fmt.Printf("profiles of gojatls (the runtime in this program, with pprof) into %s\n", dir)
	for _, phase := range []string{"handshake", "throughput", "idle"} {
		prefix := filepath.Join(dir, phase)
		args := []string{"-serve-profiled", prefix, c.scripts}
		if c.profileJS {
			args = append(args, "js")
		}
		if c.profileTrace {
			args = append(args, "trace")
		}
		p, err := startServer(c, serverSpec{kind: kindGojatls, cmd: exec.Command(self, args...), dir: c.scripts, ready: "server bound"})
		if err != nil {
			return err
		}
		if err := raiseOpenFiles(p.pid, int64(c.idle)+200); err != nil {
			p.stop()
			return err
		}
		for i := 0; i < 20; i++ {
			if _, err := cl.cycle(); err != nil {
				p.stop()
				return fmt.Errorf("warm-up: %v", err)
			}
		}
		var summary string
		switch phase {
		case "idle":
			_ = p.cmd.Process.Signal(syscall.SIGUSR1)
			time.Sleep(200 * time.Millisecond)
			r := cl.idleConns(p, c.idle, func() {
				_ = p.cmd.Process.Signal(syscall.SIGUSR2)
				select {
				case <-p.exited:
				case <-time.After(30 * time.Second):
				}
			})
			summary = fmt.Sprintf("%d connections held (VmRSS %d -> %d KiB, with the profiler)", r.opened, r.before, r.after)
		default:
			done := make(chan phaseResult, 1)
			go func() {
				if phase == "handshake" {
					done <- cl.handshakes(p, c.clients, c.warmup, c.duration)
				} else {
					done <- cl.throughput(p, 1, c.warmup, c.duration)
				}
			}()
			time.Sleep(c.warmup)
			_ = p.cmd.Process.Signal(syscall.SIGUSR1)
			r := <-done
			_ = p.cmd.Process.Signal(syscall.SIGUSR2)
			unit := "handshakes/s"
			if phase == "throughput" {
				unit = "MiB/s"
			}
			summary = fmt.Sprintf("%.1f %s while profiled", r.rate, unit)
			if note := phaseNote(phase, r); note != "" {
				summary += "; " + note
			}
		}
		select {
		case <-p.exited:
		case <-time.After(30 * time.Second):
			p.stop()
			return fmt.Errorf("profiled server did not write its profiles")
		}
		fmt.Printf("  %s: %s; %s-cpu.pprof, %s-allocs.pprof (base %s-allocs-base.pprof), %s-memstats.txt\n",
			phase, summary, phase, phase, phase, phase)
	}
	fmt.Printf("\nview: go tool pprof -top %s/handshake-cpu.pprof\n", dir)
	fmt.Printf("      go tool pprof -top -sample_index=alloc_space -diff_base %s/handshake-allocs-base.pprof %s/handshake-allocs.pprof\n", dir, dir)
	fmt.Printf("      go tool pprof -top -sample_index=inuse_space %s/idle-allocs.pprof\n", dir)
	return nil
}
