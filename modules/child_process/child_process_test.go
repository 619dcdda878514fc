//go:build unix

package childprocess_test

import (
	"bytes"
	"context"
	"errors"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gojatls/gojatls/runtime"
)

// runScript runs source and returns the pid it printed.
func runScript(t *testing.T, ctx context.Context, source string) int {
	t.Helper()
	var stdout, stderr bytes.Buffer
	rt := runtime.New(runtime.Options{Stdout: &stdout, Stderr: &stderr, Stdin: strings.NewReader("")})
	if _, err := rt.RunString(ctx, "main.js", source); err != nil && ctx.Err() == nil {
		t.Fatalf("run: %v\nstderr:\n%s", err, stderr.String())
	}
	pid, err := strconv.Atoi(strings.TrimSpace(stdout.String()))
	if err != nil {
		t.Fatalf("no pid printed: %q\nstderr:\n%s", stdout.String(), stderr.String())
	}
	return pid
}

// gone waits until pid no longer exists (killed and reaped).
func gone(pid int) bool {
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
			return true
		}
		time.Sleep(10 * time.Millisecond)
	}
	return false
}

// Children still running when the runtime ends are killed, however it
// ends; detached ones are left running.
func TestChildrenKilledAtExit(t *testing.T) {
	cases := map[string]string{
		"process.exit": `
			var c = require('child_process').spawn('sleep', ['600']);
			console.log(c.pid);
			process.exit(0);`,
		"unref": `
			var c = require('child_process').spawn('sleep', ['600'], { stdio: 'ignore' });
			console.log(c.pid);
			c.unref();`,
		"exception": `
			var c = require('child_process').spawn('sleep', ['600']);
			console.log(c.pid);
			throw new Error('the script fails');`,
	}
	for name, source := range cases {
		t.Run(name, func(t *testing.T) {
			pid := runScript(t, context.Background(), source)
			if !gone(pid) {
				_ = syscall.Kill(pid, syscall.SIGKILL)
				t.Fatalf("child %d still running after the runtime ended", pid)
			}
		})
	}

	t.Run("cancel", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
		defer cancel()
		pid := runScript(t, ctx, `
			var c = require('child_process').spawn('sleep', ['600']);
			console.log(c.pid);`)
		if !gone(pid) {
			_ = syscall.Kill(pid, syscall.SIGKILL)
			t.Fatalf("child %d still running after the runtime was cancelled", pid)
		}
	})

	t.Run("detached", func(t *testing.T) {
		pid := runScript(t, context.Background(), `
			var c = require('child_process').spawn('sleep', ['600'], { detached: true, stdio: 'ignore' });
			console.log(c.pid);
			c.unref();`)
		defer func() { _ = syscall.Kill(pid, syscall.SIGKILL) }()
		if err := syscall.Kill(pid, 0); err != nil {
			t.Fatalf("detached child %d was not left running: %v", pid, err)
		}
	})
}
