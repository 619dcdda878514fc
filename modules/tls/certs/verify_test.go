package certs

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"math/big"
	"reflect"
	"testing"
	"time"
)

// The fixtures are valid from the day they were made until 2125; the
// expired leaf ran 2020-2021 and the not-yet-valid one starts in 2100.
var testNow = time.Date(2050, 6, 1, 0, 0, 0, 0, time.UTC)

// Each case is a chain as a peer sends it, a trust store and the codes
// OpenSSL 1.0 would have found, in order; the last is authorizationError.
func TestVerifyFixtures(t *testing.T) {
	type tc struct {
		name   string
		peer   []string
		roots  []string
		client bool // judging a client certificate
		crls   []string
		legacy bool
		now    time.Time
		want   []string
	}
	root := []string{"ca-root-cert.pem"}
	cases := []tc{
		{name: "good chain", peer: []string{"leaf-server-chain.pem"}, roots: root, want: nil},
		{name: "intermediate from the store", peer: []string{"leaf-server-cert.pem"},
			roots: []string{"ca-root-cert.pem", "ca-int-cert.pem"}, want: nil},
		{name: "root sent too and trusted", peer: []string{"leaf-server-chain.pem", "ca-root-cert.pem"}, roots: root, want: nil},
		{name: "chain order does not matter", peer: []string{"leaf-server-cert.pem", "ca-root-cert.pem", "ca-int-cert.pem"}, roots: root, want: nil},
		{name: "client certificate", peer: []string{"leaf-client-chain.pem"}, roots: root, client: true, want: nil},
		{name: "many fields, as a server", peer: []string{"fields-cert.pem", "ca-int-cert.pem"}, roots: root, want: nil},
		{name: "many fields, as a client", peer: []string{"fields-cert.pem", "ca-int-cert.pem"}, roots: root, client: true, want: nil},
		{name: "documentation's client cert", peer: []string{"client-cert.pem"}, roots: []string{"client-cert.pem"}, client: true, want: nil},
		{name: "revoked leaf without CRLs", peer: []string{"leaf-revoked-cert.pem", "ca-int-cert.pem"}, roots: root, want: nil},
		{name: "EC leaf", peer: []string{"ec-cert.pem", "ca-int-cert.pem"}, roots: root, want: nil},
		{name: "leaf under a v1 root", peer: []string{"leaf-v1root-cert.pem"}, roots: []string{"v1-root-cert.pem"}, want: nil},
		{name: "leaf and v1 root sent", peer: []string{"leaf-v1root-cert.pem", "v1-root-cert.pem"}, roots: []string{"v1-root-cert.pem"}, want: nil},
		{name: "documentation's self-signed cert, trusted", peer: []string{"server-cert.pem"}, roots: []string{"server-cert.pem"}, want: nil},
		{name: "self-signed leaf, trusted", peer: []string{"selfsigned-cert.pem"}, roots: []string{"selfsigned-cert.pem"}, want: nil},
		// A trusted self-signed certificate is not checked for purpose.
		{name: "trusted self-signed cert as a client cert", peer: []string{"server-cert.pem"}, roots: []string{"server-cert.pem"}, client: true, want: nil},

		{name: "self-signed leaf", peer: []string{"selfsigned-cert.pem"}, roots: root,
			want: []string{"DEPTH_ZERO_SELF_SIGNED_CERT"}},
		{name: "documentation's cert, default-like store", peer: []string{"server-cert.pem"}, roots: []string{"client-cert.pem"},
			want: []string{"DEPTH_ZERO_SELF_SIGNED_CERT"}},
		{name: "untrusted root sent", peer: []string{"leaf-server-chain.pem", "ca-root-cert.pem"}, roots: nil,
			want: []string{"SELF_SIGNED_CERT_IN_CHAIN"}},
		{name: "other root sent", peer: []string{"leaf-unknown-cert.pem", "other-root-cert.pem"}, roots: root,
			want: []string{"SELF_SIGNED_CERT_IN_CHAIN"}},
		{name: "lone leaf, unknown issuer", peer: []string{"leaf-unknown-cert.pem"}, roots: root,
			want: []string{"UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "CERT_UNTRUSTED", "UNABLE_TO_VERIFY_LEAF_SIGNATURE"}},
		{name: "lone leaf, intermediate not sent", peer: []string{"leaf-server-cert.pem"}, roots: root,
			want: []string{"UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "CERT_UNTRUSTED", "UNABLE_TO_VERIFY_LEAF_SIGNATURE"}},
		// OpenSSL 1.0's check_trust then said CERT_UNTRUSTED, which stuck
		// (Node 0.10 users met it often); 1.0.2 and later keep the first code.
		{name: "root unknown, chain sent", peer: []string{"leaf-server-chain.pem"}, roots: nil,
			want: []string{"UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "CERT_UNTRUSTED"}},
		{name: "only the intermediate trusted", peer: []string{"leaf-server-cert.pem"}, roots: []string{"ca-int-cert.pem"},
			want: []string{"UNABLE_TO_GET_ISSUER_CERT", "CERT_UNTRUSTED"}},
		{name: "client cert where a server cert is needed", peer: []string{"leaf-client-chain.pem"}, roots: root,
			want: []string{"INVALID_PURPOSE"}},
		{name: "clientAuth-only leaf as a server", peer: []string{"leaf-clientonly-cert.pem", "ca-int-cert.pem"}, roots: root,
			want: []string{"INVALID_PURPOSE"}},
		{name: "server cert as a client cert", peer: []string{"leaf-server-chain.pem"}, roots: root, client: true,
			want: []string{"INVALID_PURPOSE"}},
		// The non-CA intermediate also fails the SSL purpose's CA test:
		// OpenSSL 1.0 (and 3, see `openssl verify -purpose sslserver`)
		// reports INVALID_CA then INVALID_PURPOSE for it.
		{name: "intermediate without CA:TRUE", peer: []string{"leaf-notca-chain.pem"}, roots: root,
			want: []string{"INVALID_CA", "INVALID_PURPOSE"}},
		{name: "pathlen:0 exceeded", peer: []string{"leaf-pathlen-chain.pem"}, roots: root,
			want: []string{"PATH_LENGTH_EXCEEDED"}},
		{name: "corrupted signature", peer: []string{"leaf-badsig-cert.pem", "ca-int-cert.pem"}, roots: root,
			want: []string{"CERT_SIGNATURE_FAILURE"}},
		{name: "expired", peer: []string{"leaf-expired-cert.pem", "ca-int-cert.pem"}, roots: root,
			want: []string{"CERT_HAS_EXPIRED"}},
		{name: "not yet valid", peer: []string{"leaf-notyet-cert.pem", "ca-int-cert.pem"}, roots: root,
			want: []string{"CERT_NOT_YET_VALID"}},
		{name: "expired self-signed", peer: []string{"selfsigned-cert.pem"}, roots: []string{"selfsigned-cert.pem"},
			now: time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC), want: []string{"CERT_HAS_EXPIRED"}},
		{name: "root's validity is checked too", peer: []string{"leaf-server-chain.pem"}, roots: root,
			now:  time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC),
			want: []string{"CERT_NOT_YET_VALID", "CERT_NOT_YET_VALID", "CERT_NOT_YET_VALID"}},
		{name: "SHA-1 signature", peer: []string{"leaf-sha1-cert.pem", "ca-int-cert.pem"}, roots: root,
			want: []string{"CA_MD_TOO_WEAK"}},
		{name: "MD5 signature", peer: []string{"leaf-md5-cert.pem", "ca-int-cert.pem"}, roots: root,
			want: []string{"CA_MD_TOO_WEAK"}},
		{name: "SHA-1 signature, legacy", peer: []string{"leaf-sha1-cert.pem", "ca-int-cert.pem"}, roots: root,
			legacy: true, want: nil},
		{name: "MD5 signature, legacy", peer: []string{"leaf-md5-cert.pem", "ca-int-cert.pem"}, roots: root,
			legacy: true, want: nil},

		{name: "CRLs, not revoked", peer: []string{"leaf-server-chain.pem"}, roots: root,
			crls: []string{"crl-int.pem", "crl-root.pem"}, want: nil},
		{name: "CRLs, revoked", peer: []string{"leaf-revoked-cert.pem", "ca-int-cert.pem"}, roots: root,
			crls: []string{"crl-int.pem", "crl-root.pem"}, want: []string{"CERT_REVOKED"}},
		{name: "no CRL for the intermediate and the root", peer: []string{"leaf-server-chain.pem"}, roots: root,
			crls: []string{"crl-int.pem"}, want: []string{"UNABLE_TO_GET_CRL", "UNABLE_TO_GET_CRL"}},
		{name: "expired CRL", peer: []string{"leaf-server-chain.pem"}, roots: root,
			crls: []string{"crl-int-expired.pem", "crl-root.pem"}, want: []string{"CRL_HAS_EXPIRED"}},
		{name: "a current CRL is preferred", peer: []string{"leaf-server-chain.pem"}, roots: root,
			crls: []string{"crl-int-expired.pem", "crl-int.pem", "crl-root.pem"}, want: nil},
		{name: "CRL signature", peer: []string{"leaf-server-chain.pem"}, roots: root,
			crls: []string{"crl-int-badsig.pem", "crl-root.pem"}, want: []string{"CRL_SIGNATURE_FAILURE"}},
		// CRLs come before signatures and times, so the expiry wins.
		{name: "revoked, then everything expired", peer: []string{"leaf-revoked-cert.pem", "ca-int-cert.pem"}, roots: root,
			crls: []string{"crl-int.pem", "crl-root.pem"}, now: time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC),
			want: []string{"CRL_HAS_EXPIRED", "CERT_REVOKED", "CRL_HAS_EXPIRED", "CRL_HAS_EXPIRED",
				"CERT_HAS_EXPIRED", "CERT_HAS_EXPIRED", "CERT_HAS_EXPIRED"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			now := c.now
			if now.IsZero() {
				now = testNow
			}
			opts := VerifyOptions{Roots: certsOf(t, c.roots...), ServerCert: !c.client, Now: now, Legacy: c.legacy}
			if c.crls != nil {
				opts.CRLs = crlsOf(t, c.crls...)
			}
			peer := certsOf(t, c.peer...)
			got := verifyAll(peer, opts)
			if len(got) == 0 {
				got = nil
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Fatalf("got %q, want %q", got, c.want)
			}
			last := ""
			if len(c.want) > 0 {
				last = c.want[len(c.want)-1]
			}
			if v := Verify(peer, opts); v != last {
				t.Fatalf("Verify = %q, want %q", v, last)
			}
		})
	}
}

func TestVerifyNoCertificate(t *testing.T) {
	for _, chain := range [][]*x509.Certificate{nil, {}, {nil}} {
		if got := Verify(chain, VerifyOptions{}); got != "UNABLE_TO_GET_ISSUER_CERT" {
			t.Fatalf("%v: got %q", chain, got)
		}
	}
}

func TestVerifyDefaultTime(t *testing.T) {
	// Now left zero means the current time: the fixtures are valid now.
	opts := VerifyOptions{Roots: certsOf(t, "ca-root-cert.pem"), ServerCert: true}
	if got := Verify(certsOf(t, "leaf-server-chain.pem"), opts); got != "" {
		t.Fatalf("got %q", got)
	}
}

// gen makes certificates for the cases the fixtures do not cover.
type gen struct {
	t      *testing.T
	serial int64
}

type made struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
}

func (g *gen) make(tmpl *x509.Certificate, parent *made) *made {
	g.t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		g.t.Fatal(err)
	}
	g.serial++
	tmpl.SerialNumber = big.NewInt(g.serial)
	if tmpl.NotBefore.IsZero() {
		tmpl.NotBefore = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
		tmpl.NotAfter = time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	signer, parentCert := key, tmpl
	if parent != nil {
		signer, parentCert = parent.key, parent.cert
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parentCert, &key.PublicKey, signer)
	if err != nil {
		g.t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		g.t.Fatal(err)
	}
	return &made{c, key}
}

func caTemplate(cn string) *x509.Certificate {
	return &x509.Certificate{
		Subject:               pkix.Name{CommonName: cn},
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
	}
}

func leafTemplate(cn string) *x509.Certificate {
	return &x509.Certificate{
		Subject:     pkix.Name{CommonName: cn},
		KeyUsage:    x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
}

func TestVerifyGenerated(t *testing.T) {
	g := &gen{t: t}
	opts := func(roots ...*made) VerifyOptions {
		o := VerifyOptions{ServerCert: true, Now: testNow}
		for _, r := range roots {
			o.Roots = append(o.Roots, r.cert)
		}
		return o
	}
	check := func(name string, peer []*made, o VerifyOptions, want ...string) {
		t.Helper()
		var chain []*x509.Certificate
		for _, p := range peer {
			chain = append(chain, p.cert)
		}
		got := verifyAll(chain, o)
		if len(got) == 0 {
			got = nil
		}
		if len(want) == 0 {
			want = nil
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
	}

	root := g.make(caTemplate("Gen Root"), nil)
	check("generated chain", []*made{g.make(leafTemplate("leaf"), root)}, opts(root))

	// OpenSSL 1.0 did not count a self-signed certificate whose key usage
	// lacks keyCertSign as self-issued, even when trusted.
	ss := leafTemplate("self")
	ss.KeyUsage = x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment
	self := g.make(ss, nil)
	check("self-signed without keyCertSign, trusted", []*made{self}, opts(self),
		"UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "UNABLE_TO_VERIFY_LEAF_SIGNATURE")

	// A different certificate with the same name in the store is no match.
	twin := func() *made {
		tmpl := leafTemplate("twin")
		tmpl.KeyUsage = 0
		return g.make(tmpl, nil)
	}
	twinA, twinB := twin(), twin()
	check("same name, other certificate", []*made{twinA}, opts(twinB), "DEPTH_ZERO_SELF_SIGNED_CERT")

	// An unknown critical extension.
	crit := leafTemplate("critical")
	crit.ExtraExtensions = []pkix.Extension{{Id: asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 55555, 9}, Critical: true, Value: []byte{5, 0}}}
	check("unhandled critical extension", []*made{g.make(crit, root)}, opts(root), "unhandled critical extension")

	// Two CAs with one name: the key identifier picks the right one.
	caA, caB := g.make(caTemplate("Same Name CA"), nil), g.make(caTemplate("Same Name CA"), nil)
	leafB := g.make(leafTemplate("under B"), caB)
	check("key identifiers choose the issuer", []*made{leafB}, opts(caA, caB))

	// Issuer names compare as OpenSSL canonicalised them.
	oddRaw := rawName(t, asn1.RawValue{Tag: asn1.TagPrintableString, Bytes: []byte("Canon CA")})
	odd2 := g.make(&x509.Certificate{RawSubject: oddRaw, IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign}, nil)
	variant := rawName(t, asn1.RawValue{Tag: asn1.TagUTF8String, Bytes: []byte("  canon   ca ")})
	fakeParent := &made{cert: &x509.Certificate{RawSubject: variant, SubjectKeyId: odd2.cert.SubjectKeyId,
		PublicKey: odd2.cert.PublicKey}, key: odd2.key}
	leafOdd := g.make(leafTemplate("canon leaf"), fakeParent)
	check("canonical name match", []*made{leafOdd}, opts(odd2))

	// A loop of cross-issued CAs ends (OpenSSL's depth limit).
	loopA := g.make(caTemplate("Loop A"), nil)
	loopB := g.make(&x509.Certificate{Subject: pkix.Name{CommonName: "Loop B"}, IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign}, loopA)
	loopA2 := g.make(&x509.Certificate{Subject: pkix.Name{CommonName: "Loop A"}, IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign}, loopB)
	loopLeaf := g.make(leafTemplate("loop leaf"), loopA2)
	if got := Verify([]*x509.Certificate{loopLeaf.cert, loopA2.cert, loopB.cert}, opts(loopA2, loopB)); got == "" {
		t.Errorf("loop: verified")
	}
}

// rawName encodes a Name with one CN attribute of the given string value.
func rawName(t *testing.T, value asn1.RawValue) []byte {
	t.Helper()
	type atv struct {
		Type  asn1.ObjectIdentifier
		Value asn1.RawValue
	}
	name := [][]atv{{{Type: asn1.ObjectIdentifier{2, 5, 4, 3}, Value: value}}}
	var rdns []byte
	for _, rdn := range name {
		var set []byte
		for _, a := range rdn {
			enc, err := asn1.Marshal(a)
			if err != nil {
				t.Fatal(err)
			}
			set = append(set, enc...)
		}
		setDER, err := asn1.Marshal(asn1.RawValue{Class: asn1.ClassUniversal, Tag: asn1.TagSet, IsCompound: true, Bytes: set})
		if err != nil {
			t.Fatal(err)
		}
		rdns = append(rdns, setDER...)
	}
	out, err := asn1.Marshal(asn1.RawValue{Class: asn1.ClassUniversal, Tag: asn1.TagSequence, IsCompound: true, Bytes: rdns})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Handshake goroutines verify at the same time with shared trust stores.
func TestVerifyConcurrent(t *testing.T) {
	roots := append(FallbackRoots(), certsOf(t, "ca-root-cert.pem")...)
	good, bad := certsOf(t, "leaf-server-chain.pem"), certsOf(t, "leaf-unknown-cert.pem")
	done := make(chan string, 16)
	for i := 0; i < 8; i++ {
		go func() {
			done <- Verify(good, VerifyOptions{Roots: roots, ServerCert: true, Now: testNow}) + "|" +
				Verify(bad, VerifyOptions{Roots: roots, ServerCert: true, Now: testNow})
		}()
	}
	for i := 0; i < 8; i++ {
		if got := <-done; got != "|UNABLE_TO_VERIFY_LEAF_SIGNATURE" {
			t.Fatalf("got %q", got)
		}
	}
	// A store is matched by its certificates, not by the slice.
	reused := certsOf(t, "ca-root-cert.pem", "ca-int-cert.pem")
	if got := Verify(certsOf(t, "leaf-server-cert.pem"), VerifyOptions{Roots: reused, ServerCert: true, Now: testNow}); got != "" {
		t.Fatalf("got %q", got)
	}
	reused[1] = certsOf(t, "other-root-cert.pem")[0]
	if got := Verify(certsOf(t, "leaf-server-cert.pem"), VerifyOptions{Roots: reused, ServerCert: true, Now: testNow}); got != "UNABLE_TO_VERIFY_LEAF_SIGNATURE" {
		t.Fatalf("after changing the slice: got %q", got)
	}
}
