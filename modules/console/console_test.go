package console_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/gojatls/gojatls/runtime"
)

// writes records every Write call separately.
type writes struct {
	mu    sync.Mutex
	calls []string
}

func (w *writes) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.calls = append(w.calls, string(p))
	return len(p), nil
}

func run(t *testing.T, source string) (code int, stdout, stderr []string) {
	t.Helper()
	var out, errs writes
	rt := runtime.New(runtime.Options{
		Argv0:  "gojatls",
		Dir:    t.TempDir(),
		Stdin:  strings.NewReader(""),
		Stdout: &out,
		Stderr: &errs,
	})
	code, err := rt.RunString(context.Background(), "main.js", source)
	if err != nil {
		t.Fatal(err)
	}
	return code, out.calls, errs.calls
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Each console call is one Write of the whole text with its newline; the
// util print helpers too.
func TestOneWritePerCall(t *testing.T) {
	long := strings.Repeat("x", 100000)
	code, stdout, stderr := run(t, `
var util = require('util');
console.log('a', { b: 1 });
console.log('%s\n%s', 'x', 'y');
console.info('info');
console.dir([1]);
console.log('`+long+`');
console.error('e', 1);
console.warn('w');
util.puts('p', 'q');
util.print('r', 's');
util.debug('d');
util.error('u', 'v');
console.log('end');
`)
	if code != 0 {
		t.Fatalf("exit code %d, stderr %q", code, stderr)
	}
	wantOut := []string{"a { b: 1 }\n", "x\ny\n", "info\n", "[ 1 ]\n", long + "\n",
		"p\nq\n", "rs", "end\n"}
	if !equal(stdout, wantOut) {
		t.Errorf("stdout writes %q, want %q", stdout, wantOut)
	}
	wantErr := []string{"e 1\n", "w\n", "DEBUG: d\n", "u\nv\n"}
	if !equal(stderr, wantErr) {
		t.Errorf("stderr writes %q, want %q", stderr, wantErr)
	}
}

// Output written just before process.exit is not lost.
func TestWrittenBeforeExit(t *testing.T) {
	code, stdout, stderr := run(t, `
console.log('before exit');
console.error('to stderr');
process.exit(3);
console.log('never');
`)
	if code != 3 {
		t.Errorf("exit code %d, want 3", code)
	}
	if !equal(stdout, []string{"before exit\n"}) {
		t.Errorf("stdout writes %q", stdout)
	}
	if len(stderr) == 0 || stderr[0] != "to stderr\n" {
		t.Errorf("stderr writes %q", stderr)
	}
}
