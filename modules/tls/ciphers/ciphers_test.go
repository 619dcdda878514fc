package ciphers

import (
	"crypto/tls"
	"reflect"
	"sort"
	"strings"
	"testing"
)

func nameList(suites []Suite) []string {
	var out []string
	for _, s := range suites {
		out = append(out, s.Name)
	}
	return out
}

func nameSet(t *testing.T, spec string) map[string]bool {
	t.Helper()
	suites, ok := Parse(spec)
	if !ok {
		t.Fatalf("Parse(%q) not ok", spec)
	}
	set := map[string]bool{}
	for _, s := range suites {
		set[s.Name] = true
	}
	return set
}

func TestTableSane(t *testing.T) {
	loadTable()
	ids := map[uint16]bool{}
	seen := map[string]bool{}
	for _, s := range table {
		if ids[s.ID] || seen[s.Name] || seen[s.StdName] && s.StdName != s.Name {
			t.Errorf("duplicate %s %04x", s.Name, s.ID)
		}
		ids[s.ID], seen[s.Name], seen[s.StdName] = true, true, true
		if s.Kx == "" || s.Au == "" || s.Enc == "" || s.Mac == "" || s.Level == "" {
			t.Errorf("%s: incomplete %+v", s.Name, s)
		}
	}
	if len(table) < 200 {
		t.Errorf("table has %d suites", len(table))
	}
}

// The suites OpenSSL 3 dropped, checked against OpenSSL 1.0's table and
// its `openssl ciphers -v` output format.
func TestLegacyAttributes(t *testing.T) {
	for _, c := range []struct {
		id   uint16
		desc string
		lvl  string
		bits int
	}{
		{0x0005, "RC4-SHA SSLv3 Kx=RSA Au=RSA Enc=RC4(128) Mac=SHA1", "MEDIUM", 128},
		{0x0004, "RC4-MD5 SSLv3 Kx=RSA Au=RSA Enc=RC4(128) Mac=MD5", "MEDIUM", 128},
		{0x000A, "DES-CBC3-SHA SSLv3 Kx=RSA Au=RSA Enc=3DES(168) Mac=SHA1", "HIGH", 168},
		{0x0009, "DES-CBC-SHA SSLv3 Kx=RSA Au=RSA Enc=DES(56) Mac=SHA1", "LOW", 56},
		{0x0003, "EXP-RC4-MD5 SSLv3 Kx=RSA(512) Au=RSA Enc=RC4(40) Mac=MD5 export", "EXPORT", 40},
		{0x0014, "EXP-EDH-RSA-DES-CBC-SHA SSLv3 Kx=DH(512) Au=RSA Enc=DES(40) Mac=SHA1 export", "EXPORT", 40},
		{0x0016, "EDH-RSA-DES-CBC3-SHA SSLv3 Kx=DH Au=RSA Enc=3DES(168) Mac=SHA1", "HIGH", 168},
		{0x0007, "IDEA-CBC-SHA SSLv3 Kx=RSA Au=RSA Enc=IDEA(128) Mac=SHA1", "MEDIUM", 128},
		{0x0096, "SEED-SHA SSLv3 Kx=RSA Au=RSA Enc=SEED(128) Mac=SHA1", "MEDIUM", 128},
		{0xC011, "ECDHE-RSA-RC4-SHA TLSv1 Kx=ECDH Au=RSA Enc=RC4(128) Mac=SHA1", "MEDIUM", 128},
		{0xC012, "ECDHE-RSA-DES-CBC3-SHA TLSv1 Kx=ECDH Au=RSA Enc=3DES(168) Mac=SHA1", "HIGH", 168},
		{0xC00E, "ECDH-RSA-AES128-SHA TLSv1 Kx=ECDH/RSA Au=ECDH Enc=AES(128) Mac=SHA1", "HIGH", 128},
		{0x0002, "NULL-SHA SSLv3 Kx=RSA Au=RSA Enc=None Mac=SHA1", "NONE", 0},
		{0x1301, "TLS_AES_128_GCM_SHA256 TLSv1.3 Kx=any Au=any Enc=AESGCM(128) Mac=AEAD", "HIGH", 128},
	} {
		s, ok := Lookup(c.id)
		if !ok {
			t.Errorf("%04x missing", c.id)
			continue
		}
		if got := strings.Join(strings.Fields(s.Description()), " "); got != c.desc || s.Level != c.lvl || s.Bits != c.bits {
			t.Errorf("%04x: %s %s %d, want %s %s %d", c.id, got, s.Level, s.Bits, c.desc, c.lvl, c.bits)
		}
	}
	if s, _ := Lookup(0x0003); !s.Export || s.AlgBits != 128 {
		t.Errorf("EXP-RC4-MD5: %+v", s)
	}
}

