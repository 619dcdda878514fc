package jstests

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gojatls/gojatls/runtime"
)

// TestHelloExample runs the README's first example.
func TestHelloExample(t *testing.T) {
	dir, _ := filepath.Abs("examples")
	var out, errb bytes.Buffer
	rt := runtime.New(runtime.Options{Dir: dir, Args: []string{"tester"}, Stdout: &out, Stderr: &errb, Stdin: strings.NewReader("")})
	code, err := rt.RunFile(context.Background(), "hello.js")
	want := "gojatls v0.7.4 on linux\nhello, tester\n"
	if err != nil || code != 0 || out.String() != want {
		t.Fatalf("code %d, err %v, stdout %q (want %q), stderr %q", code, err, out.String(), want, errb.String())
	}
}
