package certs

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/youmark/pkcs8"
)

// The fuzz targets of this file start from every fixture (js-tests/fixtures)
// and check that loading and verifying never panic, are deterministic,
// allocate in proportion to their input, and keep the few promises that
// security rests on. Run one with
//
//	go test -run '^$' -fuzz '^FuzzVerifyChains$' -fuzztime 10s ./modules/tls/certs

// allocBound fails when fn allocates more than a fixed allowance plus
// perByte for each input byte: a decoder that trusts a length or a cost
// parameter from its input shows here.
func allocBound(t *testing.T, inputLen int, what string, fn func()) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 32<<20+uint64(inputLen)*2048 {
		t.Fatalf("%s allocated %d bytes for %d bytes of input", what, grew, inputLen)
	}
}

// fixtureFiles lists the fixture files whose names match pattern.
func fixtureFiles(f *testing.F, pattern string) []string {
	names, err := filepath.Glob(filepath.Join(fixtures, pattern))
	if err != nil || len(names) == 0 {
		f.Fatalf("no fixtures %s: %v", pattern, err)
	}
	for i, n := range names {
		names[i] = filepath.Base(n)
	}
	return names
}

// keyForms are the PEM wrappings FuzzParseKey puts its DER input in; form
// 0 takes the input as PEM text.
var keyForms = []struct {
	typ     string
	headers map[string]string
}{
	{},
	{typ: "RSA PRIVATE KEY"},
	{typ: "EC PRIVATE KEY"},
	{typ: "PRIVATE KEY"},
	{typ: "ENCRYPTED PRIVATE KEY"},
	{typ: "RSA PRIVATE KEY", headers: map[string]string{"Proc-Type": "4,ENCRYPTED"}}, // DEK-Info from the fixture
	{typ: "DSA PRIVATE KEY"},
}

// FuzzParseKey: private keys in every encoding, encrypted or not, with
// right, wrong and missing passphrases.
func FuzzParseKey(f *testing.F) {
	legacy, _ := pem.Decode(readFixture(f, "encrypted-legacy-key.pem"))
	keyForms[5].headers["DEK-Info"] = legacy.Headers["DEK-Info"]
	for _, name := range fixtureFiles(f, "*key*.pem") {
		text := readFixture(f, name)
		for _, pass := range []string{"secret", "", "wrong"} {
			f.Add(text, []byte(pass), uint8(0))
		}
		f.Add(text, []byte(nil), uint8(0))
		block, _ := pem.Decode(text)
		for form, kf := range keyForms {
			if kf.typ == block.Type && (len(kf.headers) > 0) == (len(block.Headers) > 0) {
				f.Add(block.Bytes, []byte("secret"), uint8(form))
			}
		}
	}
	f.Add(scryptKey(f, 1<<10, 8, 1), []byte("secret"), uint8(4))
	f.Fuzz(func(t *testing.T, data, passphrase []byte, form uint8) {
		in := data
		if kf := keyForms[int(form)%len(keyForms)]; kf.typ != "" {
			in = pem.EncodeToMemory(&pem.Block{Type: kf.typ, Headers: kf.headers, Bytes: data})
		}
		if len(passphrase) == 0 && form%2 == 1 {
			passphrase = nil // no passphrase option at all
		}
		var key1, key2 crypto.Signer
		var err1, err2 error
		allocBound(t, len(in), "ParseKey", func() { key1, err1 = ParseKey(in, passphrase) })
		key2, err2 = ParseKey(in, passphrase)
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("ParseKey is not deterministic: %v, %v", err1, err2)
		}
		if err1 != nil {
			if _, ok := err1.(*Error); !ok {
				t.Fatalf("ParseKey error %T %v is not a *certs.Error", err1, err1)
			}
			if !strings.HasPrefix(err1.Error(), "key: ") {
				t.Fatalf("ParseKey error %q does not name the key option", err1)
			}
			return
		}
		type publicKey interface{ Equal(crypto.PublicKey) bool }
		if !key1.Public().(publicKey).Equal(key2.Public()) {
			t.Fatalf("ParseKey gave two different keys")
		}
	})
}

