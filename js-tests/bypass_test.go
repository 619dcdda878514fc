package jstests

// Verification must not be bypassable: a gojatls client with
// rejectUnauthorized: true never emits 'secureConnect', delivers data or
// sends its own data to a server whose certificate does not verify, and a
// gojatls server with requestCert and rejectUnauthorized never emits
// 'secureConnection' or delivers data for such a client, even one that
// writes right after its Finished message. Each case has a control that
// differs only in the certificate and must get through, so that a test
// cannot pass because nothing works.

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// verifyingClientJS connects with rejectUnauthorized: true to mode.port,
// trusting mode.ca and checking mode.crl (paths relative to js-tests), over
// its own socket or, with mode.viaSocket, over a net.Socket (a SecurePair).
// It writes at once, before 'secureConnect', and reports every event.
const verifyingClientJS = `
var tls = require('tls');
var net = require('net');
var fs = require('fs');
var path = require('path');
var h = require('harness');
var mode = JSON.parse(h.mode);

function read(p) {
  return fs.readFileSync(path.resolve(__dirname, p));
}
var options = {
  host: '127.0.0.1',
  port: mode.port,
  rejectUnauthorized: true,
  ca: mode.ca.map(read)
};
if (mode.crl) {
  options.crl = mode.crl.map(read);
}
if (mode.viaSocket) {
  options.socket = net.connect(mode.port, '127.0.0.1');
  options.socket.on('error', function (e) { h.send('socketError', e.code || e.message); });
}
var c = tls.connect(options, function () {
  h.send('secureConnect', String(c.authorized));
});
c.write('client secret');
c.on('data', function (d) { h.send('data', d.toString()); c.end(); });
c.on('error', function (e) { h.send('error', e.code || e.message); });
c.on('close', function () { h.send('close'); });
`

type clientMode struct {
	Pair      bool     `json:"pair,omitempty"`
	Port      int      `json:"port"`
	CA        []string `json:"ca"`
	CRL       []string `json:"crl,omitempty"`
	ViaSocket bool     `json:"viaSocket,omitempty"`
}

// goServer is a crypto/tls server that sends "server data" right after each
// handshake and records what the client sends.
type goServer struct {
	*fakeServer
	mu       chanMutex
	received []byte
	done     int
}

// chanMutex is a mutex usable from the handler goroutines.
type chanMutex chan struct{}

func (m chanMutex) lock()   { m <- struct{}{} }
func (m chanMutex) unlock() { <-m }

func newGoServer(t testing.TB, cfg *tls.Config) *goServer {
	s := &goServer{mu: make(chanMutex, 1)}
	s.fakeServer = newFakeServer(t, func(raw net.Conn) {
		_ = raw.SetDeadline(time.Now().Add(hangGuard))
		c := tls.Server(raw, cfg)
		defer c.Close()
		if err := c.Handshake(); err == nil {
			_, _ = c.Write([]byte("server data"))
			b, _ := io.ReadAll(c)
			s.mu.lock()
			s.received = append(s.received, b...)
			s.mu.unlock()
		}
		s.mu.lock()
		s.done++
		s.mu.unlock()
	})
	return s
}

// finished waits until n connections were handled and returns what
// clients sent.
func (s *goServer) finished(t testing.TB, n int) []byte {
	t.Helper()
	deadline := time.Now().Add(hangGuard)
	for {
		s.mu.lock()
		done, got := s.done, append([]byte(nil), s.received...)
		s.mu.unlock()
		if done >= n {
			return got
		}
		if time.Now().After(deadline) {
			t.Fatalf("hang: the server handled %d of %d connections", done, n)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// issued is a certificate made for a test and its key.
type issued struct {
	cert *x509.Certificate
	key  crypto.Signer
}

func (i issued) pem() []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: i.cert.Raw})
}

// caFixture loads a fixture CA and its key.
func caFixture(t testing.TB, name string) issued {
	t.Helper()
	pair := fixturePair(t, name+"-cert.pem", name+"-key.pem")
	return issued{cert: pair.Leaf, key: pair.PrivateKey.(crypto.Signer)}
}

