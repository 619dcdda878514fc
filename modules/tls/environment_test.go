package tls_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gojatls/gojatls/runtime"
)

// extraCAScript connects to a server whose chain ends at ca-root-cert.pem
// and prints whether it verified, with the ca option given in OPTS or not.
const extraCAScript = `
var tls = require('tls'), fs = require('fs');
var server = tls.createServer({ key: fs.readFileSync('leaf-server-key.pem'), cert: fs.readFileSync('leaf-server-chain.pem') },
  function (s) { s.on('error', function () {}); s.end(); });
server.listen(0, '127.0.0.1', function () {
  var opts = OPTS;
  opts.port = server.address().port;
  opts.host = '127.0.0.1';
  opts.rejectUnauthorized = false;
  var c = tls.connect(opts, function () {
    console.log('authorized ' + c.authorized);
    c.end();
  });
  c.on('close', function () { server.close(); });
});
`

func fixturesDir(t *testing.T) string {
	dir, err := filepath.Abs("../../js-tests/fixtures")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// cleanEnviron is the test's environment without the variables these
// tests set (a machine may have NODE_EXTRA_CA_CERTS set for node).
func cleanEnviron() []string {
	var out []string
	for _, kv := range os.Environ() {
		switch k, _, _ := strings.Cut(kv, "="); k {
		case "NODE_EXTRA_CA_CERTS", "SSLKEYLOGFILE", "NODE_TLS_REJECT_UNAUTHORIZED", "NODE_DEBUG":
		default:
			out = append(out, kv)
		}
	}
	return out
}

// runEnv runs source in the fixtures directory with env added to the
// process's environment; it returns stdout and stderr.
func runEnv(t *testing.T, source string, env []string, opts runtime.Options) (string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	opts.Dir, opts.Stdout, opts.Stderr = fixturesDir(t), &out, &errb
	opts.Env = append(cleanEnviron(), env...)
	rt := runtime.New(opts)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	code, err := rt.RunString(ctx, "env.js", source)
	if err != nil || code != 0 {
		t.Fatalf("code %d, err %v, stderr:\n%s", code, err, errb.String())
	}
	return out.String(), errb.String()
}

// NODE_EXTRA_CA_CERTS adds a PEM file's certificates to the default roots
// (not to a ca option); a file that cannot be read or holds a bad
// certificate gets Node's warning and adds nothing. Where node is
// installed, it prints the same for each case.
func TestNodeExtraCACerts(t *testing.T) {
	dir := t.TempDir()
	truncated := filepath.Join(dir, "truncated.pem")
	root, _ := os.ReadFile(filepath.Join(fixturesDir(t), "ca-root-cert.pem"))
	lines := strings.Split(string(root), "\n")
	bad := strings.Join(lines[:5], "\n") + "\n-----END CERTIFICATE-----\n"
	if err := os.WriteFile(truncated, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	warning := regexp.MustCompile("^Warning: Ignoring extra certs from `[^`]+`, load failed: .+\n$")
	cases := []struct {
		name, extra, opts, out string
		warns                  bool
	}{
		{"unset", "", "{}", "authorized false\n", false},
		{"added", "ca-root-cert.pem", "{}", "authorized true\n", false},
		{"not with ca", "ca-root-cert.pem", "{ ca: [fs.readFileSync('other-root-cert.pem')] }", "authorized false\n", false},
		{"missing file", filepath.Join(dir, "nonexistent.pem"), "{}", "authorized false\n", true},
		{"bad certificate", truncated, "{}", "authorized false\n", true},
	}
	node, _ := exec.LookPath("node")
	for _, c := range cases {
		var env []string
		if c.extra != "" {
			env = []string{"NODE_EXTRA_CA_CERTS=" + c.extra}
		}
		source := strings.Replace(extraCAScript, "OPTS", c.opts, 1)
		out, stderr := runEnv(t, source, env, runtime.Options{})
		if out != c.out || warning.MatchString(stderr) != c.warns || (!c.warns && stderr != "") {
			t.Errorf("%s: stdout %q, stderr %q; want %q, a warning: %v", c.name, out, stderr, c.out, c.warns)
		}
		if node == "" {
			continue
		}
		nodeOut, nodeErr := runNode(t, node, source, env)
		if nodeOut != out || warning.MatchString(nodeErr) != c.warns {
			t.Errorf("%s: node printed %q, stderr %q; gojatls %q, %q", c.name, nodeOut, nodeErr, out, stderr)
		}
	}
	if node == "" {
		t.Log("node is not installed: compared with the expected output only (.ci/run installs it)")
	}
}

// runNode runs source under node in the fixtures directory, as runEnv
// runs it under gojatls.
func runNode(t *testing.T, node, source string, env []string) (string, string) {
	t.Helper()
	script := filepath.Join(t.TempDir(), "env.js")
	if err := os.WriteFile(script, []byte(source), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, script)
	cmd.Dir, cmd.Env = fixturesDir(t), append(cleanEnviron(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("node: %v\n%s", err, errb.String())
	}
	return out.String(), errb.String()
}

// rejectEnvScript: clients of a self-signed server, by default and with
// rejectUnauthorized true, the second time after the script itself sets
// the variable.
const rejectEnvScript = `
var tls = require('tls'), fs = require('fs');
var server = tls.createServer({ key: fs.readFileSync('server-key.pem'), cert: fs.readFileSync('server-cert.pem') },
  function (s) { s.on('error', function () {}); s.end(); });
var runs = [{}, {}, { rejectUnauthorized: true }];
server.listen(0, '127.0.0.1', function next() {
  var opts = runs.shift();
  if (!opts) { server.close(); return; }
  if (SET) { process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; }
  opts.port = server.address().port;
  opts.host = '127.0.0.1';
  var c = tls.connect(opts, function () {
    console.log('secureConnect ' + c.authorized + ' ' + c.authorizationError);
    c.end();
  });
  c.on('error', function (err) { console.log('error ' + err.code); });
  c.on('close', next);
});
`

// NODE_TLS_REJECT_UNAUTHORIZED=0 (in the environment, or set by the script
// in process.env) makes tls.connect accept what does not verify without
// gojatls's warning, unless rejectUnauthorized is given, and prints Node's
// warning once. The same under node.
func TestRejectUnauthorizedEnv(t *testing.T) {
	const warning = "Setting the NODE_TLS_REJECT_UNAUTHORIZED environment variable to '0' makes TLS connections " +
		"and HTTPS requests insecure by disabling certificate verification."
	const want = "secureConnect false DEPTH_ZERO_SELF_SIGNED_CERT\nsecureConnect false DEPTH_ZERO_SELF_SIGNED_CERT\n" +
		"error DEPTH_ZERO_SELF_SIGNED_CERT\n"
	node, _ := exec.LookPath("node")
	for _, c := range []struct {
		name, set string
		env       []string
	}{
		{"environment", "false", []string{"NODE_TLS_REJECT_UNAUTHORIZED=0"}},
		{"process.env", "true", nil},
	} {
		source := strings.Replace(rejectEnvScript, "SET", c.set, 1)
		out, stderr := runEnv(t, source, c.env, runtime.Options{})
		if out != want || stderr != "(gojatls) warning: "+warning+"\n" {
			t.Errorf("%s: stdout %q, stderr %q", c.name, out, stderr)
		}
		if _, stderr := runEnv(t, source, c.env, runtime.Options{NoWarnings: true}); stderr != "" {
			t.Errorf("%s, --no-warnings: stderr %q", c.name, stderr)
		}
		if node != "" {
			nodeOut, nodeErr := runNode(t, node, source, c.env)
			if nodeOut != want || strings.Count(nodeErr, warning) != 1 {
				t.Errorf("%s: node printed %q, stderr %q", c.name, nodeOut, nodeErr)
			}
		}
	}
}

// SSLKEYLOGFILE names a file the key-log lines of client and server
// connections are appended to; Options.TLSKeyLog takes them instead.
// (cmd/gojatls decrypts a capture with such a file.)
func TestSSLKeyLogFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "keys.log")
	source := strings.Replace(extraCAScript, "OPTS", "{}", 1)
	_, stderr := runEnv(t, source, []string{"SSLKEYLOGFILE=" + file}, runtime.Options{})
	if !strings.Contains(stderr, "secret key material is written to "+file) {
		t.Fatalf("no warning naming the file; stderr:\n%s", stderr)
	}
	keys, _ := os.ReadFile(file)
	line := regexp.MustCompile(`(?m)^(CLIENT|SERVER)_(HANDSHAKE_TRAFFIC_SECRET|TRAFFIC_SECRET_0) [0-9a-f]{64} [0-9a-f]{64,}$`)
	// One connection, logged by both of its ends: 2 x 4 TLS 1.3 secrets.
	if n := len(line.FindAllString(string(keys), -1)); n != 8 {
		t.Fatalf("%d key-log lines, want 8:\n%s", n, keys)
	}
	var mine bytes.Buffer
	_, stderr = runEnv(t, source, []string{"SSLKEYLOGFILE=" + file}, runtime.Options{TLSKeyLog: &mine, NoWarnings: true})
	if n := len(line.FindAllString(mine.String(), -1)); n != 8 || stderr != "" {
		t.Fatalf("Options.TLSKeyLog: %d lines, stderr %q", n, stderr)
	}
	if again, _ := os.ReadFile(file); !bytes.Equal(again, keys) {
		t.Fatal("SSLKEYLOGFILE was written although Options.TLSKeyLog was set")
	}
}

// debugScript: a TLS server with a TLS client, and a net server with a
// net client; it prints its pid.
const debugScript = `
var tls = require('tls'), net = require('net'), fs = require('fs');
console.log(process.pid);
var server = tls.createServer({ key: fs.readFileSync('server-key.pem'), cert: fs.readFileSync('server-cert.pem') },
  function (s) { s.end('hi'); });
server.listen(0, '127.0.0.1', function () {
  var c = tls.connect({ port: server.address().port, host: '127.0.0.1', rejectUnauthorized: false }, function () {
    c.resume();
    c.on('end', function () {
      server.close();
      var plain = net.createServer(function (s) { s.end(); });
      plain.listen(0, '127.0.0.1', function () {
        var n = net.connect(plain.address().port, '127.0.0.1');
        n.resume();
        n.on('close', function () { plain.close(); });
      });
    });
  });
});
`

// NODE_DEBUG=tls,net prints debug lines on stderr in the shape of Node's
// util.debuglog ('NET 1234: ...'), only for the sections named; where node
// is installed, each line gojatls prints (but the two that show arguments
// node formats otherwise) is one node prints for the same script.
func TestNodeDebug(t *testing.T) {
	out, stderr := runEnv(t, debugScript, []string{"NODE_DEBUG=tls,net"}, runtime.Options{})
	pid := strings.TrimSpace(out)
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	shape := regexp.MustCompile(`^(NET|TLS) ` + pid + `: `)
	for _, line := range lines {
		if !shape.MatchString(line) {
			t.Fatalf("line %q is not 'SECTION %s: ...'; stderr:\n%s", line, pid, stderr)
		}
	}
	for _, want := range []string{
		"NET " + pid + ": onconnection",
		"NET " + pid + ": afterConnect",
		"NET " + pid + ": SERVER: emit close",
		"TLS " + pid + ": server emit secureConnection",
		"TLS " + pid + ": client emit secureConnect. rejectUnauthorized: false, authorizationError: DEPTH_ZERO_SELF_SIGNED_CERT",
	} {
		if !strings.Contains(stderr, want+"\n") {
			t.Errorf("no line %q; stderr:\n%s", want, stderr)
		}
	}
	if _, stderr := runEnv(t, debugScript, []string{"NODE_DEBUG=NeT"}, runtime.Options{}); strings.Contains(stderr, "TLS ") || !strings.Contains(stderr, "NET ") {
		t.Errorf("NODE_DEBUG=NeT: stderr:\n%s", stderr)
	}
	if _, stderr := runEnv(t, debugScript, nil, runtime.Options{}); stderr != "" {
		t.Errorf("no NODE_DEBUG: stderr:\n%s", stderr)
	}

	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed: the lines are not compared with node's (.ci/run installs it)")
	}
	nodeOut, nodeErr := runNode(t, node, debugScript, []string{"NODE_DEBUG=tls,net"})
	nodeLines := map[string]bool{}
	for _, line := range strings.Split(nodeErr, "\n") {
		nodeLines[strings.Replace(line, " "+strings.TrimSpace(nodeOut)+": ", " PID: ", 1)] = true
	}
	for _, line := range lines {
		if strings.Contains(line, ": setupListenHandle ") || strings.Contains(line, ": connect: attempting to connect to ") {
			continue
		}
		if mine := strings.Replace(line, " "+pid+": ", " PID: ", 1); !nodeLines[mine] {
			t.Errorf("node never prints %q; node's stderr:\n%s", mine, nodeErr)
		}
	}
}