// scryptKey is an encrypted PKCS#8 key (passphrase "secret") whose key is
// derived with scrypt(N, r, p): OpenSSL 1.1+ reads such keys, refusing
// parameters that need more than 32 MiB.
func scryptKey(t testing.TB, n, r, p int) []byte {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der, err := pkcs8.MarshalPrivateKey(key, []byte("secret"), &pkcs8.Opts{
		Cipher:  pkcs8.AES256CBC,
		KDFOpts: pkcs8.ScryptOpts{CostParameter: n, BlockSize: r, ParallelizationParameter: p, SaltSize: 16},
	})
	if err != nil {
		t.Fatal(err)
	}
	return der
}

// A key file sets its own key-derivation cost: one that asks scrypt for
// 64 MiB (OpenSSL refuses anything over 32 MiB) must fail rather than
// allocate what the file asks for, or a key from elsewhere (an SNI
// context per customer) could take the process's memory.
func TestScryptKeyCostBounded(t *testing.T) {
	pemKey := pem.EncodeToMemory(&pem.Block{Type: "ENCRYPTED PRIVATE KEY", Bytes: scryptKey(t, 1<<16, 8, 1)})
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := ParseKey(pemKey, []byte("secret"))
	runtime.ReadMemStats(&after)
	if grew := after.TotalAlloc - before.TotalAlloc; err == nil || grew > 32<<20 {
		t.Fatalf("ParseKey of a 64 MiB scrypt key: err %v, %d bytes allocated", err, grew)
	}
}

// FuzzKeyPair: the key, cert and passphrase options together.
func FuzzKeyPair(f *testing.F) {
	pairs := [][3]string{
		{"server-key.pem", "server-cert.pem", ""},
		{"leaf-server-key.pem", "leaf-server-chain.pem", ""},
		{"encrypted-pkcs8-key.pem", "leaf-server-cert.pem", "secret"},
		{"encrypted-legacy-key.pem", "leaf-server-chain.pem", "secret"},
		{"ec-key.pem", "ec-cert.pem", ""},
		{"mismatch-key.pem", "leaf-server-cert.pem", ""},
		{"leaf-server-key.pem", "leaf-server-key.pem", ""},
	}
	for _, p := range pairs {
		f.Add(readFixture(f, p[0]), readFixture(f, p[1]), []byte(p[2]))
		block, _ := pem.Decode(readFixture(f, p[1]))
		f.Add(readFixture(f, p[0]), block.Bytes, []byte(p[2])) // DER where PEM belongs
	}
	f.Fuzz(func(t *testing.T, keyPEM, certPEM, passphrase []byte) {
		allocBound(t, len(keyPEM)+len(certPEM), "KeyPair", func() {
			pair, err := KeyPair(keyPEM, certPEM, passphrase)
			if err != nil {
				if _, ok := err.(*Error); !ok {
					t.Fatalf("KeyPair error %T %v", err, err)
				}
				return
			}
			if pair.Leaf == nil || len(pair.Certificate) == 0 || !bytes.Equal(pair.Certificate[0], pair.Leaf.Raw) {
				t.Fatalf("KeyPair: leaf and chain disagree")
			}
		})
	})
}

// FuzzParseCAs: the ca option's entries; good entries count whatever the
// bad ones hold.
func FuzzParseCAs(f *testing.F) {
	certs := fixtureFiles(f, "*cert*.pem")
	for i, name := range certs {
		f.Add(readFixture(f, name), readFixture(f, certs[(i+1)%len(certs)]))
		f.Add(readFixture(f, name), []byte("not a certificate"))
	}
	f.Add(readFixture(f, "leaf-server-chain.pem"), readFixture(f, "leaf-server-key.pem"))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		allocBound(t, len(a)+len(b), "ParseCAs", func() {
			got, err := ParseCAs([][]byte{a, b})
			want := 0
			var firstErr error
			for _, entry := range [][]byte{a, b} {
				c, err := ParseCerts("ca", entry)
				if err != nil && firstErr == nil {
					firstErr = err
				}
				want += len(c)
			}
			if len(got) != want || (err == nil) != (firstErr == nil) {
				t.Fatalf("ParseCAs: %d certificates (%v); the entries alone: %d (%v)", len(got), err, want, firstErr)
			}
		})
	})
}