// issue makes a P-256 leaf signed by ca, valid from notBefore to notAfter,
// for the extended key usage eku.
func issue(t testing.TB, ca issued, cn string, notBefore, notAfter time.Time, eku x509.ExtKeyUsage) issued {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	serial, _ := rand.Int(rand.Reader, big.NewInt(1<<62))
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{Organization: []string{"gojatls"}, CommonName: cn},
		NotBefore:    notBefore,
		NotAfter:     notAfter,
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{eku},
		DNSNames:     []string{"localhost"},
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1")},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.cert, key.Public(), ca.key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return issued{cert: cert, key: key}
}

// badSignature is c with the last byte of its signature flipped.
func badSignature(t testing.TB, c issued) issued {
	t.Helper()
	der := append([]byte(nil), c.cert.Raw...)
	der[len(der)-1] ^= 0x01
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return issued{cert: cert, key: c.key}
}

// chain is a tls.Certificate of leaf and the certificates after it.
func chain(leaf issued, rest ...*x509.Certificate) tls.Certificate {
	out := tls.Certificate{PrivateKey: leaf.key, Leaf: leaf.cert, Certificate: [][]byte{leaf.cert.Raw}}
	for _, c := range rest {
		out.Certificate = append(out.Certificate, c.Raw)
	}
	return out
}

