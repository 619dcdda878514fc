package crypto

import (
	"crypto/tls"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/gojatls/gojatls/modules/tls/certs"
)

// readFixture reads js-tests/fixtures/name.
func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "js-tests", "fixtures", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// FuzzSecureContext: crypto.createCredentials' details (key, passphrase,
// cert, ca, crl, ciphers, secureProtocol) as a script gives them, seeded
// with the fixtures. NewSecureContext never panics, is deterministic,
// allocates in proportion to its input, and a context it builds can
// configure a connection.
func FuzzSecureContext(f *testing.F) {
	type seed struct{ key, cert, ca, crl, pass, ciphers, protocol string }
	for _, s := range []seed{
		{key: "server-key.pem", cert: "server-cert.pem"},
		{key: "leaf-server-key.pem", cert: "leaf-server-chain.pem", ca: "ca-root-cert.pem", crl: "crl-int.pem", ciphers: "HIGH:!aNULL"},
		{key: "encrypted-pkcs8-key.pem", cert: "leaf-server-cert.pem", pass: "secret", protocol: "TLSv1_2_method"},
		{key: "encrypted-legacy-key.pem", cert: "leaf-server-cert.pem", pass: "wrong"},
		{key: "ec-key.pem", cert: "ec-cert.pem", ca: "leaf-server-chain.pem", ciphers: "ECDHE-ECDSA-AES128-GCM-SHA256"},
		{key: "legacy-512-key.pem", cert: "legacy-512-cert.pem", protocol: "TLSv1_method"},
		{ca: "ca-root-cert.pem", crl: "crl-root.pem", protocol: "SSLv3_method"},
		{cert: "server-cert.pem", ciphers: "RC4-SHA"},
	} {
		read := func(name string) []byte {
			if name == "" {
				return nil
			}
			return readFixture(f, name)
		}
		for _, legacy := range []bool{false, true} {
			f.Add(read(s.key), read(s.cert), read(s.ca), read(s.crl), s.pass, s.pass != "", s.ciphers, s.protocol, legacy)
		}
	}
	f.Fuzz(func(t *testing.T, key, cert, ca, crl []byte, pass string, hasPass bool, ciphers, protocol string, legacy bool) {
		opts := ContextOptions{Key: key, Cert: cert, Ciphers: ciphers, SecureProtocol: protocol}
		if hasPass {
			opts.Passphrase = &pass
		}
		if ca != nil {
			opts.CA, opts.HasCA = [][]byte{ca}, true
		}
		if crl != nil {
			opts.CRL = [][]byte{crl}
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		ctx, err := NewSecureContext(opts, legacy)
		runtime.ReadMemStats(&after)
		n := len(key) + len(cert) + len(ca) + len(crl) + len(pass) + len(ciphers) + len(protocol)
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 32<<20+uint64(n)*2048 {
			t.Fatalf("NewSecureContext allocated %d bytes for %d bytes of input", grew, n)
		}
		ctx2, err2 := NewSecureContext(opts, legacy)
		if (err == nil) != (err2 == nil) || (err != nil && err.Error() != err2.Error()) {
			t.Fatalf("NewSecureContext is not deterministic: %v, then %v", err, err2)
		}
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("an empty error message")
			}
			return
		}
		if ctx.MinVersion > ctx.MaxVersion {
			t.Fatalf("versions %x..%x", ctx.MinVersion, ctx.MaxVersion)
		}
		if !legacy && ctx.MinVersion < tls.VersionTLS12 {
			t.Fatalf("TLS %x allowed without --legacy-crypto", ctx.MinVersion)
		}
		if opts.HasCA {
			cas, _ := certs.ParseCAs(opts.CA)
			if len(ctx.TrustedCAs()) != len(cas) {
				t.Fatalf("%d trusted CAs from a ca option with %d", len(ctx.TrustedCAs()), len(cas))
			}
		}
		cfg := &tls.Config{}
		ctx.ApplyCiphers(cfg)
		if (ctx.Certificate == nil) != (ctx2.Certificate == nil) {
			t.Fatalf("the certificate comes and goes")
		}
	})
}
