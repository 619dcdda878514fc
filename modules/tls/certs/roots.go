package certs

import (
	"crypto/x509"
	"errors"
	"io/fs"
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

// ReadExtraRoots reads the PEM file NODE_EXTRA_CA_CERTS names: certificates
// to add to the default roots. A file with no certificate in it adds none
// without an error, as OpenSSL's PEM reader simply ends there; one that
// cannot be read, or a certificate that does not parse, is an error, and
// Node then adds none of the file's certificates.
func ReadExtraRoots(name string) ([]*x509.Certificate, error) {
	info, err := os.Stat(name)
	if err != nil {
		return nil, unwrapPath(err)
	}
	if !info.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if info.Size() > 64<<20 {
		return nil, errors.New("larger than 64 MiB")
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, unwrapPath(err)
	}
	certs, err := ParseCerts("NODE_EXTRA_CA_CERTS", data)
	if err != nil {
		reason := err.(*Error).Reason
		if reason == noCertificate {
			return nil, nil
		}
		return nil, errors.New(reason)
	}
	return certs, nil
}

// unwrapPath drops the "open NAME:" of a file error: callers name the file.
func unwrapPath(err error) error {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		return pathErr.Err
	}
	return err
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