// writeCRL writes a CRL of ca revoking serials to a file and returns its
// path.
func writeCRL(t testing.TB, ca issued, serials ...*big.Int) string {
	t.Helper()
	tmpl := &x509.RevocationList{
		Number:     big.NewInt(time.Now().UnixNano()),
		ThisUpdate: time.Now().Add(-time.Hour),
		NextUpdate: time.Now().Add(24 * time.Hour),
	}
	for _, s := range serials {
		tmpl.RevokedCertificateEntries = append(tmpl.RevokedCertificateEntries,
			x509.RevocationListEntry{SerialNumber: s, RevocationTime: time.Now().Add(-time.Minute)})
	}
	der, err := x509.CreateRevocationList(rand.Reader, tmpl, ca.cert, ca.key)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "crl.pem")
	if err := os.WriteFile(p, pem.EncodeToMemory(&pem.Block{Type: "X509 CRL", Bytes: der}), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

var tlsVersions = []struct {
	name string
	max  uint16
}{{"TLS1.3", tls.VersionTLS13}, {"TLS1.2", tls.VersionTLS12}}

// TestBypassClient: a verifying gojatls client against servers whose
// certificate must be refused.
func TestBypassClient(t *testing.T) {
	inter := caFixture(t, "ca-int")
	other := caFixture(t, "other-root")
	now := time.Now()
	good := issue(t, inter, "localhost", now.Add(-time.Hour), now.Add(time.Hour), x509.ExtKeyUsageServerAuth)
	revoked := issue(t, inter, "localhost", now.Add(-time.Hour), now.Add(time.Hour), x509.ExtKeyUsageServerAuth)
	crlInt := writeCRL(t, inter, revoked.cert.SerialNumber)
	rootCA := []string{"fixtures/ca-root-cert.pem"}
	crls := []string{crlInt, "fixtures/crl-root.pem"}

	cases := []struct {
		name  string
		cert  tls.Certificate
		ca    []string
		crl   []string
		code  string // the 'error' expected; "" for the control
		empty bool   // the server sends no certificate
	}{
		{name: "control", cert: chain(good, inter.cert), ca: rootCA, crl: crls},
		{name: "fixture control", cert: fixturePair(t, "leaf-server-chain.pem", "leaf-server-key.pem"), ca: rootCA},
		{name: "wrong CA", cert: chain(issue(t, other, "localhost", now.Add(-time.Hour), now.Add(time.Hour), x509.ExtKeyUsageServerAuth)),
			ca: rootCA, code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE"},
		{name: "trusting another root", cert: chain(good, inter.cert), ca: []string{"fixtures/other-root-cert.pem"},
			code: "CERT_UNTRUSTED"}, // after UNABLE_TO_GET_ISSUER_CERT_LOCALLY (fixtures/README.md)
		{name: "self-signed", cert: fixturePair(t, "server-cert.pem", "server-key.pem"), ca: rootCA, code: "DEPTH_ZERO_SELF_SIGNED_CERT"},
		{name: "expired", cert: chain(issue(t, inter, "localhost", now.Add(-48*time.Hour), now.Add(-24*time.Hour), x509.ExtKeyUsageServerAuth), inter.cert),
			ca: rootCA, code: "CERT_HAS_EXPIRED"},
		{name: "expired fixture", cert: fixturePair(t, "leaf-expired-cert.pem", "leaf-expired-key.pem"), ca: []string{"fixtures/ca-root-cert.pem", "fixtures/ca-int-cert.pem"},
			code: "CERT_HAS_EXPIRED"},
		{name: "not yet valid", cert: chain(issue(t, inter, "localhost", now.Add(24*time.Hour), now.Add(48*time.Hour), x509.ExtKeyUsageServerAuth), inter.cert),
			ca: rootCA, code: "CERT_NOT_YET_VALID"},
		{name: "revoked", cert: chain(revoked, inter.cert), ca: rootCA, crl: crls, code: "CERT_REVOKED"},
		{name: "revoked fixture", cert: fixturePair(t, "leaf-revoked-cert.pem", "leaf-revoked-key.pem"),
			ca: []string{"fixtures/ca-root-cert.pem", "fixtures/ca-int-cert.pem"}, crl: []string{"fixtures/crl-int.pem", "fixtures/crl-root.pem"}, code: "CERT_REVOKED"},
		{name: "bad signature", cert: chain(badSignature(t, good), inter.cert), ca: rootCA, code: "CERT_SIGNATURE_FAILURE"},
		{name: "client-only purpose", cert: chain(issue(t, inter, "localhost", now.Add(-time.Hour), now.Add(time.Hour), x509.ExtKeyUsageClientAuth), inter.cert),
			ca: rootCA, code: "INVALID_PURPOSE"},
		{name: "missing certificate", cert: tls.Certificate{PrivateKey: good.key}, ca: rootCA, empty: true},
	}
	for _, v := range tlsVersions {
		for _, viaSocket := range []bool{false, true} {
			for _, tc := range cases {
				name := fmt.Sprintf("%s/%s/socket=%v", tc.name, v.name, viaSocket)
				t.Run(name, func(t *testing.T) {
					check := leakCheck(t)
					srv := newGoServer(t, &tls.Config{Certificates: []tls.Certificate{tc.cert}, MaxVersion: v.max})
					m, _ := json.Marshal(clientMode{Port: srv.port(), CA: tc.ca, CRL: tc.crl, ViaSocket: viaSocket})
					r := startScript(t, "bypass-client.js", string(m), verifyingClientJS)
					t.Cleanup(func() { r.cancel(); <-r.done })
					code, err := r.wait()
					got := srv.finished(t, 1)
					if err != nil || code != 0 {
						t.Fatalf("run: code %d, err %v\nstderr:\n%s", code, err, r.stderr.String())
					}
					evs := r.snapshot()
					if tc.code == "" && !tc.empty {
						// The control: everything gets through.
						if r.count("secureConnect") != 1 || r.count("data") != 1 || string(got) != "client secret" {
							t.Fatalf("the control did not connect: events %v, server got %q", evs, got)
						}
						return
					}
					if r.count("secureConnect") != 0 || r.count("data") != 0 {
						t.Errorf("BYPASS: events %v", evs)
					}
					if len(got) != 0 {
						t.Errorf("BYPASS: the unverified server received %q", got)
					}
					errs := r.values("error")
					if len(errs) != 1 || (tc.code != "" && errs[0] != tc.code) {
						t.Errorf("'error' events %q, want one %q", errs, tc.code)
					}
					if r.count("close") != 1 {
						t.Errorf("%d 'close' events", r.count("close"))
					}
					srv.Close()
					check()
				})
			}
		}
	}
}

// verifyingServerJS requires and verifies client certificates (ca and crl
// from harness.mode as in verifyingClientJS), echoes, and reports: a
// tls.Server, or with mode.pair a net.Server with a SecurePair on each
// connection.
const verifyingServerJS = `
var tls = require('tls');
var net = require('net');
var fs = require('fs');
var path = require('path');
var h = require('harness');
var mode = JSON.parse(h.mode);

function read(p) {
  return fs.readFileSync(path.resolve(__dirname, p));
}
var options = {
  key: read('fixtures/leaf-server-key.pem'),
  cert: read('fixtures/leaf-server-chain.pem'),
  ca: mode.ca.map(read),
  requestCert: true,
  rejectUnauthorized: true
};
if (mode.crl) {
  options.crl = mode.crl.map(read);
}
function serve(s, port) {
  s.on('data', function (d) {
    h.send('data', d.toString());
    s.write(d);
  });
  s.on('error', function () {});
}
function secure(port, s) {
  h.send('secureConnection', port + ' ' + s.authorized);
  if (!s.authorized) {
    h.send('bug', 'unauthorized secure connection: ' + s.authorizationError);
  }
}

var server;
if (mode.pair) {
  // A SecurePair over each socket, as a STARTTLS server has it, with the
  // cleartext's 'data' listener there before the handshake.
  var credentials = require('crypto').createCredentials(options);
  server = net.createServer(function (socket) {
    var port = socket.remotePort;
    var pair = tls.createSecurePair(credentials, true, true, true);
    socket.pipe(pair.encrypted);
    pair.encrypted.pipe(socket);
    pair.encrypted.on('close', function () { socket.destroy(); });
    socket.on('error', function () {});
    pair.on('error', function () {});
    serve(pair.cleartext, port);
    pair.on('secure', function () { secure(port, pair.cleartext); });
  });
} else {
  server = tls.createServer(options, function (s) {
    secure(s.remotePort, s);
    serve(s);
  });
}
server.on('clientError', function (e) { h.send('clientError', e.message); });
h.onCommand(function (cmd) {
  if (cmd === 'sync') {
    h.send('sync');
  }
});
server.listen(0, '127.0.0.1', function () {
  h.send('listening', String(server.address().port));
});
`

// TestBypassServer: a verifying gojatls server against clients whose
// certificate must be refused, each writing right after its handshake.
func TestBypassServer(t *testing.T) {
	inter, other := caFixture(t, "ca-int"), caFixture(t, "other-root")
	now := time.Now()
	client := func(ca issued, from, to time.Time, eku x509.ExtKeyUsage) issued {
		return issue(t, ca, "gojatls bypass client", from, to, eku)
	}
	good := client(inter, now.Add(-time.Hour), now.Add(time.Hour), x509.ExtKeyUsageClientAuth)
	revoked := client(inter, now.Add(-time.Hour), now.Add(time.Hour), x509.ExtKeyUsageClientAuth)
	crls := []string{writeCRL(t, inter, revoked.cert.SerialNumber), "fixtures/crl-root.pem"}

	cases := []bypassCase{
		{name: "control", cert: ptr(chain(good, inter.cert)), control: true},
		{name: "fixture control", cert: ptr(fixturePair(t, "leaf-client-chain.pem", "leaf-client-key.pem")), control: true},
		{name: "missing certificate"},
		{name: "self-signed", cert: ptr(fixturePair(t, "client-cert.pem", "client-key.pem"))},
		{name: "wrong CA", cert: ptr(chain(client(other, now.Add(-time.Hour), now.Add(time.Hour), x509.ExtKeyUsageClientAuth)))},
		{name: "expired", cert: ptr(chain(client(inter, now.Add(-48*time.Hour), now.Add(-24*time.Hour), x509.ExtKeyUsageClientAuth), inter.cert))},
		{name: "not yet valid", cert: ptr(chain(client(inter, now.Add(24*time.Hour), now.Add(48*time.Hour), x509.ExtKeyUsageClientAuth), inter.cert))},
		{name: "revoked", cert: ptr(chain(revoked, inter.cert))},
		{name: "bad signature", cert: ptr(chain(badSignature(t, good), inter.cert))},
		{name: "server-only purpose", cert: ptr(fixturePair(t, "leaf-server-chain.pem", "leaf-server-key.pem"))},
		{name: "chain without the intermediate", cert: ptr(chain(good))},
	}
	for _, pair := range []bool{false, true} {
		t.Run(map[bool]string{false: "tls.Server", true: "SecurePair"}[pair], func(t *testing.T) {
			bypassServer(t, pair, crls, cases, chain(good, inter.cert))
		})
	}
}

type bypassCase struct {
	name    string
	cert    *tls.Certificate
	control bool
}

// bypassServer runs the cases against one verifying server, then checks
// that it still serves a good client.
func bypassServer(t *testing.T, pair bool, crls []string, cases []bypassCase, good tls.Certificate) {
	check := leakCheck(t)
	m, _ := json.Marshal(clientMode{Pair: pair, CA: []string{"fixtures/ca-root-cert.pem"}, CRL: crls})
	r := startScript(t, "bypass-server.js", string(m), verifyingServerJS)
	t.Cleanup(func() { r.cancel(); <-r.done })
	port := r.port()
	for _, v := range tlsVersions {
		for _, tc := range cases {
			t.Run(tc.name+"/"+v.name, func(t *testing.T) {
				cfg := &tls.Config{RootCAs: x509.NewCertPool(), ServerName: "localhost", MaxVersion: v.max}
				cfg.RootCAs.AddCert(caFixture(t, "ca-root").cert)
				if tc.cert != nil {
					cfg.Certificates = []tls.Certificate{*tc.cert}
				}
				before := len(r.values("secureConnection"))
				raw, err := net.DialTimeout("tcp", addr(port), hangGuard)
				if err != nil {
					t.Fatal(err)
				}
				defer raw.Close()
				_ = raw.SetDeadline(time.Now().Add(hangGuard))
				local := strconv.Itoa(raw.LocalAddr().(*net.TCPAddr).Port)
				c := tls.Client(raw, cfg)
				// In TLS 1.3 the client's handshake ends with its Finished,
				// before the server judged its certificate; in TLS 1.2 the
				// server may already have refused it.
				herr := c.Handshake()
				msg := "data after Finished from " + local
				echoed := make([]byte, len(msg))
				n := 0
				if herr == nil {
					_, _ = c.Write([]byte(msg))
					n, _ = io.ReadFull(c, echoed) // the echo, or the server's hang-up
				}
				echoed = echoed[:n]
				r.sync()
				conns := r.values("secureConnection")[before:]
				if tc.control {
					if herr != nil || len(conns) != 1 || string(echoed) != msg {
						t.Fatalf("the control did not connect: %v, events %v", herr, r.snapshot())
					}
					return
				}
				if len(echoed) > 0 {
					t.Errorf("BYPASS: the server echoed %q", echoed)
				}
				for _, cn := range conns {
					if cn == local+" true" || cn == local+" false" {
						t.Errorf("BYPASS: 'secureConnection' for the refused client (%s)", cn)
					}
				}
				for _, d := range r.values("data") {
					if d == msg {
						t.Errorf("BYPASS: the server got the refused client's data")
					}
				}
			})
		}
	}
	mustEchoWith(t, port, good)
	r.noBugEvents()
	r.stop()
	check()
}

func ptr[T any](v T) *T { return &v }

// mustEchoWith checks an echo with a client certificate.
func mustEchoWith(t testing.TB, port int, cert tls.Certificate) {
	t.Helper()
	cfg := insecure()
	cfg.Certificates = []tls.Certificate{cert}
	c, err := dialTLS(port, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	echoOn(t, c, "still serving")
}
