package certs

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/asn1"
	"encoding/pem"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
)

// opensslView is what `openssl x509` prints about a certificate, in
// OpenSSL's one-RDN-per-line form (the flags Node 0.7 used).
type opensslView struct {
	subject, issuer                   []string
	notBefore, notAfter               string
	sha1, sha256, modulus, serial     string
	exponent, subjectAltName, extKeyU string
	hasSAN, hasEKU                    bool
}

func needOpenSSL(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Skip("openssl is not installed: skipping the comparison with its output")
	}
}

func runOpenSSL(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command("openssl", args...)
	cmd.Env = append(os.Environ(), "OPENSSL_CONF=/dev/null")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("openssl %v: %v\n%s", args, err, stderr.String())
	}
	return string(out)
}

var exponentRE = regexp.MustCompile(`Exponent: \d+ \(0x([0-9a-f]+)\)`)

func viewOf(t *testing.T, file string) opensslView {
	t.Helper()
	out := runOpenSSL(t, "x509", "-in", file, "-noout", "-subject", "-issuer", "-dates",
		"-fingerprint", "-sha1", "-modulus", "-serial", "-ext", "subjectAltName,extendedKeyUsage",
		"-nameopt", "esc_ctrl,esc_msb,sep_multiline,sname")
	var v opensslView
	var into *[]string
	var ext *string
	for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if strings.HasPrefix(line, "    ") {
			if into != nil {
				*into = append(*into, line[4:])
			} else if ext != nil {
				*ext = line[4:]
			}
			continue
		}
		into, ext = nil, nil
		k, val, _ := strings.Cut(line, "=")
		switch {
		case line == "subject=":
			into = &v.subject
		case line == "issuer=":
			into = &v.issuer
		case k == "notBefore":
			v.notBefore = val
		case k == "notAfter":
			v.notAfter = val
		case strings.EqualFold(k, "sha1 Fingerprint"):
			v.sha1 = val
		case k == "Modulus":
			v.modulus = val
		case k == "serial":
			v.serial = val
		case strings.HasPrefix(line, "X509v3 Subject Alternative Name"):
			v.hasSAN, ext = true, &v.subjectAltName
		case strings.HasPrefix(line, "X509v3 Extended Key Usage"):
			v.hasEKU, ext = true, &v.extKeyU
		}
	}
	fp := runOpenSSL(t, "x509", "-in", file, "-noout", "-fingerprint", "-sha256")
	_, v.sha256, _ = strings.Cut(strings.TrimSpace(fp), "=")
	if m := exponentRE.FindStringSubmatch(runOpenSSL(t, "x509", "-in", file, "-noout", "-text")); m != nil {
		v.exponent = strings.ToUpper(m[1])
	}
	return v
}

// OpenSSL 3 names some usages; Node showed their OIDs.
var ekuNames = map[string]string{
	"TLS Web Server Authentication": "1.3.6.1.5.5.7.3.1",
	"TLS Web Client Authentication": "1.3.6.1.5.5.7.3.2",
	"Code Signing":                  "1.3.6.1.5.5.7.3.3",
	"E-mail Protection":             "1.3.6.1.5.5.7.3.4",
}

func fieldMap(fields []Field) map[string]any {
	m := map[string]any{}
	for _, f := range fields {
		m[f.Name] = f.Value
	}
	return m
}

func fieldNames(fields []Field) []string {
	var names []string
	for _, f := range fields {
		names = append(names, f.Name)
	}
	return names
}

