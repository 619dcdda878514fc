package certs

import (
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"fmt"
	"math/big"
	"strings"
	"time"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// Field is one property of the object getPeerCertificate() returns. Value
// is a string, a []byte (a Buffer), a []string (an array) or a []Field (a
// nested object, keys in order).
type Field struct {
	Name  string
	Value any
}

// PeerCertificate describes cert as Node 0.7's getPeerCertificate() did, in
// its key order: subject, issuer (objects: OpenSSL short names as keys, a
// later duplicate replacing an earlier one, a multi-valued RDN as
// "a + CN=b"), subjectaltname ("DNS:a, IP Address:1.2.3.4, URI:x,
// email:y"), modulus and exponent (uppercase hex, RSA keys only),
// valid_from and valid_to ("Nov  6 09:52:22 2029 GMT"), fingerprint (SHA-1,
// "AB:CD:..."), ext_key_usage (dotted OIDs); then today's Node additions
// fingerprint256, serialNumber (uppercase hex) and raw (the DER). A key is
// left out when the certificate has no such field, as Node 0.7 did. Name
// values escape control characters and bytes 0x80-0xFF as \XX and
// characters above U+00FF as \UXXXX (\WXXXXXXXX above U+FFFF), as OpenSSL
// printed them; subjectaltname entries escape controls and bytes
// 0x80-0xFF the same way (Node 0.7 cut them at a NUL instead). A nil cert
// gives no fields: the empty object Node 0.7 returned for a peer without a
// certificate.
func PeerCertificate(cert *x509.Certificate) []Field {
	out := []Field{}
	if cert == nil {
		return out
	}
	if lines, ok := nameLines(cert.RawSubject); ok && len(lines) > 0 {
		out = append(out, Field{"subject", nameObject(lines)})
	}
	if lines, ok := nameLines(cert.RawIssuer); ok && len(lines) > 0 {
		out = append(out, Field{"issuer", nameObject(lines)})
	}
	if san, ok := subjectAltName(cert); ok {
		out = append(out, Field{"subjectaltname", san})
	}
	if pub, ok := cert.PublicKey.(*rsa.PublicKey); ok && pub.N != nil {
		out = append(out,
			Field{"modulus", bnHex(pub.N)},
			Field{"exponent", bnHex(big.NewInt(int64(pub.E)))})
	}
	out = append(out,
		Field{"valid_from", asn1Time(cert.NotBefore)},
		Field{"valid_to", asn1Time(cert.NotAfter)})
	sum1 := sha1.Sum(cert.Raw)
	sum256 := sha256.Sum256(cert.Raw)
	out = append(out,
		Field{"fingerprint", colonHex(sum1[:])},
		Field{"fingerprint256", colonHex(sum256[:])})
	if eku, ok := extKeyUsage(cert); ok {
		out = append(out, Field{"ext_key_usage", eku})
	}
	if cert.SerialNumber != nil {
		out = append(out, Field{"serialNumber", serialHex(cert.SerialNumber)})
	}
	out = append(out, Field{"raw", append([]byte{}, cert.Raw...)})
	return out
}

// bnHex is OpenSSL's BN_print: uppercase hex without leading zeros.
func bnHex(n *big.Int) string { return strings.ToUpper(n.Text(16)) }

// serialHex is BN_bn2hex, as today's Node shows serialNumber: whole bytes.
func serialHex(n *big.Int) string {
	if n.Sign() == 0 {
		return "0"
	}
	s := fmt.Sprintf("%X", new(big.Int).Abs(n).Bytes())
	if n.Sign() < 0 {
		s = "-" + s
	}
	return s
}

func colonHex(b []byte) string {
	parts := make([]string, len(b))
	for i, c := range b {
		parts[i] = fmt.Sprintf("%02X", c)
	}
	return strings.Join(parts, ":")
}

// asn1Time is ASN1_TIME_print's format, in UTC.
func asn1Time(t time.Time) string {
	t = t.UTC()
	return fmt.Sprintf("%s %2d %02d:%02d:%02d %d GMT",
		t.Month().String()[:3], t.Day(), t.Hour(), t.Minute(), t.Second(), t.Year())
}

func findExtension(cert *x509.Certificate, oid string) ([]byte, bool) {
	for _, ext := range cert.Extensions {
		if ext.Id.String() == oid {
			return ext.Value, true
		}
	}
	return nil, false
}

// subjectAltName prints the first subjectAltName extension as OpenSSL 1.0's
// X509V3_EXT_print did, entries in their order.
func subjectAltName(cert *x509.Certificate) (string, bool) {
	value, ok := findExtension(cert, "2.5.29.17")
	if !ok {
		return "", false
	}
	in := cryptobyte.String(value)
	var seq cryptobyte.String
	if !in.ReadASN1(&seq, cbasn1.SEQUENCE) {
		return "", false
	}
	var parts []string
	for !seq.Empty() {
		var val cryptobyte.String
		var tag cbasn1.Tag
		if !seq.ReadAnyASN1(&val, &tag) {
			return "", false
		}
		switch tag & 0x1f {
		case 0:
			parts = append(parts, "othername:<unsupported>")
		case 1:
			parts = append(parts, "email:"+escapeBytes(val))
		case 2:
			parts = append(parts, "DNS:"+escapeBytes(val))
		case 3:
			parts = append(parts, "X400Name:<unsupported>")
		case 4:
			parts = append(parts, "DirName:"+onelineName(val))
		case 5:
			parts = append(parts, "EdiPartyName:<unsupported>")
		case 6:
			parts = append(parts, "URI:"+escapeBytes(val))
		case 7:
			parts = append(parts, "IP Address:"+ipString(val))
		case 8:
			parts = append(parts, "Registered ID:"+oidString(val))
		}
	}
	return strings.Join(parts, ", "), true
}

// escapeBytes shows a byte string with controls and bytes 0x80-0xFF as \XX.
func escapeBytes(b []byte) string {
	var sb strings.Builder
	for _, c := range b {
		if c < 0x20 || c >= 0x7f {
			fmt.Fprintf(&sb, "\\%02X", c)
		} else {
			sb.WriteByte(c)
		}
	}
	return sb.String()
}

func ipString(b []byte) string {
	switch len(b) {
	case 4:
		return fmt.Sprintf("%d.%d.%d.%d", b[0], b[1], b[2], b[3])
	case 16:
		groups := make([]string, 8)
		for i := range groups {
			groups[i] = fmt.Sprintf("%X", int(b[2*i])<<8|int(b[2*i+1]))
		}
		return strings.Join(groups, ":")
	}
	return "<invalid>"
}

// oidString decodes the contents of an OBJECT IDENTIFIER to dotted form.
func oidString(content []byte) string {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.OBJECT_IDENTIFIER, func(b *cryptobyte.Builder) { b.AddBytes(content) })
	der, err := b.Bytes()
	if err != nil {
		return "<invalid>"
	}
	var oid asn1.ObjectIdentifier
	s := cryptobyte.String(der)
	if !s.ReadASN1ObjectIdentifier(&oid) {
		return "<invalid>"
	}
	return oid.String()
}

// extKeyUsage lists the extended key usage OIDs in their order.
func extKeyUsage(cert *x509.Certificate) ([]string, bool) {
	value, ok := findExtension(cert, "2.5.29.37")
	if !ok {
		return nil, false
	}
	in := cryptobyte.String(value)
	var seq cryptobyte.String
	if !in.ReadASN1(&seq, cbasn1.SEQUENCE) {
		return nil, false
	}
	out := []string{}
	for !seq.Empty() {
		var oid asn1.ObjectIdentifier
		if !seq.ReadASN1ObjectIdentifier(&oid) {
			return nil, false
		}
		out = append(out, oid.String())
	}
	return out, true
}