// FuzzPeerCertificate: getPeerCertificate()'s description of any
// certificate Go parses. Names and alternative names come out as printable
// ASCII (OpenSSL's escapes), so nothing a peer puts in its certificate
// reaches a script's log raw.
func FuzzPeerCertificate(f *testing.F) {
	for _, name := range fixtureFiles(f, "*cert*.pem") {
		for _, c := range certsOf(f, name) {
			f.Add(c.Raw)
		}
	}
	f.Fuzz(func(t *testing.T, der []byte) {
		cert, err := x509.ParseCertificate(der)
		if err != nil {
			return
		}
		var fields []Field
		allocBound(t, len(der), "PeerCertificate", func() { fields = PeerCertificate(cert) })
		seen := map[string]bool{}
		for _, fld := range fields {
			if seen[fld.Name] {
				t.Fatalf("key %q twice", fld.Name)
			}
			seen[fld.Name] = true
			switch fld.Name {
			case "subject", "issuer":
				for _, sub := range fld.Value.([]Field) {
					printable(t, fld.Name+"."+sub.Name, sub.Name)
					printable(t, fld.Name+"."+sub.Name, sub.Value.(string))
				}
			case "subjectaltname", "valid_from", "valid_to", "fingerprint", "modulus", "exponent":
				printable(t, fld.Name, fld.Value.(string))
			}
		}
		if !seen["fingerprint"] || !seen["valid_from"] || !seen["valid_to"] {
			t.Fatalf("fields %v lack the ones every certificate has", fields)
		}
	})
}

func printable(t *testing.T, where, s string) {
	t.Helper()
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			t.Fatalf("%s: byte %#x at %d in %q", where, s[i], i, s)
		}
	}
}

// FuzzParseCRL: CRLs as DER and as PEM, then used by the verifier.
func FuzzParseCRL(f *testing.F) {
	for _, name := range fixtureFiles(f, "*crl*.pem") {
		block, _ := pem.Decode(readFixture(f, name))
		f.Add(block.Bytes)
	}
	chain := certsOf(f, "leaf-server-chain.pem")
	roots := certsOf(f, "ca-root-cert.pem")
	root := crlsOf(f, "crl-root.pem")
	f.Fuzz(func(t *testing.T, der []byte) {
		var crl *CRL
		var err error
		allocBound(t, len(der), "ParseCRL", func() { crl, err = ParseCRL(der) })
		crls, errPEM := ParseCRLs("crl", pem.EncodeToMemory(&pem.Block{Type: "X509 CRL", Bytes: der}))
		if (err == nil) != (errPEM == nil) {
			t.Fatalf("ParseCRL and ParseCRLs disagree: %v, %v", err, errPEM)
		}
		if err != nil {
			return
		}
		if len(crls) != 1 || crl.ThisUpdate.IsZero() {
			t.Fatalf("ParseCRLs: %d lists, thisUpdate %v", len(crls), crl.ThisUpdate)
		}
		allocBound(t, len(der), "Verify with the CRL", func() {
			_ = Verify(chain, VerifyOptions{Roots: roots, ServerCert: true, CRLs: append([]*CRL{crl}, root...)})
		})
	})
}

// verifyPool is every certificate of the fixtures, for FuzzVerifyChains to
// build chains and trust stores from.
func verifyPool(t testing.TB) []*x509.Certificate {
	var pool []*x509.Certificate
	names, _ := filepath.Glob(filepath.Join(fixtures, "*cert*.pem"))
	for _, n := range names {
		pool = append(pool, certsOf(t, filepath.Base(n))...)
	}
	return pool
}

