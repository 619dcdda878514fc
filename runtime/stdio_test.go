package runtime

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
)

// interleaved is a script that writes to stdout and stderr in every way a
// script can, then ends as end says: its output, with both streams on one
// pipe, must be in the order of the writes and complete.
const interleaved = `
var fs = require('fs');
for (var i = 0; i < 300; i++) {
  console.log('log ' + i);
  if (i % 3 === 0) console.error('error ' + i);
  if (i % 5 === 0) process.stdout.write('stdout ' + i + '\n');
  if (i % 7 === 0) fs.writeSync(1, 'fd1 ' + i + '\n');
  if (i % 11 === 0) process.stderr.write('stderr ' + i + '\n');
  if (i % 13 === 0) fs.writeSync(2, 'fd2 ' + i + '\n');
}
console.log(new Array(1500001).join('x')); // more than a pipe holds, and than the queue may (it waits)
END
`

// wantInterleaved is what interleaved writes before its end.
func wantInterleaved() string {
	var b strings.Builder
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&b, "log %d\n", i)
		for _, w := range []struct {
			every int
			name  string
		}{{3, "error"}, {5, "stdout"}, {7, "fd1"}, {11, "stderr"}, {13, "fd2"}} {
			if i%w.every == 0 {
				fmt.Fprintf(&b, "%s %d\n", w.name, i)
			}
		}
	}
	b.WriteString(strings.Repeat("x", 1500000) + "\n")
	return b.String()
}

// runOnPipe runs src with stdout and stderr the same pipe (2>&1) or stdout
// a pipe and stderr a file, and returns the exit code and what the pipe
// (and the file) received by the time Run returned.
func runOnPipe(t *testing.T, src string, sameStream bool) (int, string, string) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan string, 1)
	go func() {
		b, _ := io.ReadAll(r)
		got <- string(b)
	}()
	stderr := w
	var errFile *os.File
	if !sameStream {
		errFile, err = os.CreateTemp(t.TempDir(), "stderr")
		if err != nil {
			t.Fatal(err)
		}
		defer errFile.Close()
		stderr = errFile
	}
	rt := New(Options{Dir: t.TempDir(), Stdout: w, Stderr: stderr, Stdin: strings.NewReader("")})
	code, err := rt.RunString(context.Background(), "main.js", src)
	if err != nil {
		t.Fatal(err)
	}
	// Everything was written before Run returned: what the pipe holds now
	// is all of it.
	_ = w.Close()
	out := <-got
	_ = r.Close()
	var errOut string
	if errFile != nil {
		b, err := os.ReadFile(errFile.Name())
		if err != nil {
			t.Fatal(err)
		}
		errOut = string(b)
	}
	return code, out, errOut
}

func TestStdioPipeKeepsOrderAndFlushesAtEnd(t *testing.T) {
	want := wantInterleaved()
	for _, c := range []struct {
		name, end string
		code      int
		tail      string // what the end adds (a prefix of the rest)
	}{
		{"natural end", "console.log('done');", 0, "done\n"},
		{"process.exit", "console.log('exiting'); process.exit(3); console.log('not this');", 3, "exiting\n"},
		{"exit in a callback", "setTimeout(function () { console.log('late'); process.exit(4); }, 1);", 4, "late\n"},
		{"uncaught exception", "console.log('throwing'); throw new Error('boom');", 1, "throwing\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out, _ := runOnPipe(t, strings.Replace(interleaved, "END", c.end, 1), true)
			if code != c.code {
				t.Errorf("exit code %d, want %d", code, c.code)
			}
			if !strings.HasPrefix(out, want+c.tail) {
				t.Fatalf("output not in the order written, or incomplete:\n%s", firstDifference(out, want+c.tail))
			}
			rest := out[len(want+c.tail):]
			if c.name == "uncaught exception" {
				if !strings.Contains(rest, "Error: boom") {
					t.Errorf("the exception is not printed after the output: %q", rest)
				}
			} else if rest != "" {
				t.Errorf("more output than written: %q", rest)
			}
		})
	}
}

// A stream that blocks (stderr on a file) writes after what the other
// stream (stdout on a pipe) queued before it.
func TestStdioPipeAndFileEachComplete(t *testing.T) {
	code, out, errOut := runOnPipe(t, strings.Replace(interleaved, "END", "", 1), false)
	if code != 0 {
		t.Fatalf("exit code %d", code)
	}
	var wantOut, wantErr strings.Builder
	for _, line := range strings.SplitAfter(wantInterleaved(), "\n") {
		switch {
		case line == "":
		case strings.HasPrefix(line, "error") || strings.HasPrefix(line, "stderr") || strings.HasPrefix(line, "fd2"):
			wantErr.WriteString(line)
		default:
			wantOut.WriteString(line)
		}
	}
	if out != wantOut.String() {
		t.Errorf("stdout:\n%s", firstDifference(out, wantOut.String()))
	}
	if errOut != wantErr.String() {
		t.Errorf("stderr:\n%s", firstDifference(errOut, wantErr.String()))
	}
}

// firstDifference shows where got and want part.
func firstDifference(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-40)
	return fmt.Sprintf("at byte %d: got %q, want %q", i, got[from:min(len(got), i+40)], want[from:min(len(want), i+40)])
}
