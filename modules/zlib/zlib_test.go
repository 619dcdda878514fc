package zlib_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"go.uber.org/goleak"

	"github.com/gojatls/gojatls/runtime"
)

// run runs a script in a fresh runtime and returns its exit code and what
// it printed.
func run(t *testing.T, source string) (int, string) {
	t.Helper()
	var out bytes.Buffer
	rt := runtime.New(runtime.Options{
		Stdin:  strings.NewReader(""),
		Stdout: &out,
		Stderr: &out,
	})
	code, err := rt.RunString(context.Background(), "zlib.js", source)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	return code, out.String()
}

// TestNoGoroutineLeft: streams that finished, failed, were destroyed
// mid-way or were left mid-way when the program ended leave no goroutine.
func TestNoGoroutineLeft(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	code, out := run(t, `
var zlib = require('zlib');
var big = new Buffer(1 << 20);
zlib.gzip(big, function(err, gz) {
  if (err) throw err;
  zlib.gunzip(gz, function(err) { if (err) throw err; console.log('round trip'); });
});
zlib.inflate(new Buffer('garbage'), function(err) { console.log(err.code); });
var destroyed = zlib.createDeflate();
destroyed.write(big);
destroyed.write(big);
destroyed.destroy();
destroyed.on('close', function() { console.log('closed'); });
var partial = zlib.createGunzip();
zlib.gzip(big, function(err, gz) { partial.write(gz.slice(0, 100)); });
var idle = zlib.createInflate();
idle.write(new Buffer([0x78]));
`)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	for _, want := range []string{"round trip", "Z_DATA_ERROR", "closed"} {
		if !strings.Contains(out, want) {
			t.Fatalf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestExitMidStream: process.exit while a stream works leaves nothing.
func TestExitMidStream(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	code, out := run(t, `
var zlib = require('zlib');
var g = zlib.createGzip();
g.write(new Buffer(4 << 20));
g.on('data', function() {});
process.exit(4);
`)
	if code != 4 {
		t.Fatalf("exit %d\n%s", code, out)
	}
}
