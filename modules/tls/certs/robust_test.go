package certs

import (
	"crypto/x509"
	"encoding/pem"
	"math/rand/v2"
	"testing"
	"time"
)

// mutations returns truncated and garbled copies of der, the same ones on
// every run.
func mutations(der []byte, seed uint64) [][]byte {
	r := rand.New(rand.NewPCG(seed, 7))
	var out [][]byte
	step := len(der)/200 + 1
	for n := 0; n < len(der); n += step {
		out = append(out, der[:n])
	}
	for i := 0; i < 300; i++ {
		m := append([]byte{}, der...)
		for k := 0; k <= r.IntN(4); k++ {
			switch pos := r.IntN(len(m)); r.IntN(3) {
			case 0:
				m[pos] ^= byte(1 + r.IntN(255))
			case 1:
				m[pos] = []byte{0x00, 0x80, 0xff, 0x7f, 0x81, 0x30}[r.IntN(6)]
			default:
				m = append(m[:pos:pos], m[pos+1:]...)
				if len(m) == 0 {
					m = []byte{0}
				}
			}
		}
		out = append(out, m)
	}
	return out
}

func pemOf(typ string, headers map[string]string, der []byte) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: typ, Headers: headers, Bytes: der})
}

// Hostile input never panics: every entry point gets garbled material.
func TestGarbledInput(t *testing.T) {
	roots := certsOf(t, "ca-root-cert.pem", "ca-int-cert.pem")
	opts := VerifyOptions{Roots: roots, ServerCert: true, Now: testNow, CRLs: crlsOf(t, "crl-int.pem", "crl-root.pem")}
	var parsed int
	for i, name := range []string{"fields-cert.pem", "leaf-server-cert.pem", "ec-cert.pem", "v1-root-cert.pem"} {
		for _, m := range mutations(certsOf(t, name)[0].Raw, uint64(i)) {
			exercise(t, m)
			certs, err := ParseCerts("cert", pemOf("CERTIFICATE", nil, m))
			if err != nil {
				continue
			}
			parsed++
			c := certs[0]
			_ = PeerCertificate(c)
			_ = Verify([]*x509.Certificate{c}, opts)
			_ = Verify([]*x509.Certificate{c, roots[1]}, opts)
			_ = Verify(certsOf(t, "leaf-server-cert.pem"), VerifyOptions{Roots: append([]*x509.Certificate{c}, roots...), CRLs: opts.CRLs})
		}
	}
	if parsed == 0 {
		t.Fatal("no garbled certificate parsed: the test exercised nothing past parsing")
	}
	for i, name := range []string{"crl-int.pem", "crl-root.pem"} {
		block, _ := pem.Decode(readFixture(t, name))
		for _, m := range mutations(block.Bytes, uint64(10+i)) {
			exercise(t, m)
			if crl, err := ParseCRL(m); err == nil {
				o := opts
				o.CRLs = []*CRL{crl}
				_ = Verify(certsOf(t, "leaf-server-chain.pem"), o)
			}
		}
	}
	for i, name := range []string{"encrypted-legacy-key.pem", "encrypted-pkcs8-key.pem", "leaf-server-key.pem", "ec-key.pem", "server-key.pem"} {
		block, _ := pem.Decode(readFixture(t, name))
		for _, m := range mutations(block.Bytes, uint64(20+i)) {
			_, _ = ParseKey(pemOf(block.Type, block.Headers, m), []byte("secret"))
			_, _ = ParseKey(pemOf(block.Type, block.Headers, m), nil)
		}
	}
	// Broken PEM text itself.
	text := readFixture(t, "leaf-server-chain.pem")
	for _, m := range mutations(text, 30) {
		_, _ = ParseCerts("cert", m)
		_, _ = ParseCAs([][]byte{m})
		_, _ = ParseKey(m, nil)
		_, _ = ParseCRLs("crl", m)
	}
}

// exercise runs the package's own decoders on arbitrary bytes.
func exercise(t *testing.T, b []byte) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("panic on %x: %v", b, r)
		}
	}()
	_ = canonicalName(b)
	_, _ = nameLines(b)
	_ = onelineName(b)
	_ = parseAuthKeyID(b)
	_ = firstElement(b)
	_ = withVersion(b)
	_, _ = firstInnerElement(b)
	_, _ = ParseCRL(b)
	_ = oidString(b)
}

// FuzzNames lets `go test -fuzz=FuzzNames` search further; the seeds run as
// a plain test.
func FuzzNames(f *testing.F) {
	for _, name := range []string{"fields-cert.pem", "server-cert.pem"} {
		c := certsOf(f, name)[0]
		f.Add(c.RawSubject)
		f.Add(c.Raw)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		exercise(t, b)
		if c, err := x509.ParseCertificate(b); err == nil {
			_ = PeerCertificate(c)
			_ = Verify([]*x509.Certificate{c}, VerifyOptions{Roots: []*x509.Certificate{c}, Now: time.Unix(0, 0)})
		}
	})
}
