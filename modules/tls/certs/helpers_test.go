package certs

import (
	"crypto/x509"
	"os"
	"path/filepath"
	"testing"
)

// fixtures is js-tests/fixtures, made by make-fixtures.sh.
var fixtures = filepath.Join("..", "..", "..", "js-tests", "fixtures")

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtures, name))
	if err != nil {
		t.Fatalf("fixture: %v", err)
	}
	return b
}

// certsOf parses the certificates of the named fixture files, in order.
func certsOf(t testing.TB, names ...string) []*x509.Certificate {
	t.Helper()
	out := []*x509.Certificate{}
	for _, n := range names {
		c, err := ParseCerts("cert", readFixture(t, n))
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		out = append(out, c...)
	}
	return out
}

func crlsOf(t testing.TB, names ...string) []*CRL {
	t.Helper()
	var out []*CRL
	for _, n := range names {
		c, err := ParseCRLs("crl", readFixture(t, n))
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		out = append(out, c...)
	}
	return out
}
