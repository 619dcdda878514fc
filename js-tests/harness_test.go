// Package jstests runs every js-tests/**/*.js script through the runtime. A
// script passes when it exits with 0 and, if a <name>.out file sits beside
// it, prints exactly that on stdout. A script whose first line of output
// starts with "SKIP:" and that exits with 0 is reported as skipped with the
// rest of that line.
// A script whose first line is "// gojatls: --legacy-crypto" runs with that
// option. Scripts under child_process/ and cluster/ run with process.execPath (Argv0)
// set to a gojatls binary built once per test run, so that fork() can start
// gojatls children. Files under fixtures/ or node_modules/, and files whose name starts with
// "_", are helpers, not tests; differential/ is run by TestDifferential and
// examples/ by TestExamples.
package jstests

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gojatls/gojatls/runtime"
)

// scriptTimeout bounds one script so that a hang fails instead of stalling.
const scriptTimeout = 2 * time.Minute

func TestMain(m *testing.M) {
	code := m.Run()
	if binaryDir != "" {
		_ = os.RemoveAll(binaryDir)
	}
	os.Exit(code)
}

var (
	binaryOnce sync.Once
	binaryDir  string
	binaryPath string
	binaryErr  error
)

// gojatlsBinary builds ./cmd/gojatls once per test run and returns its
// path: the process.execPath of scripts that fork() gojatls children (the
// test binary itself cannot run a script).
func gojatlsBinary(t *testing.T) string {
	t.Helper()
	binaryOnce.Do(func() {
		binaryDir, binaryErr = os.MkdirTemp("", "gojatls-jstests")
		if binaryErr != nil {
			return
		}
		path := filepath.Join(binaryDir, "gojatls")
		build := exec.Command("go", "build", "-o", path, "../cmd/gojatls")
		out, err := build.CombinedOutput()
		if err != nil {
			binaryErr = fmt.Errorf("go build ./cmd/gojatls: %v\n%s", err, out)
			return
		}
		binaryPath = path
	})
	if binaryErr != nil {
		t.Fatal(binaryErr)
	}
	return binaryPath
}

func TestScripts(t *testing.T) {
	var scripts []string
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "fixtures" || d.Name() == "node_modules" || d.Name() == "differential" || d.Name() == "examples") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".js") && !strings.HasPrefix(d.Name(), "_") {
			scripts = append(scripts, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(scripts) == 0 {
		t.Fatal("no scripts found")
	}
	for _, script := range scripts {
		t.Run(strings.TrimSuffix(script, ".js"), func(t *testing.T) {
			t.Parallel()
			runScript(t, script)
		})
	}
}

func runScript(t *testing.T, script string) {
	abs, err := filepath.Abs(script)
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(abs)
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(src), "\n")
	argv0 := "gojatls"
	if dir := filepath.Base(filepath.Dir(abs)); dir == "child_process" || dir == "cluster" {
		argv0 = gojatlsBinary(t)
	}
	var stdout, stderr bytes.Buffer
	rt := runtime.New(runtime.Options{
		Argv0:        argv0,
		LegacyCrypto: strings.TrimSpace(first) == "// gojatls: --legacy-crypto",
		Dir:          filepath.Dir(abs),
		Stdin:        strings.NewReader(""),
		Stdout:       &stdout,
		Stderr:       &stderr,
	})
	ctx, cancel := context.WithTimeout(context.Background(), scriptTimeout)
	defer cancel()
	code, err := rt.RunFile(ctx, abs)
	if err != nil {
		t.Fatalf("%s: %v\nstdout:\n%s\nstderr:\n%s", script, err, stdout.String(), stderr.String())
	}
	// A skip counts only when the script then exits with 0: one that
	// prints SKIP and fails has failed.
	if code != 0 {
		t.Fatalf("%s exited with %d\nstdout:\n%s\nstderr:\n%s", script, code, stdout.String(), stderr.String())
	}
	if first, _, _ := strings.Cut(stdout.String(), "\n"); strings.HasPrefix(first, "SKIP:") {
		t.Skip(strings.TrimSpace(strings.TrimPrefix(first, "SKIP:")))
	}
	want, err := os.ReadFile(strings.TrimSuffix(abs, ".js") + ".out")
	if err == nil && stdout.String() != string(want) {
		t.Fatalf("%s: stdout differs from its .out file\n--- got:\n%s\n--- want:\n%s\nstderr:\n%s",
			script, stdout.String(), want, stderr.String())
	}
}