// OpenSSL 1.0 meanings that OpenSSL 3 cannot show (it lacks these suites).
func TestLegacyAliases(t *testing.T) {
	has := func(spec string, in []string, out []string) {
		t.Helper()
		set := nameSet(t, spec)
		for _, n := range in {
			if !set[n] {
				t.Errorf("%q lacks %s", spec, n)
			}
		}
		for _, n := range out {
			if set[n] {
				t.Errorf("%q has %s", spec, n)
			}
		}
	}
	// DEFAULT = ALL:!aNULL:!eNULL:!SSLv2 (OpenSSL 1.0.0/1.0.1): RC4, 3DES,
	// DES and even export suites are in, anonymous and null ones out.
	has("DEFAULT", []string{"RC4-SHA", "RC4-MD5", "DES-CBC3-SHA", "ECDHE-RSA-RC4-SHA", "DES-CBC-SHA", "EXP-RC4-MD5", "CAMELLIA128-SHA"},
		[]string{"ADH-RC4-MD5", "AECDH-DES-CBC3-SHA", "NULL-SHA", "NULL-MD5", "ADH-AES128-SHA"})
	has("COMPLEMENTOFDEFAULT", []string{"ADH-RC4-MD5", "EXP-ADH-RC4-MD5", "AECDH-RC4-SHA", "ADH-SEED-SHA"},
		[]string{"AECDH-NULL-SHA", "RC4-SHA", "AES128-SHA"})
	// 3DES was HIGH in OpenSSL 1.0.
	has("HIGH", []string{"DES-CBC3-SHA", "ECDHE-RSA-DES-CBC3-SHA", "AES128-SHA"}, []string{"RC4-SHA", "SEED-SHA", "DES-CBC-SHA"})
	has("MEDIUM", []string{"RC4-SHA", "RC4-MD5", "ECDHE-ECDSA-RC4-SHA", "IDEA-CBC-SHA", "SEED-SHA"},
		[]string{"DES-CBC3-SHA", "EXP-RC4-MD5", "DES-CBC-SHA"})
	has("TLSv1", []string{"AES128-SHA", "ECDHE-RSA-AES128-SHA", "RC4-SHA", "DES-CBC3-SHA"},
		[]string{"AES128-GCM-SHA256", "ECDHE-RSA-AES128-SHA256"})
	has("kECDH", []string{"ECDH-RSA-AES128-SHA", "ECDH-ECDSA-RC4-SHA"}, []string{"ECDHE-RSA-AES128-SHA"})
	has("ECDH", []string{"ECDH-RSA-AES128-SHA", "ECDHE-RSA-AES128-SHA", "AECDH-AES128-SHA"}, nil)
	has("DHE-RSA-DES-CBC3-SHA:EDH-DSS-DES-CBC3-SHA", []string{"EDH-RSA-DES-CBC3-SHA", "EDH-DSS-DES-CBC3-SHA"}, nil)

	sets := map[string][]string{
		"LOW": {"ADH-DES-CBC-SHA", "DES-CBC-SHA", "EDH-DSS-DES-CBC-SHA", "EDH-RSA-DES-CBC-SHA"},
		"EXP": {"EXP-ADH-DES-CBC-SHA", "EXP-ADH-RC4-MD5", "EXP-DES-CBC-SHA", "EXP-EDH-DSS-DES-CBC-SHA",
			"EXP-EDH-RSA-DES-CBC-SHA", "EXP-RC2-CBC-MD5", "EXP-RC4-MD5"},
		"RC4+kRSA": {"EXP-RC4-MD5", "RC4-MD5", "RC4-SHA"},
	}
	for spec, want := range sets {
		suites, _ := Parse(spec)
		got := nameList(suites)
		sort.Strings(got)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q = %v, want %v", spec, got, want)
		}
	}
	if a, b := nameList(mustParse(t, "SSLv3")), nameList(mustParse(t, "TLSv1")); !reflect.DeepEqual(a, b) {
		t.Errorf("SSLv3 and TLSv1 differ")
	}
	// @STRENGTH with OpenSSL 1.0's 168 bits for 3DES; RC4-SHA and
	// AES128-SHA both have 128 bits and keep their order.
	got := nameList(mustParse(t, "RC4-SHA:AES128-SHA:EXP-RC4-MD5:DES-CBC3-SHA:AES256-SHA:@STRENGTH"))
	want := []string{"AES256-SHA", "DES-CBC3-SHA", "RC4-SHA", "AES128-SHA", "EXP-RC4-MD5"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("@STRENGTH = %v, want %v", got, want)
	}
}