func TestPeerCertificateAgainstOpenSSL(t *testing.T) {
	needOpenSSL(t)
	for _, name := range []string{"fields-cert.pem", "server-cert.pem", "client-cert.pem", "ec-cert.pem",
		"leaf-server-cert.pem", "ca-root-cert.pem", "v1-root-cert.pem", "leaf-expired-cert.pem", "leaf-notyet-cert.pem"} {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(fixtures, name)
			want := viewOf(t, file)
			cert := certsOf(t, name)[0]
			if got, _ := nameLines(cert.RawSubject); !reflect.DeepEqual(got, want.subject) {
				t.Errorf("subject lines %q, openssl %q", got, want.subject)
			}
			if got, _ := nameLines(cert.RawIssuer); !reflect.DeepEqual(got, want.issuer) {
				t.Errorf("issuer lines %q, openssl %q", got, want.issuer)
			}
			fields := PeerCertificate(cert)
			m := fieldMap(fields)
			expect := func(key, wantValue string) {
				t.Helper()
				if m[key] != wantValue {
					t.Errorf("%s = %q, openssl %q", key, m[key], wantValue)
				}
			}
			expect("valid_from", want.notBefore)
			expect("valid_to", want.notAfter)
			expect("fingerprint", want.sha1)
			expect("fingerprint256", want.sha256)
			expect("serialNumber", want.serial)
			if strings.HasPrefix(want.modulus, "No modulus") {
				if _, ok := m["modulus"]; ok {
					t.Errorf("modulus for a non-RSA key")
				}
				if _, ok := m["exponent"]; ok {
					t.Errorf("exponent for a non-RSA key")
				}
			} else {
				expect("modulus", want.modulus)
				expect("exponent", want.exponent)
			}
			if want.hasSAN {
				expect("subjectaltname", want.subjectAltName)
			} else if _, ok := m["subjectaltname"]; ok {
				t.Errorf("subjectaltname without the extension")
			}
			if want.hasEKU {
				var oids []string
				for _, n := range strings.Split(want.extKeyU, ", ") {
					if o, ok := ekuNames[n]; ok {
						n = o
					}
					oids = append(oids, n)
				}
				if !reflect.DeepEqual(m["ext_key_usage"], oids) {
					t.Errorf("ext_key_usage %q, openssl %q", m["ext_key_usage"], oids)
				}
			} else if _, ok := m["ext_key_usage"]; ok {
				t.Errorf("ext_key_usage without the extension")
			}
			if raw, _ := m["raw"].([]byte); string(raw) != string(cert.Raw) {
				t.Errorf("raw is not the DER")
			}
		})
	}
}

func TestPeerCertificateShape(t *testing.T) {
	// The documentation's example object, for the certificate made with its
	// subject: key order and the nested objects.
	fields := PeerCertificate(certsOf(t, "server-cert.pem")[0])
	wantNames := []string{"subject", "issuer", "modulus", "exponent", "valid_from", "valid_to",
		"fingerprint", "fingerprint256", "serialNumber", "raw"}
	if got := fieldNames(fields); !reflect.DeepEqual(got, wantNames) {
		t.Fatalf("keys %q, want %q", got, wantNames)
	}
	docName := []Field{{"C", "UK"}, {"ST", "Acknack Ltd"}, {"L", "Rhys Jones"}, {"O", "node.js"},
		{"OU", "Test TLS Certificate"}, {"CN", "localhost"}}
	m := fieldMap(fields)
	if !reflect.DeepEqual(m["subject"], docName) || !reflect.DeepEqual(m["issuer"], docName) {
		t.Fatalf("subject %v issuer %v", m["subject"], m["issuer"])
	}
	if m["exponent"] != "10001" {
		t.Fatalf("exponent %q", m["exponent"])
	}
	if !regexp.MustCompile(`^[A-Z][a-z][a-z] [ 123]\d \d\d:\d\d:\d\d \d{4} GMT$`).MatchString(m["valid_to"].(string)) {
		t.Fatalf("valid_to %q", m["valid_to"])
	}
	if !regexp.MustCompile(`^([0-9A-F]{2}:){19}[0-9A-F]{2}$`).MatchString(m["fingerprint"].(string)) {
		t.Fatalf("fingerprint %q", m["fingerprint"])
	}

	// Many fields: a later CN replaces the first in its place; a
	// multi-valued RDN stays on its first type's key.
	fields = PeerCertificate(certsOf(t, "fields-cert.pem")[0])
	wantSubject := []Field{{"C", "DE"}, {"ST", `Baden-W\FCrttemberg`}, {"L", `M\FCnchen \U6771\U4EAC`},
		{"O", `go\\jatls`}, {"OU", "Unit A + UID=unit-a"}, {"1.3.6.1.4.1.55555.1", "custom attribute"},
		{"CN", "last CN wins"}, {"emailAddress", "test@example.com"}}
	m = fieldMap(fields)
	if !reflect.DeepEqual(m["subject"], wantSubject) {
		t.Fatalf("subject\n got %q\nwant %q", m["subject"], wantSubject)
	}
	wantSAN := "DNS:localhost, IP Address:127.0.0.1, URI:https://example.com/gojatls, email:test@example.com, " +
		"DNS:www.example.com, IP Address:2001:DB8:0:0:0:0:0:1"
	if m["subjectaltname"] != wantSAN {
		t.Fatalf("subjectaltname %q", m["subjectaltname"])
	}
	if !reflect.DeepEqual(m["ext_key_usage"], []string{"1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2", "1.3.6.1.4.1.11129.2.1.99"}) {
		t.Fatalf("ext_key_usage %q", m["ext_key_usage"])
	}

	if got := PeerCertificate(nil); got == nil || len(got) != 0 {
		t.Fatalf("nil certificate: %v", got)
	}
}

// stringValue is one attribute of a hand-made name.
type stringValue struct {
	oid asn1.ObjectIdentifier
	tag int
	val []byte
}

