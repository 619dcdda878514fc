package ciphers

import (
	"math/rand"
	"os/exec"
	"reflect"
	"strings"
	"testing"
)

// These tests compare Parse with the openssl binary (OpenSSL 3) on this
// machine. OpenSSL 3 knows fewer suites than our table (no RC4, DES, 3DES,
// export, IDEA, SEED, fixed ECDH), so results are compared after keeping
// only the suites `openssl ciphers 'ALL:COMPLEMENTOFALL'` lists. OpenSSL 3
// also prints its TLS 1.3 suites first whatever the string says (they are
// configured apart, by SSL_CTX_set_ciphersuites, and `-tls1_2` does not
// hide them), so lines with ids 0x13,0x.. are dropped.

// openssl runs `openssl ciphers -V` and returns the TLS 1.2-and-earlier
// suite names in order; invalid is true when OpenSSL rejected the string's
// syntax ("invalid command"), as opposed to it selecting nothing.
func openssl(t *testing.T, spec string) (names []string, invalid bool) {
	t.Helper()
	path, err := exec.LookPath("openssl")
	if err != nil {
		t.Skip("openssl not found in PATH; the comparison with OpenSSL needs it")
	}
	out, err := exec.Command(path, "ciphers", "-V", "--", spec).CombinedOutput()
	if err != nil {
		if strings.Contains(string(out), "invalid command") {
			return nil, true
		}
		if strings.Contains(string(out), "no cipher match") {
			return nil, false
		}
		t.Fatalf("openssl ciphers %q: %v\n%s", spec, err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		if len(f) < 3 || strings.HasPrefix(f[0], "0x13,") {
			continue
		}
		names = append(names, f[2])
	}
	return names, false
}

// knownToOpenSSL is the set of suites OpenSSL 3 on this machine has.
func knownToOpenSSL(t *testing.T) map[string]bool {
	t.Helper()
	all, _ := openssl(t, "ALL:COMPLEMENTOFALL")
	if len(all) < 50 {
		t.Fatalf("openssl lists only %d suites", len(all))
	}
	known := map[string]bool{}
	for _, n := range all {
		known[n] = true
	}
	return known
}

func TestAgainstOpenSSL(t *testing.T) {
	known := knownToOpenSSL(t)
	cases := []struct {
		spec string
		// equiv, when set, is the OpenSSL 3 string with the meaning that
		// OpenSSL 1.0 gave spec (see the package comment).
		equiv string
	}{
		// Single names. OpenSSL takes only its own names, not IANA's.
		{spec: "AES128-SHA"},
		{spec: "ECDHE-RSA-AES128-GCM-SHA256"},
		{spec: "ECDHE-ECDSA-CHACHA20-POLY1305"},
		{spec: "TLS_RSA_WITH_AES_128_CBC_SHA"},
		{spec: "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384:AES128-SHA"},
		{spec: "aes128-sha"}, // names are case-sensitive
		// Aliases.
		{spec: "ALL"},
		{spec: "ALL:COMPLEMENTOFALL"},
		{spec: "COMPLEMENTOFALL"},
		{spec: "HIGH"},
		{spec: "MEDIUM"},
		{spec: "LOW"},
		{spec: "FIPS"},
		{spec: "aNULL"},
		{spec: "eNULL"},
		{spec: "NULL"},
		{spec: "kRSA"},
		{spec: "RSA"},
		{spec: "aRSA"},
		{spec: "kEDH"},
		{spec: "EDH"},
		{spec: "DHE"},
		{spec: "kDHE"},
		{spec: "DH"},
		{spec: "ADH"},
		{spec: "kEECDH"},
		{spec: "EECDH"},
		{spec: "ECDHE"},
		{spec: "ECDH"},
		{spec: "AECDH"},
		{spec: "aECDSA"},
		{spec: "ECDSA"},
		{spec: "DSS"},
		{spec: "aDSS"},
		{spec: "PSK"},
		{spec: "kPSK"},
		{spec: "aPSK"},
		{spec: "kRSAPSK:kDHEPSK:kECDHEPSK"},
		{spec: "SRP"},
		{spec: "AES"},
		{spec: "AES128"},
		{spec: "AES256"},
		{spec: "AESGCM"},
		{spec: "AESCCM"},
		{spec: "AESCCM8"},
		{spec: "CHACHA20"},
		{spec: "CAMELLIA"},
		{spec: "CAMELLIA128:CAMELLIA256"},
		{spec: "ARIA"},
		{spec: "ARIA128"},
		{spec: "CBC"},
		{spec: "MD5"},
		{spec: "SHA1"},
		{spec: "SHA"},
		{spec: "SHA256"},
		{spec: "SHA384"},
		{spec: "TLSv1.2"},
		// Gone from OpenSSL 3 here: they select nothing it knows.
		{spec: "RC4"},
		{spec: "3DES"},
		{spec: "DES-CBC3-SHA:AES128-SHA"},
		{spec: "EXP:EXPORT:LOW:DES:IDEA:SEED"},
		// OpenSSL 1.0: SSLv3, TLSv1 and TLSv1.0 are the same bit, every
		// suite usable before TLS 1.2. OpenSSL 3 splits them by minimum
		// version, so we compare with the complement of TLSv1.2.
		{spec: "TLSv1:!eNULL", equiv: "ALL:!TLSv1.2"},
		{spec: "SSLv3:!eNULL", equiv: "ALL:!TLSv1.2"},
		{spec: "TLSv1.0+eNULL", equiv: "eNULL:!TLSv1.2"},
		{spec: "TLSv1+AES", equiv: "AES:!TLSv1.2"},
		// DEFAULT is OpenSSL 1.0's "ALL:!aNULL:!eNULL:!SSLv2"; OpenSSL 3's
		// is "ALL:!COMPLEMENTOFDEFAULT:!eNULL", which leaves out far more.
		{spec: "DEFAULT", equiv: "ALL:!aNULL:!eNULL"},
		{spec: "DEFAULT:!AES", equiv: "ALL:!aNULL:!eNULL:!AES"},
		{spec: "DEFAULT:NULL", equiv: "ALL:!aNULL:!eNULL"},
		{spec: "DEFAULTaNULL", equiv: "ALL:!aNULL:!eNULL"},
		{spec: "COMPLEMENTOFDEFAULT", equiv: "aNULL:!eNULL"},
		{spec: "HIGH:DEFAULT"}, // DEFAULT counts only at the start
		// '+'-joined ANDs.
		{spec: "kRSA+AES"},
		{spec: "ECDHE+AESGCM"},
		{spec: "ECDHE+AESGCM+aRSA"},
		{spec: "aRSA+kRSA+AES+SHA1"},
		{spec: "ECDH+aECDSA"},
		{spec: "HIGH+kRSA:+AES256"},
		{spec: "AES128-SHA+RSA"},
		{spec: "AES128-SHA+SSLv3"},
		{spec: "AES128-SHA+TLSv1.2"},
		{spec: "AES128-SHA+AES256-SHA"},
		{spec: "AES+CAMELLIA"},
		{spec: "TLSv1.2+SHA256"},
		{spec: "FOO+AES:AES+FOO:SHA1+kRSA"},
		// Prefixes.
		{spec: "HIGH:!aNULL:!MD5"},
		{spec: "ALL:!ADH:+RC4:@STRENGTH"},
		{spec: "ECDHE-RSA-AES128-SHA256:AES128-GCM-SHA256:RC4:HIGH:!MD5:!aNULL:!EDH"},
		{spec: "AES:-AES128:AES128"},
		{spec: "AES:!AES128:AES128"},
		{spec: "AES:+AES128"},
		{spec: "AES:+kRSA:+SHA1"},
		{spec: "-ALL:AES128-SHA"},
		{spec: "AES:-AES128-SHA:AES128-SHA"},
		{spec: "AES128-SHA:ALL"},
		{spec: "ECDHE-RSA-AES256-SHA:AES128-SHA:ECDHE-RSA-AES256-SHA"},
		{spec: "!aNULL:ALL"},
		{spec: "+AES:AES128-SHA"},
		{spec: "ALL:-AES:+AES128:AES"},
		{spec: "ALL:-kRSA:-aNULL:kRSA"},
		{spec: "AES128-SHA!AES"},
		{spec: "!ALL"},
		// @STRENGTH and @SECLEVEL.
		{spec: "@STRENGTH"},
		{spec: "AES:@STRENGTH"},
		{spec: "CAMELLIA:AES:@STRENGTH"},
		{spec: "ALL:COMPLEMENTOFALL:@STRENGTH"},
		{spec: "@SECLEVEL=0:AES128"},
		{spec: "AES128:@SECLEVEL=5"},
		{spec: "@STRENGTH+FOO:AES256"},
		// Separators.
		{spec: "AES128-SHA,AES256-SHA"},
		{spec: "AES128-SHA AES256-SHA"},
		{spec: "AES128-SHA;AES256-SHA"},
		{spec: "::AES128-SHA:: , ;AES256-SHA,"},
		// Unknown words, empty results, invalid strings.
		{spec: "FOO:AES128-SHA"},
		{spec: "FOO*BAR:AES128-SHA"},
		{spec: "FOO"},
		{spec: ""},
		{spec: "TLS_AES_128_GCM_SHA256"},
		{spec: "AES:#"},
		{spec: "AES+"},
		{spec: "AES:!"},
		{spec: "AES++SHA"},
		{spec: "AES128-SHA*"},
		{spec: "@FOO:AES"},
		{spec: "@strength"},
		{spec: "AES:@SECLEVEL=9"},
		{spec: "AES:\u00e9"},
	}
	for _, c := range cases {
		want, invalid := openssl(t, c.spec)
		if c.equiv != "" {
			want, invalid = openssl(t, c.equiv)
		}
		suites, ok := Parse(c.spec)
		var got []string
		for _, s := range suites {
			if known[s.Name] {
				got = append(got, s.Name)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Parse(%q):\n got %v\nwant %v (openssl %q)", c.spec, got, want, c.equiv)
		}
		if invalid && (ok || suites != nil) {
			t.Errorf("Parse(%q) = %d suites, %v; OpenSSL rejects it", c.spec, len(suites), ok)
		}
		if len(want) > 0 && !ok {
			t.Errorf("Parse(%q) not ok", c.spec)
		}
	}
	if len(cases) < 40 {
		t.Fatal("too few cases")
	}
}

// TestAttributesAgainstOpenSSL checks every row OpenSSL 3 knows against
// `openssl ciphers -v` and `-stdname`.
func TestAttributesAgainstOpenSSL(t *testing.T) {
	known := knownToOpenSSL(t)
	path, _ := exec.LookPath("openssl")
	out, err := exec.Command(path, "ciphers", "-V", "-v", "-stdname", "ALL:COMPLEMENTOFALL:@SECLEVEL=0").Output()
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, line := range strings.Split(string(out), "\n") {
		// 0xC0,0x2F - TLS_ECDHE_RSA_WITH_... - ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 Kx=ECDH Au=RSA Enc=AESGCM(128) Mac=AEAD
		f := strings.Fields(line)
		if len(f) < 10 {
			continue
		}
		name := f[4]
		id := f[0]
		s, ok := byName(name)
		if !ok {
			t.Errorf("%s (%s) missing from the table", name, id)
			continue
		}
		seen++
		if got := hexID(s.ID); got != id {
			t.Errorf("%s: id %s, openssl says %s", name, got, id)
		}
		if s.StdName != f[2] {
			t.Errorf("%s: IANA name %s, openssl says %s", name, s.StdName, f[2])
		}
		want := strings.Join(f[4:], " ")
		if got := strings.Join(strings.Fields(s.Description()), " "); got != want {
			t.Errorf("description\n got %s\nwant %s", got, want)
		}
	}
	if seen < len(known) {
		t.Errorf("checked %d suites of %d", seen, len(known))
	}
}

func byName(name string) (Suite, bool) {
	loadTable()
	for _, s := range table {
		if s.Name == name {
			return s, true
		}
	}
	return Suite{}, false
}

func hexID(id uint16) string {
	const digits = "0123456789ABCDEF"
	b := []byte{'0', 'x', digits[id>>12], digits[id>>8&15], ',', '0', 'x', digits[id>>4&15], digits[id&15]}
	return string(b)
}

// TestRandomAgainstOpenSSL compares Parse with openssl on strings built at
// random (fixed seed) from words whose meaning OpenSSL 1.0 and 3 share.
func TestRandomAgainstOpenSSL(t *testing.T) {
	known := knownToOpenSSL(t)
	words := []string{
		"ALL", "COMPLEMENTOFALL", "HIGH", "MEDIUM", "FIPS", "aNULL", "eNULL", "NULL", "kRSA", "RSA",
		"aRSA", "kEDH", "EDH", "DHE", "DH", "ADH", "ECDHE", "ECDH", "AECDH", "aECDSA", "DSS", "PSK",
		"kPSK", "SRP", "AES", "AES128", "AES256", "AESGCM", "AESCCM", "CHACHA20", "CAMELLIA", "ARIA",
		"CBC", "MD5", "SHA1", "SHA256", "SHA384", "TLSv1.2", "RC4", "3DES", "FOO",
		"AES128-SHA", "AES256-GCM-SHA384", "ECDHE-RSA-AES128-GCM-SHA256", "DHE-RSA-AES256-SHA",
		"NULL-SHA256", "ECDHE-ECDSA-AES128-SHA", "PSK-AES128-CBC-SHA", "ADH-AES128-SHA",
		"@STRENGTH", "@SECLEVEL=1",
	}
	prefixes := []string{"", "", "", "!", "-", "+"}
	seps := []string{":", ":", ",", " ", ";"}
	rng := rand.New(rand.NewSource(7))
	for i := 0; i < 300; i++ {
		var b strings.Builder
		for j := rng.Intn(6) + 1; j > 0; j-- {
			w := words[rng.Intn(len(words))]
			if w[0] != '@' {
				b.WriteString(prefixes[rng.Intn(len(prefixes))])
				for k := rng.Intn(3); k > 0 && rng.Intn(2) == 0; k-- {
					w += "+" + words[rng.Intn(len(words)-2)]
				}
			}
			b.WriteString(w)
			b.WriteString(seps[rng.Intn(len(seps))])
		}
		spec := b.String()
		want, invalid := openssl(t, spec)
		suites, ok := Parse(spec)
		var got []string
		for _, s := range suites {
			if known[s.Name] {
				got = append(got, s.Name)
			}
		}
		if !reflect.DeepEqual(got, want) || invalid && ok {
			t.Errorf("Parse(%q):\n got %v\nwant %v", spec, got, want)
		}
	}
}
