package fs_test

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/gojatls/gojatls/runtime"
)

func run(t *testing.T, dir, source string) (stdout string) {
	t.Helper()
	var out, errOut bytes.Buffer
	rt := runtime.New(runtime.Options{Dir: dir, Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	code, err := rt.RunString(ctx, "test.js", source)
	if err != nil || code != 0 {
		t.Fatalf("exit %d, %v\nstdout:\n%s\nstderr:\n%s", code, err, out.String(), errOut.String())
	}
	return out.String()
}

func openFDs(t *testing.T) int {
	t.Helper()
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc/self/fd")
	}
	return len(entries)
}

// Files a script leaves open are closed when its runtime ends.
func TestOpenFilesClosedAtExit(t *testing.T) {
	dir := t.TempDir()
	script := `
		var fs = require('fs');
		for (var i = 0; i < 20; i++) fs.openSync('f' + i, 'w');
		fs.open('async', 'w', function (err, fd) { if (err) throw err; });
	`
	run(t, dir, script) // warm up whatever the Go runtime opens once
	before := openFDs(t)
	run(t, dir, script)
	if after := openFDs(t); after > before {
		t.Fatalf("%d descriptors open after the run, %d before", after, before)
	}
}

// Relative paths resolve against the runtime's directory, not the Go
// process's, and fd 1 is the runtime's stdout.
func TestRuntimeDirectoryAndStdout(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(dir+"/data.txt", []byte("from dir"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := run(t, dir, `
		var fs = require('fs');
		fs.writeSync(1, fs.readFileSync('data.txt', 'utf8') + '\n');
		fs.write(1, new Buffer('async\n'), 0, 6, null, function (err, n) {
			if (err || n !== 6) throw err || new Error('wrote ' + n);
		});
	`)
	if out != "from dir\nasync\n" {
		t.Fatalf("stdout %q", out)
	}
}
