// Package certs is the certificate layer of gojatls's tls module: it loads
// the PEM keys, certificates and CA lists that Node 0.7 scripts pass as
// `key`, `passphrase`, `cert` and `ca`, verifies a peer's chain the way
// OpenSSL 1.0 did (returning the string codes Node 0.7 put in
// `authorizationError`), and describes a certificate as Node 0.7's
// getPeerCertificate() did.
//
// It is pure Go (no goja): the tls module turns its results into JS values.
package certs

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"strings"

	"github.com/youmark/pkcs8"
)

// Error is a failure to load key material. Option names the script option
// that held it: "key", "cert", "ca", or what ParseCerts and ParseCRLs were
// told (a wrong or missing passphrase is reported against "key"). Reason
// says what is wrong. Its text, "option: reason", is meant to be thrown as a
// JS Error's message. Code, when set, is the code today's Node gives the
// same OpenSSL error (ERR_OSSL_...).
type Error struct {
	Option string
	Reason string
	Code   string
}

func (e *Error) Error() string { return e.Option + ": " + e.Reason }

func errorf(option, format string, args ...any) error {
	return &Error{Option: option, Reason: fmt.Sprintf(format, args...)}
}

// ParseKey reads the first private key in keyPEM: PKCS#1 ("RSA PRIVATE
// KEY"), SEC 1 ("EC PRIVATE KEY"), PKCS#8 ("PRIVATE KEY"), any of these
// with legacy PEM encryption ("Proc-Type: 4,ENCRYPTED"), or encrypted PKCS#8
// ("ENCRYPTED PRIVATE KEY"). passphrase nil means the script gave none; it is
// ignored for a key that is not encrypted. Other PEM blocks (certificates,
// "EC PARAMETERS") are skipped. The key returned is an *rsa.PrivateKey, an
// *ecdsa.PrivateKey or an ed25519.PrivateKey.
func ParseKey(keyPEM []byte, passphrase []byte) (crypto.Signer, error) {
	rest := keyPEM
	for {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			return nil, errorf("key", "no PEM private key found")
		}
		switch block.Type {
		case "RSA PRIVATE KEY", "EC PRIVATE KEY", "PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "DSA PRIVATE KEY":
			return parseKeyBlock(block, passphrase)
		}
	}
}

func parseKeyBlock(block *pem.Block, passphrase []byte) (crypto.Signer, error) {
	der := block.Bytes
	switch {
	case block.Type == "ENCRYPTED PRIVATE KEY":
		if passphrase == nil {
			return nil, missingPassphrase()
		}
		key, err := decryptPKCS8(der, passphrase)
		if err != nil {
			return nil, err
		}
		return signer(key)
	case x509.IsEncryptedPEMBlock(block): // deprecated, but what Node 0.7 users have
		if passphrase == nil {
			return nil, missingPassphrase()
		}
		plain, err := x509.DecryptPEMBlock(block, passphrase)
		if err != nil {
			return nil, badDecrypt()
		}
		key, err := parsePlainKey(block.Type, plain)
		if err != nil {
			// A wrong passphrase can decrypt to garbage with valid padding.
			return nil, badDecrypt()
		}
		return signer(key)
	}
	key, err := parsePlainKey(block.Type, der)
	if err != nil {
		return nil, err
	}
	return signer(key)
}

func missingPassphrase() error {
	return errorf("key", "bad decrypt: the key is encrypted and no passphrase option was given")
}

func badDecrypt() error {
	return errorf("key", "bad decrypt: wrong passphrase option for the encrypted key")
}

// decryptPKCS8 decrypts an EncryptedPrivateKeyInfo. The module it uses can
// panic on malformed input (CBC over a partial block), hence the recover.
func decryptPKCS8(der, passphrase []byte) (key any, err error) {
	defer func() {
		if recover() != nil {
			key, err = nil, errorf("key", "malformed encrypted private key")
		}
	}()
	if len(passphrase) == 0 {
		// The module reads an empty password as "not encrypted".
		return nil, badDecrypt()
	}
	if err := checkKDFCost(der); err != nil {
		return nil, err
	}
	key, err = pkcs8.ParsePKCS8PrivateKey(der, passphrase)
	if err == nil {
		return key, nil
	}
	msg := err.Error()
	if strings.Contains(msg, "incorrect password") {
		return nil, badDecrypt()
	}
	return nil, errorf("key", "unsupported encrypted private key (%s)", strings.TrimPrefix(msg, "pkcs8: "))
}

// parsePlainKey parses an unencrypted DER key, by its PEM type first and then
// by the other encodings (OpenSSL-written files do not always match).
func parsePlainKey(pemType string, der []byte) (any, error) {
	parsers := []func([]byte) (any, error){
		func(b []byte) (any, error) { return x509.ParsePKCS8PrivateKey(b) },
		func(b []byte) (any, error) { return x509.ParsePKCS1PrivateKey(b) },
		func(b []byte) (any, error) { return x509.ParseECPrivateKey(b) },
	}
	first := 0
	switch pemType {
	case "RSA PRIVATE KEY":
		first = 1
	case "EC PRIVATE KEY":
		first = 2
	case "DSA PRIVATE KEY":
		return nil, errorf("key", "DSA keys are not supported")
	}
	key, firstErr := parsers[first](der)
	if firstErr == nil {
		return key, nil
	}
	for i, p := range parsers {
		if i == first {
			continue
		}
		if key, err := p(der); err == nil {
			return key, nil
		}
	}
	return nil, keyParseError(firstErr)
}

