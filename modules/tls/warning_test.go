package tls_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gojatls/gojatls/runtime"
)

// A client that goes ahead with an unverified server only because
// rejectUnauthorized was left at its default gets one warning per process
// (DESIGN.md decision 2); --no-warnings and an explicit false silence it.
const warnScript = `
var tls = require('tls'), fs = require('fs');
var server = tls.createServer({ key: fs.readFileSync('server-key.pem'), cert: fs.readFileSync('server-cert.pem') },
  function (s) { s.end(); });
server.listen(0, '127.0.0.1', function () {
  var left = 3;
  function one(opts) {
    opts.port = server.address().port; opts.host = '127.0.0.1';
    var c = tls.connect(opts, function () { c.resume(); });
    c.on('close', function () { if (--left === 0) server.close(); });
  }
  one(OPTS); one(OPTS); one(OPTS);
});
`

func runWarn(t *testing.T, opts string, noWarnings bool) string {
	t.Helper()
	dir, _ := filepath.Abs("../../js-tests/fixtures")
	var out, errb bytes.Buffer
	rt := runtime.New(runtime.Options{Dir: dir, Stdout: &out, Stderr: &errb, NoWarnings: noWarnings})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	code, err := rt.RunString(ctx, "warn.js", strings.ReplaceAll(warnScript, "OPTS", opts))
	if err != nil || code != 0 {
		t.Fatalf("code %d, err %v, stderr:\n%s", code, err, errb.String())
	}
	return errb.String()
}

func TestDefaultRejectUnauthorizedWarning(t *testing.T) {
	stderr := runWarn(t, "{}", false)
	if n := strings.Count(stderr, "warning:"); n != 1 || !strings.Contains(stderr, "DEPTH_ZERO_SELF_SIGNED_CERT") ||
		!strings.Contains(stderr, "rejectUnauthorized") {
		t.Fatalf("want exactly one warning naming the code and the option, got:\n%s", stderr)
	}
	if stderr := runWarn(t, "{}", true); stderr != "" {
		t.Fatalf("--no-warnings: stderr %q", stderr)
	}
	if stderr := runWarn(t, "{ rejectUnauthorized: false }", false); stderr != "" {
		t.Fatalf("explicit rejectUnauthorized false: stderr %q", stderr)
	}
}

// A cipher list that selects nothing usable keeps the default list and
// warns once.
func TestCipherListWarning(t *testing.T) {
	var out, errb bytes.Buffer
	rt := runtime.New(runtime.Options{Stdout: &out, Stderr: &errb})
	code, err := rt.RunString(context.Background(), "ciphers.js", `
		var crypto = require('crypto');
		crypto.createCredentials({ ciphers: 'CAMELLIA' });
		crypto.createCredentials({ ciphers: 'NOSUCHCIPHER' });
	`)
	if err != nil || code != 0 {
		t.Fatalf("code %d, err %v, stderr %s", code, err, errb.String())
	}
	if n := strings.Count(errb.String(), "warning:"); n != 1 || !strings.Contains(errb.String(), "'CAMELLIA'") {
		t.Fatalf("want one warning naming the list, got:\n%s", errb.String())
	}
}
