package jstests

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// browserServerJS is a gojatls https server (certificate from the test CA,
// CN=localhost) for a real browser: "/" is a page that loads "/app.js",
// whose code posts to "/report" (a synchronous XMLHttpRequest, so that
// it is done before the page has loaded) and writes the answer into the
// page. The server reports each request and the report's body.
const browserServerJS = `
var https = require('https'), fs = require('fs'), path = require('path');
var h = require('harness');
function fixture(name) { return fs.readFileSync(path.join(__dirname, 'fixtures', name)); }
var page = '<!DOCTYPE html><html><head><title>gojatls</title><script src="/app.js"></script></head>' +
           '<body><p id="out">static</p><script>run();</script></body></html>';
var app = 'function run() {\n' +
          '  var x = new XMLHttpRequest();\n' +
          '  x.open("POST", "/report", false);\n' +
          '  x.setRequestHeader("Content-Type", "text/plain");\n' +
          '  x.send("hello from " + (navigator.userAgent.indexOf("Chrome") >= 0 ? "chromium" : "?"));\n' +
          '  document.getElementById("out").textContent = "rendered by script: " + x.status + " " + x.responseText;\n' +
          '}\n';
var server = https.createServer({
  key: fixture('leaf-server-key.pem'),
  cert: fixture('leaf-server-chain.pem')
}, function (req, res) {
  h.send('request', req.method + ' ' + req.url);
  var body = '';
  req.setEncoding('utf8');
  req.on('data', function (d) { body += d; });
  req.on('end', function () {
    if (req.url === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(page) });
      res.end(page);
    } else if (req.url === '/app.js') {
      res.writeHead(200, { 'Content-Type': 'application/javascript' });
      res.end(app);
    } else if (req.url === '/report' && req.method === 'POST') {
      h.send('report', body);
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('ok ' + body.length);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
});
server.listen(0, '127.0.0.1', function () { h.send('listening', server.address().port); });
`

// A real browser: headless Chromium loads the page and its script from a
// gojatls https server whose certificate the test CA signed (pinned with
// --ignore-certificate-errors-spki-list, so Chromium checks the TLS
// handshake against that key), runs the script, which posts back to the
// server, and the test reads what the page rendered (--dump-dom).
func TestBrowser(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not installed (Debian package chromium; .ci/run installs it)")
	}
	leaf := fixtureCerts(t, "leaf-server-cert.pem")[0]
	sum := sha256.Sum256(leaf.RawSubjectPublicKeyInfo)
	pin := base64.StdEncoding.EncodeToString(sum[:])

	r := startScript(t, "browser-server.js", "", browserServerJS)
	t.Cleanup(func() { r.cancel(); <-r.done })
	port := r.port()

	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-extensions", "--user-data-dir="+t.TempDir(),
		"--ignore-certificate-errors-spki-list="+pin,
		"--dump-dom", "https://localhost:"+strconv.Itoa(port)+"/")
	out, err := cmd.Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("chromium: %v\nstdout:\n%s\nstderr:\n%s\nserver events: %v", err, out, stderr, r.snapshot())
	}
	dom := string(out)
	if !strings.Contains(dom, `<p id="out">rendered by script: 200 ok 19</p>`) {
		t.Fatalf("the page chromium rendered:\n%s\nserver events: %v\nserver stderr:\n%s", dom, r.snapshot(), r.stderr.String())
	}
	if got := r.values("report"); len(got) != 1 || got[0] != "hello from chromium" {
		t.Fatalf("reports %q", got)
	}
	reqs := strings.Join(r.values("request"), ",")
	for _, want := range []string{"GET /", "GET /app.js", "POST /report"} {
		if !strings.Contains(reqs, want) {
			t.Errorf("no %q among the requests %s", want, reqs)
		}
	}
}