func keyParseError(err error) error {
	msg := err.Error()
	if strings.Contains(msg, "insecure") {
		return errorf("key", "%s (--legacy-crypto allows RSA keys under 1024 bits)", msg)
	}
	return errorf("key", "malformed private key (%s)", msg)
}

func signer(key any) (crypto.Signer, error) {
	switch k := key.(type) {
	case *rsa.PrivateKey:
		return k, nil
	case *ecdsa.PrivateKey:
		return k, nil
	case ed25519.PrivateKey:
		return k, nil
	}
	return nil, errorf("key", "unsupported private key type %T", key)
}

// ParseCerts reads every certificate in a PEM text ("CERTIFICATE", "X509
// CERTIFICATE" or "TRUSTED CERTIFICATE" blocks; other blocks are skipped).
// option names the script option in errors. It fails when there is no
// certificate or one is malformed.
func ParseCerts(option string, data []byte) ([]*x509.Certificate, error) {
	var certs []*x509.Certificate
	rest := data
	for {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		switch block.Type {
		case "CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE":
		default:
			continue
		}
		der := block.Bytes
		if block.Type == "TRUSTED CERTIFICATE" {
			der = firstElement(der) // OpenSSL appends its trust settings
		}
		cert, err := x509.ParseCertificate(der)
		if err != nil {
			return nil, errorf(option, "malformed certificate (%s)", strings.TrimPrefix(err.Error(), "x509: "))
		}
		certs = append(certs, cert)
	}
	if len(certs) == 0 {
		return nil, errorf(option, noCertificate)
	}
	return certs, nil
}

// noCertificate is ParseCerts' reason for a text without a certificate.
const noCertificate = "no PEM certificate found"

// firstElement returns the first DER element of b (all of b when it cannot
// tell).
func firstElement(b []byte) []byte {
	if len(b) < 2 {
		return b
	}
	n, hdr := int(b[1]), 2
	if n&0x80 != 0 {
		k := n & 0x7f
		if k == 0 || k > 4 || len(b) < 2+k {
			return b
		}
		n = 0
		for _, c := range b[2 : 2+k] {
			n = n<<8 | int(c)
		}
		hdr += k
	}
	if n < 0 || hdr+n > len(b) {
		return b
	}
	return b[:hdr+n]
}

// KeyPair builds the certificate a server or client presents from the
// `key`, `passphrase` and `cert` options. certPEM may carry the chain after
// the leaf; all of it is sent. A key that is not the leaf's is refused
// with OpenSSL's "key values mismatch", as today's Node refuses it when it
// sets the key after the certificate (SSL_CTX_use_PrivateKey checks the
// pair). Node 0.7 set the key first, OpenSSL 1.0 then dropped it silently
// and every handshake failed; today's behaviour is the useful one.
func KeyPair(keyPEM, certPEM, passphrase []byte) (tls.Certificate, error) {
	key, err := ParseKey(keyPEM, passphrase)
	if err != nil {
		return tls.Certificate{}, err
	}
	chain, err := ParseCerts("cert", certPEM)
	if err != nil {
		return tls.Certificate{}, err
	}
	if !keyMatches(key, chain[0]) {
		return tls.Certificate{}, &Error{Option: "key", Reason: "key values mismatch", Code: "ERR_OSSL_X509_KEY_VALUES_MISMATCH"}
	}
	out := tls.Certificate{PrivateKey: key, Leaf: chain[0]}
	for _, c := range chain {
		out.Certificate = append(out.Certificate, c.Raw)
	}
	return out, nil
}

// keyMatches reports whether key is the private half of cert's public key
// (OpenSSL's X509_check_private_key).
func keyMatches(key crypto.Signer, cert *x509.Certificate) bool {
	pub, ok := key.Public().(interface{ Equal(crypto.PublicKey) bool })
	return ok && pub.Equal(cert.PublicKey)
}

// ParseCAs reads the `ca` option: each entry (a string's or Buffer's bytes)
// holds one or more PEM certificates. It returns the certificates of every
// good entry, and an error naming the first bad one. (Node 0.7 silently
// skipped an entry it could not read; a caller that wants that ignores the
// error and keeps the certificates.)
func ParseCAs(entries [][]byte) ([]*x509.Certificate, error) {
	var out []*x509.Certificate
	var firstErr error
	for i, e := range entries {
		certs, err := ParseCerts("ca", e)
		if err != nil {
			if firstErr == nil {
				r := err.(*Error)
				firstErr = errorf("ca", "entry %d: %s", i, r.Reason)
			}
			continue
		}
		out = append(out, certs...)
	}
	return out, firstErr
}

// pemBlocks returns the PEM blocks of data in order.
func pemBlocks(data []byte) []*pem.Block {
	var out []*pem.Block
	for {
		var block *pem.Block
		block, data = pem.Decode(data)
		if block == nil {
			return out
		}
		out = append(out, block)
	}
}
