package ciphers

import (
	"strings"
	"testing"
)

// FuzzParse checks that Parse never panics and keeps its invariants: no
// suite twice, ok exactly when something is selected, and TLS 1.3 suites
// only when the string names them.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"ALL:COMPLEMENTOFALL", "DEFAULT:!aNULL", "HIGH:!aNULL:!MD5", "kRSA+AES:+SHA1:-RC4:@STRENGTH",
		"AES:#", "AES+", "@SECLEVEL=1:TLS_AES_128_GCM_SHA256", "FOO*BAR, ;AES128-SHA!AES", "-+!@",
		"DEFAULTRC4", "ECDHE+AESGCM+aRSA:EDH-RSA-DES-CBC3-SHA",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		suites, ok := Parse(spec)
		if ok != (len(suites) > 0) {
			t.Fatalf("Parse(%q): ok %v with %d suites", spec, ok, len(suites))
		}
		seen := map[uint16]bool{}
		for _, s := range suites {
			if seen[s.ID] {
				t.Fatalf("Parse(%q): %s twice", spec, s.Name)
			}
			seen[s.ID] = true
			if s.TLS13 && !strings.Contains(spec, s.Name) {
				t.Fatalf("Parse(%q) selected %s", spec, s.Name)
			}
		}
		for _, id := range GoIDs(suites, true) {
			if !seen[id] {
				t.Fatalf("GoIDs returned %04x", id)
			}
		}
	})
}
