package dns_test

import (
	"context"
	"os/exec"
	"testing"
)

// differential prints, for each query, its result or its error's code and
// syscall: the same under node (dns.setServers to the test server) and
// gojatls (the Resolver option). TXT is left out: Node 0.12 made its
// records arrays of strings.
const differential = `
var dns = require('dns');
if (process.argv[2]) dns.setServers([process.argv[2]]);
var queries = [
  ['resolve4', 'www.google.com'], ['resolve6', 'www.google.com'],
  ['resolveMx', 'example.com'], ['resolveSrv', '_sip._tcp.example.com'],
  ['resolveNs', 'example.com'], ['resolveCname', 'alias.example.com'],
  ['reverse', '192.0.2.1'], ['reverse', '2001:db8::1'],
  ['resolve4', 'nowhere.example.com'], ['resolveMx', 'servfail.example.com'],
  ['resolveCname', 'www.google.com']
];
var results = [];
var left = queries.length;
queries.forEach(function (q, i) {
  dns[q[0]](q[1], function (err, result) {
    results[i] = q.join(' ') + ': ' +
      (err ? err.code + ' ' + err.syscall : JSON.stringify(result));
    if (--left === 0) console.log(results.join('\n'));
  });
});
`

// The results and error codes agree with node's c-ares on the same server.
func TestAgainstNode(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed: the dns test against node's c-ares is skipped (.ci/run installs it)")
	}
	s := startServer(t)
	want, err := exec.Command(node, "-e", differential, "-", s.addr()).CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, want)
	}
	code, got := run(t, context.Background(), resolverTo(s.addr()), differential)
	if code != 0 || got != string(want) {
		t.Fatalf("exit %d\ngojatls:\n%s\nnode:\n%s", code, got, want)
	}
}
