package certs

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/tls"
	"errors"
	"strings"
	"testing"
)

func TestParseKeyKinds(t *testing.T) {
	secret := []byte("secret")
	leafKey := certsOf(t, "leaf-server-cert.pem")[0].PublicKey.(*rsa.PublicKey)
	for _, c := range []struct {
		file string
		pass []byte
		rsa  bool
		same bool // the leaf-server key
	}{
		{"leaf-server-key.pem", nil, true, true},               // PKCS#8
		{"leaf-server-key-pkcs1.pem", nil, true, true},         // PKCS#1
		{"server-key.pem", nil, true, false},                   // PKCS#1, as `openssl genrsa` wrote in 2012
		{"ec-key.pem", nil, false, false},                      // SEC 1
		{"encrypted-legacy-key.pem", secret, true, true},       // Proc-Type: 4,ENCRYPTED
		{"encrypted-pkcs8-key.pem", secret, true, true},        // ENCRYPTED PRIVATE KEY
		{"leaf-server-key.pem", []byte("ignored"), true, true}, // a passphrase for a plain key is ignored
		{"leaf-server-key-pkcs1.pem", []byte{}, true, true},    // an empty one too
		{"leaf-server-chain.pem", nil, false, false},           // no key: an error
	} {
		key, err := ParseKey(readFixture(t, c.file), c.pass)
		if c.file == "leaf-server-chain.pem" {
			if err == nil || err.Error() != "key: no PEM private key found" {
				t.Errorf("%s: %v", c.file, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.file, err)
			continue
		}
		switch k := key.(type) {
		case *rsa.PrivateKey:
			if !c.rsa {
				t.Errorf("%s: RSA key", c.file)
			}
			if c.same && !k.PublicKey.Equal(leafKey) {
				t.Errorf("%s: not the leaf-server key", c.file)
			}
		case *ecdsa.PrivateKey:
			if c.rsa {
				t.Errorf("%s: EC key", c.file)
			}
		default:
			t.Errorf("%s: %T", c.file, key)
		}
	}
}

func TestParseKeyErrors(t *testing.T) {
	for _, c := range []struct {
		file string
		data string
		pass []byte
		want string
	}{
		{file: "encrypted-legacy-key.pem", want: "key: bad decrypt: the key is encrypted and no passphrase option was given"},
		{file: "encrypted-pkcs8-key.pem", want: "key: bad decrypt: the key is encrypted and no passphrase option was given"},
		{file: "encrypted-legacy-key.pem", pass: []byte("wrong"), want: "key: bad decrypt: wrong passphrase option for the encrypted key"},
		{file: "encrypted-pkcs8-key.pem", pass: []byte("wrong"), want: "key: bad decrypt: wrong passphrase option for the encrypted key"},
		{file: "encrypted-pkcs8-key.pem", pass: []byte{}, want: "key: bad decrypt: wrong passphrase option for the encrypted key"},
		{data: "", want: "key: no PEM private key found"},
		{data: "not a key at all", want: "key: no PEM private key found"},
		{data: "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n", want: "key: malformed private key"},
		{data: "-----BEGIN DSA PRIVATE KEY-----\nAAAA\n-----END DSA PRIVATE KEY-----\n", want: "key: DSA keys are not supported"},
		{data: "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n", pass: []byte("x"),
			want: "key: unsupported encrypted private key"},
	} {
		data := []byte(c.data)
		if c.file != "" {
			data = readFixture(t, c.file)
		}
		_, err := ParseKey(data, c.pass)
		var e *Error
		if err == nil || !errors.As(err, &e) || e.Option != "key" || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s %q: got %v, want %q", c.file, c.data, err, c.want)
		}
	}
}

func TestKeyPair(t *testing.T) {
	pair, err := KeyPair(readFixture(t, "leaf-server-key.pem"), readFixture(t, "leaf-server-chain.pem"), nil)
	if err != nil {
		t.Fatal(err)
	}
	chain := certsOf(t, "leaf-server-chain.pem")
	if len(pair.Certificate) != 2 || !bytes.Equal(pair.Certificate[0], chain[0].Raw) || !bytes.Equal(pair.Certificate[1], chain[1].Raw) {
		t.Fatalf("the whole chain is not there")
	}
	if pair.Leaf == nil || !bytes.Equal(pair.Leaf.Raw, chain[0].Raw) {
		t.Fatalf("no leaf")
	}
	// A key that does not match its certificate is refused as OpenSSL
	// refuses it, with the code today's Node gives that error.
	_, err = KeyPair(readFixture(t, "mismatch-key.pem"), readFixture(t, "leaf-server-cert.pem"), nil)
	if e, ok := err.(*Error); !ok || e.Error() != "key: key values mismatch" || e.Code != "ERR_OSSL_X509_KEY_VALUES_MISMATCH" {
		t.Fatalf("mismatched pair: %#v", err)
	}
	if _, err := KeyPair(readFixture(t, "ec-key.pem"), readFixture(t, "leaf-server-cert.pem"), nil); err == nil || err.Error() != "key: key values mismatch" {
		t.Fatalf("EC key, RSA certificate: %v", err)
	}
	if _, err := KeyPair(readFixture(t, "leaf-server-key.pem"), []byte("nothing"), nil); err == nil || err.Error() != "cert: no PEM certificate found" {
		t.Fatalf("no cert: %v", err)
	}
	if _, err := KeyPair(readFixture(t, "encrypted-pkcs8-key.pem"), readFixture(t, "leaf-server-cert.pem"), []byte("secret")); err != nil {
		t.Fatalf("encrypted key: %v", err)
	}
}

