package certs

import (
	"bytes"
	"encoding/asn1"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// attr is one AttributeTypeAndValue of a distinguished name, kept as
// encoded: its value's ASN.1 tag and content bytes.
type attr struct {
	oid   asn1.ObjectIdentifier
	tag   cbasn1.Tag
	value []byte
}

// parseName splits a DER Name into its RDNs (each a set of attributes, in
// encoded order). ok is false when the bytes are not a well-formed Name.
func parseName(raw []byte) (rdns [][]attr, ok bool) {
	in := cryptobyte.String(raw)
	var seq cryptobyte.String
	if !in.ReadASN1(&seq, cbasn1.SEQUENCE) || !in.Empty() {
		return nil, false
	}
	for !seq.Empty() {
		var set cryptobyte.String
		if !seq.ReadASN1(&set, cbasn1.SET) {
			return nil, false
		}
		var rdn []attr
		for !set.Empty() {
			var atv cryptobyte.String
			var a attr
			var val cryptobyte.String
			if !set.ReadASN1(&atv, cbasn1.SEQUENCE) ||
				!atv.ReadASN1ObjectIdentifier(&a.oid) ||
				!atv.ReadAnyASN1(&val, &a.tag) || !atv.Empty() {
				return nil, false
			}
			a.value = val
			rdn = append(rdn, a)
		}
		rdns = append(rdns, rdn)
	}
	return rdns, true
}

// String types whose values OpenSSL canonicalises before comparing names,
// and how many bytes each of their characters takes (0 for UTF-8). Other
// tags print byte by byte, as OpenSSL's tag2nbyte table did.
var charWidth = map[cbasn1.Tag]int{
	12: 0, // UTF8String
	19: 1, // PrintableString
	20: 1, // T61String
	22: 1, // IA5String
	26: 1, // VisibleString
	28: 4, // UniversalString
	30: 2, // BMPString
}

// decodeChars returns the characters of a string value as code points, the
// way OpenSSL 1.0 read them (no surrogate pairing in BMPString). ok is false
// for a malformed value.
func decodeChars(tag cbasn1.Tag, value []byte) (chars []rune, ok bool) {
	width, known := charWidth[tag]
	if !known {
		width = 1
	}
	switch width {
	case 0:
		for len(value) > 0 {
			r, n := utf8.DecodeRune(value)
			if r == utf8.RuneError && n <= 1 {
				return nil, false
			}
			chars = append(chars, r)
			value = value[n:]
		}
	case 1:
		for _, b := range value {
			chars = append(chars, rune(b))
		}
	case 2, 4:
		if len(value)%width != 0 {
			return nil, false
		}
		for i := 0; i < len(value); i += width {
			var c rune
			for _, b := range value[i : i+width] {
				c = c<<8 | rune(b)
			}
			chars = append(chars, c)
		}
	}
	return chars, true
}

// canonicalName returns a byte string that is equal for two names exactly
// when OpenSSL 1.0's X509_NAME_cmp found them equal: string values of the
// usual types compared as UTF-8, ASCII lower-cased, with leading and
// trailing white space removed and inner runs of it collapsed to one space;
// attributes within an RDN compared as a set. Malformed names compare by
// their bytes.
func canonicalName(raw []byte) string {
	canonicalNames.Lock()
	name, ok := canonicalNames.m[string(raw)]
	canonicalNames.Unlock()
	if ok {
		return name
	}
	name = makeCanonicalName(raw)
	canonicalNames.Lock()
	if len(canonicalNames.m) >= canonicalNamesMax {
		clear(canonicalNames.m)
	}
	canonicalNames.m[string(raw)] = name
	canonicalNames.Unlock()
	return name
}

// canonicalNames remembers canonicalName's results, at most
// canonicalNamesMax of them (then it starts again): a server that asks
// for client certificates verifies the same few names at every handshake
// (its clients' subjects and issuers), and working one out takes about a
// hundred allocations.
var canonicalNames = struct {
	sync.Mutex
	m map[string]string
}{m: map[string]string{}}

const canonicalNamesMax = 1024

func makeCanonicalName(raw []byte) string {
	rdns, ok := parseName(raw)
	if !ok {
		return "raw:" + string(raw)
	}
	var b cryptobyte.Builder
	for _, rdn := range rdns {
		var encoded [][]byte
		for _, a := range rdn {
			tag, value := a.tag, a.value
			if _, canon := charWidth[tag]; canon {
				chars, ok := decodeChars(tag, value)
				if !ok {
					return "raw:" + string(raw)
				}
				tag, value = cbasn1.UTF8String, canonString(chars)
			}
			var ab cryptobyte.Builder
			ab.AddASN1(cbasn1.SEQUENCE, func(s *cryptobyte.Builder) {
				s.AddASN1ObjectIdentifier(a.oid)
				s.AddASN1(tag, func(v *cryptobyte.Builder) { v.AddBytes(value) })
			})
			enc, err := ab.Bytes()
			if err != nil {
				return "raw:" + string(raw)
			}
			encoded = append(encoded, enc)
		}
		sort.Slice(encoded, func(i, j int) bool { return bytes.Compare(encoded[i], encoded[j]) < 0 })
		b.AddASN1(cbasn1.SET, func(s *cryptobyte.Builder) {
			for _, e := range encoded {
				s.AddBytes(e)
			}
		})
	}
	out, err := b.Bytes()
	if err != nil {
		return "raw:" + string(raw)
	}
	return "canon:" + string(out)
}

func isCSpace(c rune) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

func canonString(chars []rune) []byte {
	for len(chars) > 0 && isCSpace(chars[0]) {
		chars = chars[1:]
	}
	for len(chars) > 0 && isCSpace(chars[len(chars)-1]) {
		chars = chars[:len(chars)-1]
	}
	var out []byte
	for i := 0; i < len(chars); i++ {
		c := chars[i]
		switch {
		case isCSpace(c):
			out = append(out, ' ')
			for i+1 < len(chars) && isCSpace(chars[i+1]) {
				i++
			}
		case c >= 'A' && c <= 'Z':
			out = append(out, byte(c-'A'+'a'))
		default:
			out = utf8.AppendRune(out, c)
		}
	}
	return out
}

// OpenSSL 1.0's short names for the attribute types found in names. Other
// types print as dotted OIDs.
var shortNames = map[string]string{
	"2.5.4.3": "CN", "2.5.4.4": "SN", "2.5.4.5": "serialNumber", "2.5.4.6": "C",
	"2.5.4.7": "L", "2.5.4.8": "ST", "2.5.4.9": "street", "2.5.4.10": "O",
	"2.5.4.11": "OU", "2.5.4.12": "title", "2.5.4.13": "description",
	"2.5.4.14": "searchGuide", "2.5.4.15": "businessCategory",
	"2.5.4.16": "postalAddress", "2.5.4.17": "postalCode",
	"2.5.4.18": "postOfficeBox", "2.5.4.19": "physicalDeliveryOfficeName",
	"2.5.4.20": "telephoneNumber", "2.5.4.21": "telexNumber",
	"2.5.4.22": "teletexTerminalIdentifier", "2.5.4.23": "facsimileTelephoneNumber",
	"2.5.4.24": "x121Address", "2.5.4.25": "internationaliSDNNumber",
	"2.5.4.26": "registeredAddress", "2.5.4.27": "destinationIndicator",
	"2.5.4.28": "preferredDeliveryMethod", "2.5.4.29": "presentationAddress",
	"2.5.4.30": "supportedApplicationContext", "2.5.4.31": "member",
	"2.5.4.32": "owner", "2.5.4.33": "roleOccupant", "2.5.4.34": "seeAlso",
	"2.5.4.35": "userPassword", "2.5.4.36": "userCertificate",
	"2.5.4.37": "cACertificate", "2.5.4.38": "authorityRevocationList",
	"2.5.4.39": "certificateRevocationList", "2.5.4.40": "crossCertificatePair",
	"2.5.4.41": "name", "2.5.4.42": "GN", "2.5.4.43": "initials",
	"2.5.4.44": "generationQualifier", "2.5.4.45": "x500UniqueIdentifier",
	"2.5.4.46": "dnQualifier", "2.5.4.47": "enhancedSearchGuide",
	"2.5.4.48": "protocolInformation", "2.5.4.49": "distinguishedName",
	"2.5.4.50": "uniqueMember", "2.5.4.51": "houseIdentifier",
	"2.5.4.52": "supportedAlgorithms", "2.5.4.53": "deltaRevocationList",
	"2.5.4.54": "dmdName", "2.5.4.65": "pseudonym", "2.5.4.72": "role",
	"2.5.29.17":            "subjectAltName",
	"1.2.840.113549.1.9.1": "emailAddress", "1.2.840.113549.1.9.2": "unstructuredName",
	"1.2.840.113549.1.9.8":      "unstructuredAddress",
	"0.9.2342.19200300.100.1.1": "UID", "0.9.2342.19200300.100.1.3": "mail",
	"0.9.2342.19200300.100.1.25": "DC",
}

func shortName(oid asn1.ObjectIdentifier) string {
	s := oid.String()
	if n, ok := shortNames[s]; ok {
		return n
	}
	return s
}

// escapeChar writes c as X509_NAME_print_ex did with ESC_CTRL|ESC_MSB:
// \WXXXXXXXX above U+FFFF, \UXXXX above U+00FF, \XX for 0x80-0xFF and
// control characters, a doubled backslash, the character itself otherwise.
func escapeChar(sb *strings.Builder, c rune) {
	switch {
	case c > 0xffff:
		fmt.Fprintf(sb, "\\W%08X", uint32(c))
	case c > 0xff:
		fmt.Fprintf(sb, "\\U%04X", c)
	case c >= 0x80 || c < 0x20 || c == 0x7f:
		fmt.Fprintf(sb, "\\%02X", c)
	case c == '\\':
		sb.WriteString(`\\`)
	default:
		sb.WriteRune(c)
	}
}

// nameLines returns a name as OpenSSL 1.0's X509_NAME_print_ex wrote it for
// Node 0.7 (one RDN per line, short names, multi-valued RDNs joined with
// " + "), split into lines. ok is false where OpenSSL failed to print it.
func nameLines(raw []byte) (lines []string, ok bool) {
	rdns, ok := parseName(raw)
	if !ok {
		return nil, false
	}
	for _, rdn := range rdns {
		var sb strings.Builder
		for i, a := range rdn {
			if i > 0 {
				sb.WriteString(" + ")
			}
			sb.WriteString(shortName(a.oid))
			sb.WriteByte('=')
			chars, ok := decodeChars(a.tag, a.value)
			if !ok {
				return nil, false
			}
			for _, c := range chars {
				escapeChar(&sb, c)
			}
		}
		lines = append(lines, sb.String())
	}
	return lines, true
}

// nameObject turns a printed name into the object Node 0.7's
// tls.parseCertString made of it: each line split at its first "=", a later
// key replacing an earlier one in place.
func nameObject(lines []string) []Field {
	var out []Field
	index := map[string]int{}
	for _, line := range lines {
		eq := strings.IndexByte(line, '=')
		if eq <= 0 {
			continue
		}
		k, v := line[:eq], line[eq+1:]
		if i, seen := index[k]; seen {
			out[i].Value = v
			continue
		}
		index[k] = len(out)
		out = append(out, Field{Name: k, Value: v})
	}
	return out
}

// onelineName is X509_NAME_oneline's "/C=UK/O=x" form, used for directory
// names in subjectAltName: value bytes outside printable ASCII as \xHH.
func onelineName(raw []byte) string {
	rdns, ok := parseName(raw)
	if !ok {
		return ""
	}
	var sb strings.Builder
	for _, rdn := range rdns {
		for _, a := range rdn {
			sb.WriteByte('/')
			sb.WriteString(shortName(a.oid))
			sb.WriteByte('=')
			for _, c := range a.value {
				if c < ' ' || c > '~' {
					fmt.Fprintf(&sb, "\\x%02X", c)
				} else {
					sb.WriteByte(c)
				}
			}
		}
	}
	return sb.String()
}