// FuzzVerifyChains: chains picked from the fixtures by the bytes of pick,
// the leaf replaced by der when it parses, judged against trust stores and
// CRLs picked by flags. Besides not panicking, Verify must never authorize
// a leaf that is out of its validity period, whose signature no certificate
// on hand verifies, or that a CRL given revokes.
func FuzzVerifyChains(f *testing.F) {
	pool := verifyPool(f)
	index := func(name string) byte {
		c := certsOf(f, name)[0]
		for i, p := range pool {
			if p.Equal(c) {
				return byte(i)
			}
		}
		f.Fatalf("%s not in the pool", name)
		return 0
	}
	root, inter := index("ca-root-cert.pem"), index("ca-int-cert.pem")
	for _, leaf := range []string{"leaf-server-cert.pem", "leaf-expired-cert.pem", "leaf-revoked-cert.pem",
		"leaf-badsig-cert.pem", "leaf-client-cert.pem", "fields-cert.pem", "ec-cert.pem", "leaf-sha1-cert.pem"} {
		l := index(leaf)
		for _, flags := range []uint16{0x00, 0x01, 0x02, 0x04, 0x08, 0x10} {
			f.Add([]byte{l, inter, root}, []byte(nil), flags)
		}
		f.Add([]byte{l, inter}, pool[l].Raw, uint16(0x20))
	}
	f.Add([]byte{index("leaf-pathlen-cert.pem"), index("pathlen-sub-cert.pem"), index("pathlen0-int-cert.pem"), root}, []byte(nil), uint16(0))
	f.Add([]byte{index("leaf-notca-cert.pem"), index("notca-int-cert.pem"), root}, []byte(nil), uint16(0))
	f.Add([]byte{index("leaf-v1root-cert.pem"), index("v1-root-cert.pem")}, []byte(nil), uint16(0))
	f.Add([]byte{index("selfsigned-cert.pem"), index("selfsigned-cert.pem")}, []byte(nil), uint16(0))

	revokedLeaf := certsOf(f, "leaf-revoked-cert.pem")[0]
	allCRLs := crlsOf(f, "crl-int.pem", "crl-root.pem")
	legacyRoot := crlsOf(f, "legacy-md5-crl.pem")
	f.Fuzz(func(t *testing.T, pick, der []byte, flags uint16) {
		if len(pick) == 0 {
			return
		}
		if len(pick) > 12 {
			pick = pick[:12]
		}
		chain := make([]*x509.Certificate, 0, len(pick))
		for _, b := range pick {
			chain = append(chain, pool[int(b)%len(pool)])
		}
		mutated := false
		if flags&0x20 != 0 {
			c, err := x509.ParseCertificate(der)
			if err != nil {
				return
			}
			chain[0], mutated = c, true
		}
		// The trust store: the last picked certificate, or (flag 0x40)
		// the whole pool, or (0x80) none.
		var roots []*x509.Certificate
		switch {
		case flags&0x80 != 0:
		case flags&0x40 != 0:
			roots = pool
		default:
			roots = []*x509.Certificate{chain[len(chain)-1]}
		}
		opts := VerifyOptions{
			Roots:      roots,
			ServerCert: flags&0x01 != 0,
			Legacy:     flags&0x02 != 0,
			Now:        time.Now(),
		}
		if flags&0x04 != 0 {
			opts.CRLs = allCRLs
		}
		if flags&0x08 != 0 {
			opts.Now = time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC)
		}
		if flags&0x10 != 0 {
			opts.CRLs = append(append([]*CRL{}, opts.CRLs...), legacyRoot...)
		}
		var verdict string
		allocBound(t, len(der)+len(pick), "Verify", func() { verdict = Verify(chain, opts) })
		if again := Verify(chain, opts); again != verdict {
			t.Fatalf("Verify is not deterministic: %q, then %q", verdict, again)
		}
		if verdict != "" {
			printable(t, "verdict", verdict)
			return
		}
		leaf := chain[0]
		if opts.Now.Before(leaf.NotBefore) || opts.Now.After(leaf.NotAfter) {
			t.Fatalf("authorized a leaf valid only from %v to %v at %v", leaf.NotBefore, leaf.NotAfter, opts.Now)
		}
		if opts.CRLs != nil && leaf.Equal(revokedLeaf) {
			t.Fatalf("authorized the revoked leaf with its CRL given")
		}
		if !signedByOneOf(leaf, append(append([]*x509.Certificate{}, chain...), roots...), opts.Legacy) {
			t.Fatalf("authorized a leaf (mutated %v) that no certificate on hand signed:\n%x", mutated, leaf.Raw)
		}
	})
}

// signedByOneOf reports whether leaf is one of the trusted or sent
// certificates itself or carries a signature one of them verifies. SHA-1
// and MD5 signatures, which crypto/x509 no longer checks, count as
// verified only in legacy mode.
func signedByOneOf(leaf *x509.Certificate, certs []*x509.Certificate, legacy bool) bool {
	for _, c := range certs {
		if c.Equal(leaf) && bytes.Equal(c.RawSubject, c.RawIssuer) {
			return true
		}
		err := c.CheckSignature(leaf.SignatureAlgorithm, leaf.RawTBSCertificate, leaf.Signature)
		if err == nil {
			return true
		}
		if _, weak := err.(x509.InsecureAlgorithmError); weak && legacy && bytes.Equal(c.RawSubject, leaf.RawIssuer) {
			return true
		}
	}
	return false
}
