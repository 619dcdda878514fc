package jstests

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gojatls/gojatls/runtime"
)

// TestDifferential runs each script in differential/ under node and under
// gojatls and requires the same stdout and exit code. The scripts keep to
// what Node 0.7 and today's Node agree on. (They are not run by
// TestScripts: several end with a non-zero code on purpose.) Files whose
// name starts with "_" are helpers, such as the children fork() starts:
// node forks node children, gojatls gojatls ones (process.execPath).
func TestDifferential(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed: the differential test against node is skipped (.ci/run installs it)")
	}
	all, err := filepath.Glob("differential/*.js")
	var scripts []string
	for _, s := range all {
		if !strings.HasPrefix(filepath.Base(s), "_") { // helpers (a forked child), not tests
			scripts = append(scripts, s)
		}
	}
	if err != nil || len(scripts) == 0 {
		t.Fatalf("no differential scripts: %v", err)
	}
	for _, script := range scripts {
		t.Run(strings.TrimSuffix(filepath.Base(script), ".js"), func(t *testing.T) {
			t.Parallel()
			abs, _ := filepath.Abs(script)
			wantOut, wantErr, wantCode := runNode(t, node, abs)
			gotOut, gotErr, gotCode := runGojatls(t, abs)
			if gotOut != wantOut || gotCode != wantCode {
				t.Fatalf("%s\n--- node (exit %d):\n%s\n--- gojatls (exit %d):\n%s\n--- gojatls stderr:\n%s",
					script, wantCode, wantOut, gotCode, gotOut, gotErr)
			}
			if (wantErr == "") != (gotErr == "") {
				t.Fatalf("%s: node stderr %q, gojatls stderr %q", script, wantErr, gotErr)
			}
		})
	}
}

func runNode(t *testing.T, node, script string) (string, string, int) {
	// node gets the bound a gojatls script gets: killed at the deadline,
	// and no longer waited for when a child it forked keeps its output open.
	ctx, cancel := context.WithTimeout(context.Background(), scriptTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "--no-deprecation", script)
	cmd.WaitDelay = 5 * time.Second
	cmd.Dir = filepath.Dir(script)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("node %s did not end within %v\nstdout:\n%s\nstderr:\n%s", script, scriptTimeout, out.String(), errb.String())
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return out.String(), errb.String(), exit.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), 0
}

func runGojatls(t *testing.T, script string) (string, string, int) {
	var out, errb bytes.Buffer
	rt := runtime.New(runtime.Options{
		Dir: filepath.Dir(script), Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Env:   os.Environ(),
		Argv0: gojatlsBinary(t), // fork() starts gojatls children, as node starts node ones
	})
	ctx, cancel := context.WithTimeout(context.Background(), scriptTimeout)
	defer cancel()
	code, err := rt.RunFile(ctx, script)
	if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}