func TestParseCerts(t *testing.T) {
	bad := "-----BEGIN CERTIFICATE-----\nMIIBAA==\n-----END CERTIFICATE-----\n"
	if _, err := ParseCerts("cert", []byte(bad)); err == nil || !strings.HasPrefix(err.Error(), "cert: malformed certificate") {
		t.Fatalf("got %v", err)
	}
	// Other blocks are skipped; a key and a certificate may share a file.
	both := append(readFixture(t, "leaf-server-key.pem"), readFixture(t, "leaf-server-cert.pem")...)
	if c, err := ParseCerts("cert", both); err != nil || len(c) != 1 {
		t.Fatalf("key+cert: %v", err)
	}
	if _, err := ParseKey(both, nil); err != nil {
		t.Fatalf("key+cert: %v", err)
	}
}

func TestParseCAs(t *testing.T) {
	entries := [][]byte{readFixture(t, "ca-root-cert.pem"), readFixture(t, "leaf-server-chain.pem")}
	cas, err := ParseCAs(entries)
	if err != nil || len(cas) != 3 {
		t.Fatalf("got %d, %v", len(cas), err)
	}
	cas, err = ParseCAs([][]byte{readFixture(t, "ca-root-cert.pem"), []byte("junk")})
	if len(cas) != 1 || err == nil || err.Error() != "ca: entry 1: no PEM certificate found" {
		t.Fatalf("got %d, %v", len(cas), err)
	}
	if cas, err := ParseCAs(nil); err != nil || len(cas) != 0 {
		t.Fatalf("empty: %v", err)
	}
}

func TestParseCRLs(t *testing.T) {
	for _, f := range []string{"crl-int.pem", "crl-root.pem", "crl-int-expired.pem", "crl-int-badsig.pem"} {
		if _, err := ParseCRLs("crl", readFixture(t, f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	if _, err := ParseCRLs("crl", readFixture(t, "ca-root-cert.pem")); err == nil || err.Error() != "crl: no PEM CRL found" {
		t.Errorf("got %v", err)
	}
}

func TestDefaultRoots(t *testing.T) {
	if len(FallbackRoots()) < 50 {
		t.Fatalf("fallback bundle: %d certificates", len(FallbackRoots()))
	}
	t.Setenv("SSL_CERT_FILE", "/nonexistent")
	t.Setenv("SSL_CERT_DIR", "/nonexistent")
	if n := len(loadDefaultRoots()); n != len(FallbackRoots()) {
		t.Fatalf("no system roots: %d certificates, want the fallback", n)
	}
	t.Setenv("SSL_CERT_FILE", fixtures+"/leaf-server-chain.pem")
	if n := len(loadDefaultRoots()); n != 2 {
		t.Fatalf("SSL_CERT_FILE: %d certificates", n)
	}
	if len(DefaultRoots()) == 0 {
		t.Fatal("no default roots")
	}
}

// The pair and the verifier work with crypto/tls as the tls module will
// use them: a server presenting the chain, a client judging it with Verify.
func TestWithCryptoTLS(t *testing.T) {
	run := func(keyFile string) (string, error) {
		pair, err := KeyPair(readFixture(t, keyFile), readFixture(t, "leaf-server-chain.pem"), nil)
		if err != nil {
			t.Fatal(err)
		}
		ln, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{pair}})
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		go func() {
			c, err := ln.Accept()
			if err == nil {
				_ = c.(*tls.Conn).Handshake()
				c.Close()
			}
		}()
		roots := certsOf(t, "ca-root-cert.pem")
		var authErr string
		conn, err := tls.Dial("tcp", ln.Addr().String(), &tls.Config{
			InsecureSkipVerify: true,
			VerifyConnection: func(cs tls.ConnectionState) error {
				authErr = Verify(cs.PeerCertificates, VerifyOptions{Roots: roots, ServerCert: true})
				return nil
			},
		})
		if err == nil {
			conn.Close()
		}
		return authErr, err
	}
	if authErr, err := run("leaf-server-key.pem"); err != nil || authErr != "" {
		t.Fatalf("good pair: %q %v", authErr, err)
	}
}
