package runtime

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runWith runs src as the main module main.js with opts (its standard
// streams replaced) and returns its exit code and output.
func runWith(t *testing.T, opts Options, src string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	opts.Stdout, opts.Stderr, opts.Stdin = &out, &errb, strings.NewReader("")
	rt := New(opts)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	code, err := rt.RunString(ctx, "main.js", src)
	if err != nil {
		t.Fatal(err)
	}
	return code, out.String(), errb.String()
}

// TestGlobals: Options.Globals are usable from the script, functions
// included, and not enumerable, so Node's set of enumerable globals is
// unchanged.
func TestGlobals(t *testing.T) {
	opts := Options{Dir: t.TempDir(), Globals: map[string]any{
		"APP_NAME": "demo",
		"limits":   map[string]any{"conns": 5},
		"double":   func(n int) int { return n * 2 },
	}}
	code, out, errb := runWith(t, opts, `
		var keys = [];
		for (var k in global) keys.push(k);
		console.log(APP_NAME, limits.conns, double(21), keys.indexOf('APP_NAME'), keys.indexOf('double'));
	`)
	if code != 0 || out != "demo 5 42 -1 -1\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errb)
	}
}

// TestPreload: Options.Preload modules run before the main script, in
// order, resolved from Dir; one that throws ends the program with exit 1
// before the main script runs.
func TestPreload(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("first.js", "global.order = ['first'];\n")
	write("second.js", "order.push('second:' + require('path').basename(__filename));\n")
	write("bad.js", "throw new Error('preload failed');\n")

	code, out, errb := runWith(t, Options{Dir: dir, Preload: []string{"./first", "./second.js"}},
		"order.push('main'); console.log(order.join(' '));")
	if code != 0 || out != "first second:second.js main\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errb)
	}

	code, out, errb = runWith(t, Options{Dir: dir, Preload: []string{"./bad"}}, "console.log('main ran');")
	if code != 1 || out != "" || !strings.Contains(errb, "Error: preload failed") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errb)
	}

	code, _, errb = runWith(t, Options{Dir: dir, Preload: []string{"./missing"}}, "")
	if code != 1 || !strings.Contains(errb, "Cannot find module './missing'") {
		t.Fatalf("exit %d, stderr %q", code, errb)
	}
}
