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
// (README: Compatibility, Warnings); --no-warnings and an explicit false silence it.
const warnScript = `
var tls = require('tls'), fs = require('fs');
var server = tls.createServer({ key: fs.readFileSync(KEY), cert: fs.readFileSync(CERT) },
  function (s) { s.on('error', function () {}); s.end(); });
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

// runWarn runs warnScript against the self-signed server-cert.pem, and
// returns the program's stderr.
func runWarn(t *testing.T, opts string, noWarnings bool) string {
	t.Helper()
	return runWarnWith(t, "'server-key.pem'", "'server-cert.pem'", opts, noWarnings)
}

func runWarnWith(t *testing.T, key, cert, opts string, noWarnings bool) string {
	t.Helper()
	dir, _ := filepath.Abs("../../js-tests/fixtures")
	var out, errb bytes.Buffer
	rt := runtime.New(runtime.Options{Dir: dir, Stdout: &out, Stderr: &errb, NoWarnings: noWarnings})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	script := strings.NewReplacer("OPTS", opts, "KEY", key, "CERT", cert).Replace(warnScript)
	code, err := rt.RunString(ctx, "warn.js", script)
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

// A client whose server's chain verifies but whose certificate does not
// name the host it dialled gets one warning per process saying how to
// refuse such servers (Node 0.7 did not check host names, and neither does
// gojatls unless asked); nothing when the name matches, when the script
// checks host names itself, when it set rejectUnauthorized: false, or with
// --no-warnings.
func TestHostnameWarning(t *testing.T) {
	leaf := func(opts string, noWarnings bool) string {
		return runWarnWith(t, "'leaf-server-key.pem'", "'leaf-server-chain.pem'",
			"{ ca: [fs.readFileSync('ca-root-cert.pem')], "+opts+" }", noWarnings)
	}
	stderr := leaf("servername: 'other.test'", false)
	if n := strings.Count(stderr, "warning:"); n != 1 || !strings.Contains(stderr, "'other.test'") ||
		!strings.Contains(stderr, "checkServerIdentity: tls.checkServerIdentity") {
		t.Fatalf("want exactly one warning naming the host and the option, got:\n%s", stderr)
	}
	if stderr := leaf("servername: 'other.test', rejectUnauthorized: true", false); strings.Count(stderr, "warning:") != 1 {
		t.Fatalf("rejectUnauthorized true: want the warning, got:\n%s", stderr)
	}
	for _, quiet := range []string{
		"servername: 'localhost'",
		"rejectUnauthorized: true",
		"servername: 'other.test', rejectUnauthorized: false",
		"servername: 'other.test', checkServerIdentity: function () {}",
	} {
		if stderr := leaf(quiet, false); stderr != "" {
			t.Fatalf("%s: stderr %q", quiet, stderr)
		}
	}
	if stderr := leaf("servername: 'other.test'", true); stderr != "" {
		t.Fatalf("--no-warnings: stderr %q", stderr)
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
