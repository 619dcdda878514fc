package crypto

import (
	"crypto/tls"
	"sync"

	"github.com/gojatls/gojatls/modules/tls/ciphers"
)

// cipherPolicy is what a context's cipher list allows: the suites Go may
// use (nil for Go's defaults) and whether TLS 1.3 stays allowed. It can be
// replaced by context.setCiphers() while handshakes read it.
type cipherPolicy struct {
	mu      sync.RWMutex
	suites  []uint16
	cap12   bool   // the list names no TLS 1.3 suite: at most TLS 1.2, as OpenSSL 1.0
	changes uint64 // how many times setCiphers replaced the list
}

// setCiphers applies an OpenSSL cipher string. A string that selects
// nothing Go can use leaves the previous list in place, as OpenSSL did;
// it reports false then so that the caller can warn.
func (p *cipherPolicy) setCiphers(spec string, legacy bool) bool {
	suites, ok := ciphers.Parse(spec)
	if !ok {
		return false
	}
	ids := ciphers.GoIDs(suites, legacy)
	tls12 := ids[:0:0]
	for _, id := range ids {
		if s, known := ciphers.Lookup(id); known && !s.TLS13 {
			tls12 = append(tls12, id)
		}
	}
	has13 := ciphers.HasTLS13(suites)
	if len(tls12) == 0 && !has13 {
		return false
	}
	p.mu.Lock()
	p.suites, p.cap12 = tls12, !has13
	p.changes++
	p.mu.Unlock()
	return true
}

// CiphersChanges counts the cipher lists context.setCiphers() installed:
// a configuration built with ApplyCiphers is current while it is the same.
func (c *SecureContext) CiphersChanges() uint64 {
	c.ciphers.mu.RLock()
	defer c.ciphers.mu.RUnlock()
	return c.ciphers.changes
}

// ApplyCiphers sets the cipher suites and version cap on a configuration.
func (c *SecureContext) ApplyCiphers(cfg *tls.Config) {
	c.ciphers.mu.RLock()
	defer c.ciphers.mu.RUnlock()
	cfg.CipherSuites = c.ciphers.suites
	if c.ciphers.cap12 && cfg.MaxVersion > tls.VersionTLS12 {
		cfg.MaxVersion = tls.VersionTLS12
		if cfg.MinVersion > cfg.MaxVersion {
			cfg.MinVersion = cfg.MaxVersion
		}
	}
}
