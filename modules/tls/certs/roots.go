package certs

import (
	"crypto/x509"
	"os"
	"path/filepath"
	"sync"

	"golang.org/x/crypto/x509roots/fallback/bundle"
)

// Where Linux and BSD distributions keep their CA bundle, most common first
// (the same places Go's crypto/x509 looks).
var bundleFiles = []string{
	"/etc/ssl/certs/ca-certificates.crt",                // Debian, Ubuntu, Gentoo, Arch
	"/etc/pki/tls/certs/ca-bundle.crt",                  // Fedora, RHEL 6
	"/etc/ssl/ca-bundle.pem",                            // OpenSUSE
	"/etc/pki/tls/cacert.pem",                           // OpenELEC
	"/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem", // CentOS, RHEL 7
	"/etc/ssl/cert.pem",                                 // Alpine, the BSDs, macOS
}

var bundleDirs = []string{"/etc/ssl/certs", "/etc/pki/tls/certs"}

var (
	rootsOnce sync.Once
	roots     []*x509.Certificate
)

// DefaultRoots returns the trust store used when a script gives no `ca`:
// the system's CA bundle (SSL_CERT_FILE or SSL_CERT_DIR when set, else the
// first bundle file found, else the certificates in the usual directories),
// or, where the system has none, Mozilla's list from
// golang.org/x/crypto/x509roots/fallback. It is read once; callers must not
// modify the slice.
func DefaultRoots() []*x509.Certificate {
	rootsOnce.Do(func() { roots = loadDefaultRoots() })
	return roots
}

func loadDefaultRoots() []*x509.Certificate {
	files, dirs := bundleFiles, bundleDirs
	if f := os.Getenv("SSL_CERT_FILE"); f != "" {
		files = []string{f}
	}
	if d := os.Getenv("SSL_CERT_DIR"); d != "" {
		dirs = filepath.SplitList(d)
	}
	for _, f := range files {
		if certs := readBundle(f); len(certs) > 0 {
			return certs
		}
	}
	for _, d := range dirs {
		entries, err := os.ReadDir(d)
		if err != nil {
			continue
		}
		var certs []*x509.Certificate
		for _, e := range entries {
			certs = append(certs, readBundle(filepath.Join(d, e.Name()))...)
		}
		if len(certs) > 0 {
			return certs
		}
	}
	return FallbackRoots()
}

// readBundle returns the certificates a PEM file holds, skipping any it
// cannot parse; nothing for a file it cannot read.
func readBundle(name string) []*x509.Certificate {
	info, err := os.Stat(name)
	if err != nil || !info.Mode().IsRegular() || info.Size() > 64<<20 {
		return nil
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil
	}
	var certs []*x509.Certificate
	for _, block := range pemBlocks(data) {
		if block.Type != "CERTIFICATE" && block.Type != "TRUSTED CERTIFICATE" {
			continue
		}
		if c, err := x509.ParseCertificate(firstElement(block.Bytes)); err == nil {
			certs = append(certs, c)
		}
	}
	return certs
}

// FallbackRoots returns Mozilla's root certificates as bundled in
// golang.org/x/crypto/x509roots/fallback (without the distrust-after dates
// some carry, which OpenSSL 1.0 did not know either).
func FallbackRoots() []*x509.Certificate {
	var certs []*x509.Certificate
	for r := range bundle.Roots() {
		if c, err := x509.ParseCertificate(r.Certificate); err == nil {
			certs = append(certs, c)
		}
	}
	return certs
}