func encodeName(t *testing.T, rdns ...[]stringValue) []byte {
	t.Helper()
	var seq []byte
	for _, rdn := range rdns {
		var set []byte
		for _, a := range rdn {
			type atv struct {
				Type  asn1.ObjectIdentifier
				Value asn1.RawValue
			}
			enc, err := asn1.Marshal(atv{a.oid, asn1.RawValue{Tag: a.tag, Bytes: a.val}})
			if err != nil {
				t.Fatal(err)
			}
			set = append(set, enc...)
		}
		enc, _ := asn1.Marshal(asn1.RawValue{Tag: asn1.TagSet, IsCompound: true, Bytes: set})
		seq = append(seq, enc...)
	}
	out, _ := asn1.Marshal(asn1.RawValue{Tag: asn1.TagSequence, IsCompound: true, Bytes: seq})
	return out
}

// Escapes for every kind of string, checked against the hand-derived
// OpenSSL rules and, when openssl is installed, against its output for a
// certificate carrying the same name.
func TestNameEscapes(t *testing.T) {
	cn := asn1.ObjectIdentifier{2, 5, 4, 3}
	o := asn1.ObjectIdentifier{2, 5, 4, 10}
	ou := asn1.ObjectIdentifier{2, 5, 4, 11}
	l := asn1.ObjectIdentifier{2, 5, 4, 7}
	raw := encodeName(t,
		[]stringValue{{cn, 20, []byte("t61 \x01\xe9\\ \x7f")}},                                      // T61String: bytes
		[]stringValue{{o, 30, []byte{0, 'b', 0, 0xe9, 0x67, 0x71}}},                                 // BMPString
		[]stringValue{{ou, 12, []byte("utf8 \u00e9\u6771\U0001F600\n")}},                            // UTF8String
		[]stringValue{{l, 22, []byte("ia5")}, {asn1.ObjectIdentifier{1, 2, 3, 4}, 19, []byte("x")}}, // multi-valued, unknown type
	)
	want := []string{
		`CN=t61 \01\E9\\ \7F`,
		`O=b\E9\U6771`,
		`OU=utf8 \E9\U6771\W0001F600\0A`,
		`L=ia5 + 1.2.3.4=x`,
	}
	got, ok := nameLines(raw)
	if !ok || !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q (%v)\nwant %q", got, ok, want)
	}
	// OpenSSL 1.0 read BMPString without pairing surrogates (OpenSSL 3
	// refuses to load such a certificate, so this one is not compared).
	bmp := encodeName(t, []stringValue{{o, 30, []byte{0xd8, 0x3d, 0xde, 0x00}}})
	if got, _ := nameLines(bmp); !reflect.DeepEqual(got, []string{`O=\UD83D\UDE00`}) {
		t.Errorf("surrogates: %q", got)
	}
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Log("openssl is not installed: not comparing with its output")
		return
	}
	// A certificate with this issuer and subject, for openssl to print.
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{RawSubject: raw, SerialNumber: big.NewInt(1),
		NotBefore: time.Now(), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "names.pem")
	if err := os.WriteFile(file, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if v := viewOf(t, file); !reflect.DeepEqual(v.subject, want) {
		t.Fatalf("openssl prints %q, want %q", v.subject, want)
	}
}

func TestCanonicalName(t *testing.T) {
	cn := asn1.ObjectIdentifier{2, 5, 4, 3}
	ou := asn1.ObjectIdentifier{2, 5, 4, 11}
	a := encodeName(t, []stringValue{{cn, 19, []byte("Test  CA")}}, []stringValue{{ou, 19, []byte("x")}, {cn, 12, []byte("y")}})
	b := encodeName(t, []stringValue{{cn, 12, []byte(" test\tca ")}}, []stringValue{{cn, 30, []byte{0, 'Y'}}, {ou, 22, []byte("X")}})
	c := encodeName(t, []stringValue{{cn, 12, []byte("test ca")}}, []stringValue{{ou, 19, []byte("x")}})
	d := encodeName(t, []stringValue{{cn, 12, []byte("t\xc3\xa9st ca")}}, []stringValue{{ou, 19, []byte("x")}, {cn, 12, []byte("y")}})
	if canonicalName(a) != canonicalName(b) {
		t.Errorf("case, spaces, string types and set order should not matter")
	}
	if canonicalName(a) == canonicalName(c) || canonicalName(a) == canonicalName(d) {
		t.Errorf("different names compare equal")
	}
	// Only ASCII is folded.
	e := encodeName(t, []stringValue{{cn, 12, []byte("\xc3\x89")}})
	f := encodeName(t, []stringValue{{cn, 12, []byte("\xc3\xa9")}})
	if canonicalName(e) == canonicalName(f) {
		t.Errorf("non-ASCII letters were folded")
	}
}