func mustParse(t *testing.T, spec string) []Suite {
	t.Helper()
	s, ok := Parse(spec)
	if !ok {
		t.Fatalf("Parse(%q) not ok", spec)
	}
	return s
}

func TestInvalidAndEmpty(t *testing.T) {
	for _, spec := range []string{
		"", "FOO", "!ALL", "AES:#", "AES+", "AES:!", "-", "@", "@STRENGTH", "@FOO", "@SECLEVEL=6",
		"AES:@SECLEVEL=", "AES128-SHA/AES256-SHA", "SUITEB128", "SUITEB128ONLY", "AES128-SHA+AES256-SHA",
		"!TLS_AES_128_GCM_SHA256:TLS_AES_128_GCM_SHA256", "DEFAULT:!ALL", "DEFAULT:#",
	} {
		if s, ok := Parse(spec); ok || len(s) != 0 {
			t.Errorf("Parse(%q) = %v, %v; want nothing", spec, nameList(s), ok)
		}
	}
}

func TestGoIDs(t *testing.T) {
	s := mustParse(t, "RC4-SHA:AES128-GCM-SHA256:CAMELLIA128-SHA:ECDHE-RSA-AES128-GCM-SHA256")
	if got := GoIDs(s, false); !reflect.DeepEqual(got, []uint16{0xC02F}) {
		t.Errorf("GoIDs = %04x", got)
	}
	if got := GoIDs(s, true); !reflect.DeepEqual(got, []uint16{0x0005, 0x009C, 0xC02F}) {
		t.Errorf("GoIDs legacy = %04x", got)
	}
	if got := GoIDs(mustParse(t, "CAMELLIA"), true); len(got) != 0 {
		t.Errorf("GoIDs(CAMELLIA) = %04x", got)
	}

	// The table covers every suite Go implements, under Go's IANA names,
	// and ALL:COMPLEMENTOFALL selects every TLS 1.2-and-earlier one.
	all := GoIDs(mustParse(t, "ALL:COMPLEMENTOFALL"), true)
	inAll := map[uint16]bool{}
	for _, id := range all {
		inAll[id] = true
	}
	for _, cs := range append(tls.CipherSuites(), tls.InsecureCipherSuites()...) {
		s, ok := Lookup(cs.ID)
		if !ok {
			t.Errorf("%s missing", cs.Name)
			continue
		}
		if s.StdName != cs.Name {
			t.Errorf("%04x: %s, Go says %s", cs.ID, s.StdName, cs.Name)
		}
		if s.TLS13 == inAll[cs.ID] {
			t.Errorf("%s: TLS13 %v, in ALL %v", cs.Name, s.TLS13, inAll[cs.ID])
		}
	}
	for _, id := range GoIDs(mustParse(t, "ALL"), false) {
		if s, _ := Lookup(id); s.Level != "HIGH" {
			t.Errorf("secure Go suite %s is %s", s.Name, s.Level)
		}
	}
}

func TestTLS13(t *testing.T) {
	s := mustParse(t, "TLS_AES_128_GCM_SHA256:HIGH")
	if !HasTLS13(s) || s[0].Name != "TLS_AES_128_GCM_SHA256" || GoIDs(s, false)[0] != 0x1301 {
		t.Errorf("got %v", nameList(s))
	}
	for _, spec := range []string{"HIGH", "ALL:COMPLEMENTOFALL", "AESGCM", "DEFAULT", "CHACHA20", "TLSv1.2"} {
		if HasTLS13(mustParse(t, spec)) {
			t.Errorf("%q selects a TLS 1.3 suite", spec)
		}
	}
	s = mustParse(t, "TLS_CHACHA20_POLY1305_SHA256")
	if len(s) != 1 || !s[0].TLS13 {
		t.Errorf("got %v", nameList(s))
	}
}

func TestName(t *testing.T) {
	for id, want := range map[uint16]string{
		0x0005: "RC4-SHA",
		0x000A: "DES-CBC3-SHA",
		0x002F: "AES128-SHA",
		0xC02F: "ECDHE-RSA-AES128-GCM-SHA256",
		0xCCA9: "ECDHE-ECDSA-CHACHA20-POLY1305",
		0x1301: "TLS_AES_128_GCM_SHA256",
		0x0016: "EDH-RSA-DES-CBC3-SHA",
		0xFFFF: tls.CipherSuiteName(0xFFFF),
	} {
		if got := Name(id); got != want {
			t.Errorf("Name(%04x) = %q, want %q", id, got, want)
		}
	}
}
