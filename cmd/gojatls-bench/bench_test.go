package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// These check the bench's bookkeeping, not any timing.

func TestMatches(t *testing.T) {
	chunk := []byte("abcdef")
	off := 0
	for _, part := range []string{"ab", "cdefab", "c", "defabcdefa"} {
		if !matches(chunk, &off, []byte(part)) {
			t.Fatalf("%q at offset %d should match", part, off)
		}
	}
	if off != 1 {
		t.Fatalf("offset %d, want 1", off)
	}
	if matches(chunk, &off, []byte("bcx")) {
		t.Fatal("a wrong byte matched")
	}
}

func TestMedian(t *testing.T) {
	if _, ok := median(nil); ok {
		t.Fatal("median of nothing")
	}
	if m, _ := median([]float64{3, 1, 2}); m != 2 {
		t.Fatalf("median %v, want 2", m)
	}
	if m, _ := median([]float64{4, 1, 3, 2}); m != 2.5 {
		t.Fatalf("median %v, want 2.5", m)
	}
}

func TestRatiosPairRounds(t *testing.T) {
	var rs results
	rs.addRound(roundValues{
		kindGojatls: {mHandshakes: 100, mIdleKiB: 10},
		kindNode:    {mHandshakes: 50},
		kindGo:      {mHandshakes: 200, mIdleKiB: 20},
	})
	if got := rs.r[mHandshakes][0]; len(got) != 1 || got[0] != 2 {
		t.Fatalf("gojatls/node ratios %v, want [2]", got)
	}
	if got := rs.r[mHandshakes][1]; len(got) != 1 || got[0] != 0.5 {
		t.Fatalf("gojatls/Go ratios %v, want [0.5]", got)
	}
	if got := rs.r[mIdleKiB][0]; len(got) != 0 {
		t.Fatalf("a ratio without a node figure: %v", got)
	}
}

func TestProcReaders(t *testing.T) {
	rss, hwm, err := procStatus(os.Getpid())
	if err != nil {
		t.Skip("no /proc:", err)
	}
	if rss <= 0 || hwm < rss {
		t.Fatalf("VmRSS %d, VmHWM %d", rss, hwm)
	}
	if _, err := cpuTime(os.Getpid()); err != nil {
		t.Fatal(err)
	}
	if n, err := openFileLimit(os.Getpid()); err != nil || n <= 0 {
		t.Fatalf("open-file limit %d, %v", n, err)
	}
}

// The bench's copy of the documented script differs from it only in the
// port; a script that does not name port 8000 exactly once is refused.
func TestWithPort(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "js-tests", "examples", "tls-server.js"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := withPort(src, 43210)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out, []byte("server.listen(43210, function() {")) {
		t.Fatalf("no listen(43210) in:\n%s", out)
	}
	if back := bytes.Replace(out, []byte("listen(43210,"), []byte("listen(8000,"), 1); !bytes.Equal(back, src) {
		t.Fatalf("the copy differs in more than the port:\n%s", out)
	}
	for _, bad := range []string{"server.listen(8001, f);", "server.listen(8000, f); server.listen(8000, g);"} {
		if _, err := withPort([]byte(bad), 1); err == nil {
			t.Fatalf("%q was accepted", bad)
		}
	}
}
