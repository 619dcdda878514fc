package certs

import (
	"crypto/x509"
	"strings"
	"time"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// CRL is a certificate revocation list, version 1 or 2, for VerifyOptions.
type CRL struct {
	// ThisUpdate and NextUpdate are the list's validity times; NextUpdate
	// is zero when the list has none.
	ThisUpdate, NextUpdate time.Time

	issuer   string // canonical name
	akid     *authKeyID
	tbs, sig []byte
	sigAlg   x509.SignatureAlgorithm
	revoked  map[string]bool // decimal serial numbers
	critical bool            // an unhandled critical extension
	delta    bool            // a delta CRL (not used, as OpenSSL 1.0 by default)
}

// ParseCRLs reads every CRL ("X509 CRL" PEM block) in data; option names
// the script option in errors. Version 1 lists (no extensions, as `openssl
// ca -gencrl` writes without a CRL number) are accepted as well as version
// 2.
func ParseCRLs(option string, data []byte) ([]*CRL, error) {
	var out []*CRL
	for _, block := range pemBlocks(data) {
		if block.Type != "X509 CRL" {
			continue
		}
		crl, err := ParseCRL(block.Bytes)
		if err != nil {
			return nil, errorf(option, "malformed CRL (%s)", strings.TrimPrefix(err.Error(), "x509: "))
		}
		out = append(out, crl)
	}
	if len(out) == 0 {
		return nil, errorf(option, "no PEM CRL found")
	}
	return out, nil
}

// ParseCRL parses one DER-encoded CRL.
func ParseCRL(der []byte) (*CRL, error) {
	rl, err := x509.ParseRevocationList(der)
	if err != nil {
		// Go parses only version 2 lists. Give a version 1 list a version
		// field to parse it; its signature is checked over the original.
		if v2 := withVersion(der); v2 != nil {
			if rl2, err2 := x509.ParseRevocationList(v2); err2 == nil {
				rl, err = rl2, nil
			}
		}
		if err != nil {
			return nil, err
		}
	}
	tbs, ok := firstInnerElement(der)
	if !ok {
		return nil, errMalformedCRL
	}
	crl := &CRL{
		ThisUpdate: rl.ThisUpdate,
		NextUpdate: rl.NextUpdate,
		issuer:     canonicalName(rl.RawIssuer),
		tbs:        tbs,
		sig:        rl.Signature,
		sigAlg:     rl.SignatureAlgorithm,
		revoked:    map[string]bool{},
	}
	// As OpenSSL 1.0's crl_cb: the first critical extension decides.
	for _, ext := range rl.Extensions {
		switch ext.Id.String() {
		case "2.5.29.35":
			crl.akid = parseAuthKeyID(ext.Value)
		case "2.5.29.27":
			crl.delta = true
		}
	}
	for _, ext := range rl.Extensions {
		if ext.Critical {
			id := ext.Id.String()
			crl.critical = id != "2.5.29.28" && id != "2.5.29.27"
			break
		}
	}
	for _, e := range rl.RevokedCertificateEntries {
		for _, ext := range e.Extensions {
			if ext.Critical && ext.Id.String() != "2.5.29.29" {
				crl.critical = true
			}
		}
		if e.SerialNumber != nil && e.ReasonCode != 8 { // 8: removeFromCRL
			crl.revoked[e.SerialNumber.String()] = true
		}
	}
	return crl, nil
}

type crlError string

func (e crlError) Error() string { return string(e) }

const errMalformedCRL = crlError("malformed CRL")

func (c *CRL) timeOK(now time.Time) bool {
	return !c.ThisUpdate.After(now) && (c.NextUpdate.IsZero() || c.NextUpdate.After(now))
}

// firstInnerElement returns the first element inside the outer SEQUENCE of
// der (a CRL's or certificate's signed part).
func firstInnerElement(der []byte) ([]byte, bool) {
	in := cryptobyte.String(der)
	var outer, first cryptobyte.String
	if !in.ReadASN1(&outer, cbasn1.SEQUENCE) || !outer.ReadASN1Element(&first, cbasn1.SEQUENCE) {
		return nil, false
	}
	return first, true
}

// withVersion re-encodes a version 1 CRL with an explicit version 2 field;
// nil when der is not a CRL without a version.
func withVersion(der []byte) []byte {
	in := cryptobyte.String(der)
	var outer, tbs cryptobyte.String
	if !in.ReadASN1(&outer, cbasn1.SEQUENCE) || !outer.ReadASN1(&tbs, cbasn1.SEQUENCE) {
		return nil
	}
	if tbs.PeekASN1Tag(cbasn1.INTEGER) {
		return nil
	}
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1Int64(1)
			b.AddBytes(tbs)
		})
		b.AddBytes(outer)
	})
	out, err := b.Bytes()
	if err != nil {
		return nil
	}
	return out
}
