package ciphers

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// realLists are cipher strings scripts and guides of the time used.
var realLists = []string{
	"RC4-SHA:AES128-SHA:AES256-SHA", // Node 0.7-era examples
	"ECDHE-RSA-AES256-SHA384:AES256-SHA256:RC4-SHA:RC4:HIGH:!MD5:!aNULL:!EDH:!AESGCM", // Node 0.8's documentation
	"ECDHE-RSA-AES128-SHA256:AES128-GCM-SHA256:RC4:HIGH:!MD5:!aNULL:!EDH",             // Node 0.10's default
	"ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:" +
		"ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:" +
		"DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:" +
		"DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA", // Node 4's default
	"TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256", // Node 12+
	"ALL:!ADH:!LOW:!EXP:!MD5:@STRENGTH",               // Apache's 2012 advice
	"HIGH:MEDIUM:!aNULL:!MD5",                         // nginx's old default
	"EECDH+AESGCM:EDH+AESGCM:AES256+EECDH:AES256+EDH", // cipherli.st
	"DEFAULT:!EXPORT:!LOW:+RC4",
	"kEECDH+ECDSA+AES128:kEECDH+ECDSA+AES256:kEECDH+AES128:kEECDH+AES256:kEDH+AES128:kEDH+AES256:DES-CBC3-SHA:+SHA:!aNULL:!eNULL:!LOW:!kECDH:!DSS:!MD5:!EXP:!PSK:!SRP:!CAMELLIA:!SEED",
	"COMPLEMENTOFDEFAULT", "AESGCM+ECDSA,AES256 CHACHA20;3DES", "@SECLEVEL=0:ALL",
}

// seedLists adds the real lists, the cipher strings of the js-tests
// scripts, and the quoted strings of this package's tests.
func seedLists(f *testing.F) {
	for _, s := range realLists {
		f.Add(s)
	}
	quoted := regexp.MustCompile(`ciphers: *'([^']*)'|setCiphers\('([^']*)'\)`)
	_ = filepath.WalkDir(filepath.Join("..", "..", "..", "js-tests"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".js") {
			return nil
		}
		b, _ := os.ReadFile(p)
		for _, m := range quoted.FindAllStringSubmatch(string(b), -1) {
			f.Add(m[1] + m[2])
		}
		return nil
	})
	spec := regexp.MustCompile(`"([A-Za-z0-9!+@:=,; ._-]{2,})"`)
	tests, _ := filepath.Glob("*_test.go")
	for _, p := range tests {
		b, _ := os.ReadFile(p)
		for _, m := range spec.FindAllStringSubmatch(string(b), -1) {
			f.Add(m[1])
		}
	}
}

// FuzzParseRealLists extends FuzzParse (fuzz_test.go) from real cipher
// strings: Parse is deterministic, its list parsed again by name gives the
// same list, every suite it returns is a table entry, and it allocates in
// proportion to its input.
func FuzzParseRealLists(f *testing.F) {
	seedLists(f)
	f.Fuzz(func(t *testing.T, spec string) {
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		suites, ok := Parse(spec)
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 4<<20+uint64(len(spec))*1024 {
			t.Fatalf("Parse(%q) allocated %d bytes", spec, grew)
		}
		again, ok2 := Parse(spec)
		if ok != ok2 || !sameSuites(suites, again) {
			t.Fatalf("Parse(%q) is not deterministic", spec)
		}
		names := make([]string, len(suites))
		for i, s := range suites {
			names[i] = s.Name
			if got, found := Lookup(s.ID); !found || got != s {
				t.Fatalf("Parse(%q) returned %s, not the table's entry", spec, s.Name)
			}
			if Name(s.ID) != s.Name {
				t.Fatalf("Name(%04x) = %q, want %q", s.ID, Name(s.ID), s.Name)
			}
			_ = s.Description()
		}
		if ok {
			byName, ok3 := Parse(strings.Join(names, ":"))
			if !ok3 || !sameSuites(suites, byName) {
				t.Fatalf("Parse(%q) gives %d suites; naming them gives %d (%v)", spec, len(suites), len(byName), ok3)
			}
		}
		_ = GoIDs(suites, false)
		_ = HasTLS13(suites)
	})
}

func sameSuites(a, b []Suite) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
