// Package ciphers implements OpenSSL's cipher-list strings (the `ciphers`
// option of Node's tls module) over a table of OpenSSL's cipher suites.
//
// The grammar is OpenSSL's (ssl/ssl_ciph.c): items separated by ':', ',',
// ';' or spaces; each item is a suite name (OpenSSL's, not IANA's) or an
// alias (ALL, HIGH, kRSA, AESGCM, SHA1, TLSv1.2, ...), several of them joined
// by '+' to mean "all of these", with an optional prefix: none (add the
// matching suites at the end, in the current order, leaving suites already
// present where they are), '-' (remove; a later item may add them back), '+'
// (move the matching present suites to the end) or '!' (remove for good).
// '@STRENGTH' sorts the list by strength bits, stably; '@SECLEVEL=n' (n in
// 0..5) is accepted and ignored. Unknown words are ignored. A string that
// starts with DEFAULT first applies the default list, then the rest. A
// character outside letters, digits and "-_.=" where a word should start
// makes the whole string invalid, as it did in OpenSSL.
//
// Meanings follow OpenSSL 1.0 (the library under Node 0.7) where OpenSSL 3
// changed them, and OpenSSL 3 elsewhere:
//
//   - DEFAULT is OpenSSL 1.0's "ALL:!aNULL:!eNULL" (its ":!SSLv2" matches
//     nothing here), and COMPLEMENTOFDEFAULT its complement within ALL: the
//     anonymous (EC)DH suites. OpenSSL 3's DEFAULT also leaves out the
//     CAMELLIA, ARIA, CCM, DSS and SRP-DSS suites, and RC4 and 3DES.
//   - SSLv3, TLSv1 and TLSv1.0 all mean "usable before TLS 1.2", as in 1.0,
//     where OpenSSL 3 splits them by the suite's exact minimum version.
//   - 3DES suites are HIGH with 168 strength bits, as in 1.0 (OpenSSL 1.1+
//     says MEDIUM and 112 bits).
//   - The starting order is OpenSSL 3's default preference order
//     (ECDHE and DHE with AEAD first), which ciphers_test.go checks.
//   - TLS 1.3 suites (which OpenSSL 1.0 lacked and OpenSSL 3 configures
//     apart) are chosen only by naming them, as later Node allows in
//     `ciphers`; no alias selects them.
//
// OpenSSL 3's other additions (CHACHA20, ARIA, CCM, the PSK variants, CBC,
// TLSv1.0, @SECLEVEL) are accepted; its SUITEB* strings are not (OpenSSL
// 1.0.0 had no Suite B and ignored them as unknown words).
package ciphers

import (
	"crypto/tls"
	"fmt"
)

// Suite is one cipher suite with the attributes OpenSSL gives it.
type Suite struct {
	Name    string // OpenSSL's name, e.g. "ECDHE-RSA-AES128-GCM-SHA256"
	StdName string // IANA name, e.g. "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"
	ID      uint16 // the two bytes on the wire
	Version string // minimum protocol as OpenSSL 3 labels it: "SSLv3", "TLSv1", "TLSv1.2" or "TLSv1.3"
	Kx      string // key exchange as `openssl ciphers -v` prints it: "RSA", "DH", "ECDH", "PSK", ...
	Au      string // authentication: "RSA", "DSS", "ECDSA", "None", "PSK", ...
	Enc     string // encryption: "AESGCM(128)", "3DES(168)", "RC4(40)", "None", ...
	Mac     string // MAC: "MD5", "SHA1", "SHA256", "SHA384" or "AEAD"
	Bits    int    // strength bits (40 for export suites, 0 for eNULL)
	AlgBits int    // key bits of the cipher itself
	Level   string // "HIGH", "MEDIUM", "LOW", "EXPORT" or "NONE" (eNULL)
	Export  bool   // an export-grade suite
	TLS13   bool   // a TLS 1.3 suite

	mkey, auth, enc, mac, ver, strength, exp uint32
}

// Parse returns the suites a cipher string selects, in OpenSSL's order. The
// bool is false when the string is invalid or selects nothing:
// SSL_CTX_set_cipher_list failed, and Node 0.7 ignored the failure. (On a
// syntax error OpenSSL kept the old list; on an empty selection OpenSSL 1.0
// installed the empty list, so handshakes failed. Callers that keep the old
// list in both cases are kinder.)
func Parse(spec string) ([]Suite, bool) {
	l := newList()
	if len(spec) >= 7 && spec[:7] == "DEFAULT" {
		if !l.apply(defaultList) {
			return nil, false
		}
		spec = spec[7:]
		if spec != "" && spec[0] == ':' {
			spec = spec[1:]
		}
	}
	if !l.apply(spec) {
		return nil, false
	}
	out := l.selected()
	return out, len(out) > 0
}

// defaultList is what DEFAULT stands for: OpenSSL 1.0's
// SSL_DEFAULT_CIPHER_LIST "ALL:!aNULL:!eNULL:!SSLv2" without the SSLv2
// part, which selects nothing in this table.
const defaultList = "ALL:!aNULL:!eNULL"

// GoIDs returns the ids of those suites that crypto/tls implements, in
// order: tls.CipherSuites(), plus tls.InsecureCipherSuites() when legacy is
// set. TLS 1.3 ids are kept; crypto/tls ignores them in Config.CipherSuites.
func GoIDs(suites []Suite, legacy bool) []uint16 {
	ok := map[uint16]bool{}
	for _, s := range tls.CipherSuites() {
		ok[s.ID] = true
	}
	if legacy {
		for _, s := range tls.InsecureCipherSuites() {
			ok[s.ID] = true
		}
	}
	var ids []uint16
	for _, s := range suites {
		if ok[s.ID] {
			ids = append(ids, s.ID)
		}
	}
	return ids
}

// HasTLS13 reports whether any of the suites is a TLS 1.3 suite.
func HasTLS13(suites []Suite) bool {
	for _, s := range suites {
		if s.TLS13 {
			return true
		}
	}
	return false
}

// Name returns OpenSSL's name for a suite id, or crypto/tls's name for an
// id the table lacks.
func Name(id uint16) string {
	loadTable()
	if i, ok := byID[id]; ok {
		return table[i].Name
	}
	return tls.CipherSuiteName(id)
}

// Lookup returns the table entry for an id.
func Lookup(id uint16) (Suite, bool) {
	loadTable()
	if i, ok := byID[id]; ok {
		return table[i], true
	}
	return Suite{}, false
}

// Description is the suite as one line of `openssl ciphers -v`.
func (s Suite) Description() string {
	d := fmt.Sprintf("%-30s %-7s Kx=%-8s Au=%-5s Enc=%-22s Mac=%-4s", s.Name, s.Version, s.Kx, s.Au, s.Enc, s.Mac)
	if s.Export {
		d += " export"
	}
	return d
}
