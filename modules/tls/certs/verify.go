package certs

import (
	"bytes"
	"crypto"
	"crypto/md5"
	"crypto/rsa"
	"crypto/x509"
	"encoding/asn1"
	"math/big"
	"sync"
	"time"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// VerifyOptions says how Verify judges a peer's chain.
type VerifyOptions struct {
	// Roots is the trust store: the certificates of the `ca` option when it
	// was given (even empty), DefaultRoots() when it was not.
	Roots []*x509.Certificate

	// ServerCert is true when the chain is a server's (a client judging the
	// server: OpenSSL's "ssl_server" purpose), false when it is a client's
	// (a server with requestCert: "ssl_client").
	ServerCert bool

	// Now is the time certificates and CRLs are judged at; zero means
	// time.Now().
	Now time.Time

	// Legacy accepts SHA-1 and MD5 signatures (--legacy-crypto). Without it
	// a certificate or CRL signed with either fails with "CA_MD_TOO_WEAK",
	// OpenSSL 3's code for a digest below its security level (OpenSSL 1.0
	// accepted them; the check is made where 1.0 checked the signature, so
	// the self-signature of a root is never judged, as in OpenSSL 3).
	Legacy bool

	// CRLs, when there is at least one, turn on revocation checking for
	// every certificate of the chain, the root included, as Node 0.7 did
	// once a CRL was added to a context.
	CRLs []*CRL
}

// Verify judges a peer's certificate chain (peerChain[0] is the peer's own
// certificate, the rest what it sent with it, in any order) the way OpenSSL
// 1.0.0 did for Node 0.7.4, and returns what Node 0.7 put in
// `authorizationError`: "" when the chain is trusted, else the last failure
// found, as an OpenSSL code name ("DEPTH_ZERO_SELF_SIGNED_CERT",
// "CERT_HAS_EXPIRED", ...) or, for the few codes Node 0.7 did not name,
// OpenSSL's text ("unhandled critical extension").
//
// OpenSSL kept going after each failure and the last one stuck, in this
// order: chain building (DEPTH_ZERO_SELF_SIGNED_CERT,
// SELF_SIGNED_CERT_IN_CHAIN, UNABLE_TO_GET_ISSUER_CERT_LOCALLY,
// UNABLE_TO_GET_ISSUER_CERT); the extensions of the certificates the peer
// sent (INVALID_CA, INVALID_PURPOSE, PATH_LENGTH_EXCEEDED); trust
// (CERT_UNTRUSTED when the chain does not end in a self-issued
// certificate); CRLs, leaf first (UNABLE_TO_GET_CRL, CRL_NOT_YET_VALID,
// CRL_HAS_EXPIRED, CRL_SIGNATURE_FAILURE, CERT_REVOKED); then signatures
// and validity times from the top down (UNABLE_TO_VERIFY_LEAF_SIGNATURE,
// CERT_SIGNATURE_FAILURE, CERT_NOT_YET_VALID, CERT_HAS_EXPIRED). A nil or
// empty chain gives "UNABLE_TO_GET_ISSUER_CERT", as Node 0.7 said for a peer
// that sent no certificate. Name constraints and policies are not checked.
func Verify(peerChain []*x509.Certificate, opts VerifyOptions) string {
	errs := verifyAll(peerChain, opts)
	if len(errs) == 0 {
		return ""
	}
	return errs[len(errs)-1]
}

// maxDepth is OpenSSL's default verify depth.
const maxDepth = 100

// Key usage and Netscape certificate type bits as OpenSSL tested them.
const (
	xkuServer = 1 << iota
	xkuClient
	xkuSGC

	nsSSLClient = 0x80
	nsSSLServer = 0x40
	nsSSLCA     = 0x04
	nsAnyCA     = 0x07
)

// Extension OIDs OpenSSL 1.0 understood; an unknown critical one made a
// certificate unusable.
var supportedExtensions = map[string]bool{
	"2.16.840.1.113730.1.1": true, // Netscape cert type
	"2.5.29.15":             true, // key usage
	"2.5.29.17":             true, // subject alt name
	"2.5.29.19":             true, // basic constraints
	"2.5.29.32":             true, // certificate policies
	"2.5.29.37":             true, // extended key usage
	"1.3.6.1.5.5.7.1.7":     true, // IP address blocks
	"1.3.6.1.5.5.7.1.8":     true, // AS identifiers
	"2.5.29.36":             true, // policy constraints
	"1.3.6.1.5.5.7.1.14":    true, // proxy cert info
	"2.5.29.30":             true, // name constraints
	"2.5.29.33":             true, // policy mappings
	"2.5.29.54":             true, // inhibit any policy
}

// cinfo is what OpenSSL's x509v3_cache_extensions worked out about a
// certificate.
type cinfo struct {
	cert            *x509.Certificate
	subject, issuer string // canonical names
	selfIssued      bool   // subject and issuer names equal (1.0.0's EXFLAG_SS)
	v1              bool
	bcons, ca       bool
	pathlen         int // -1: none
	hasKU           bool
	ku              x509.KeyUsage
	hasXKU          bool
	xku             int
	hasNS           bool
	ns              byte
	critical        bool // an unknown critical extension
	akid            *authKeyID
}

// authKeyID is an authority key identifier extension.
type authKeyID struct {
	keyID  []byte
	serial *big.Int
	issuer string // canonical directory name, "" when none
}

type verifier struct {
	opts  VerifyOptions
	now   time.Time
	infos map[*x509.Certificate]*cinfo
	store *trustStore
	errs  []string
}

// trustStore is a trust store's certificates worked out once, by canonical
// subject name, in their order.
type trustStore struct {
	certs     []*x509.Certificate
	byCert    map[*x509.Certificate]*cinfo
	bySubject map[string][]*cinfo
}

// Recently used trust stores (the default roots, each context's ca list),
// most recent first: working out a hundred roots for every handshake would
// cost more than the handshake.
var stores struct {
	sync.Mutex
	recent []*trustStore
}

const storesKept = 8

func (v *verifier) loadStore(roots []*x509.Certificate) {
	stores.Lock()
	for i, s := range stores.recent {
		if sameCerts(s.certs, roots) {
			copy(stores.recent[1:i+1], stores.recent[:i])
			stores.recent[0] = s
			stores.Unlock()
			v.store = s
			return
		}
	}
	stores.Unlock()
	s := &trustStore{
		certs:     append([]*x509.Certificate(nil), roots...),
		byCert:    map[*x509.Certificate]*cinfo{},
		bySubject: map[string][]*cinfo{},
	}
	for _, c := range roots {
		if c != nil && s.byCert[c] == nil {
			x := newInfo(c)
			s.byCert[c] = x
			s.bySubject[x.subject] = append(s.bySubject[x.subject], x)
		}
	}
	if len(roots) > 0 {
		stores.Lock()
		stores.recent = append([]*trustStore{s}, stores.recent...)
		if len(stores.recent) > storesKept {
			stores.recent = stores.recent[:storesKept]
		}
		stores.Unlock()
	}
	v.store = s
}

func sameCerts(a, b []*x509.Certificate) bool {
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

func (v *verifier) fail(code string) { v.errs = append(v.errs, code) }

// info is what the verifier knows of c: worked out once per call, or once
// per trust store for its certificates.
func (v *verifier) info(c *x509.Certificate) *cinfo {
	if x, ok := v.infos[c]; ok {
		return x
	}
	if x, ok := v.store.byCert[c]; ok {
		return x
	}
	x := newInfo(c)
	v.infos[c] = x
	return x
}

// newInfo works out what OpenSSL's x509v3_cache_extensions did.
func newInfo(c *x509.Certificate) *cinfo {
	x := &cinfo{
		cert:    c,
		subject: canonicalName(c.RawSubject),
		issuer:  canonicalName(c.RawIssuer),
		v1:      c.Version == 1,
		pathlen: -1,
	}
	x.selfIssued = x.subject == x.issuer
	for _, ext := range c.Extensions {
		id := ext.Id.String()
		if ext.Critical && !supportedExtensions[id] {
			x.critical = true
		}
		switch id {
		case "2.5.29.19":
			x.bcons = true
			x.ca = c.IsCA
			if c.MaxPathLen > 0 || c.MaxPathLenZero {
				x.pathlen = c.MaxPathLen
			}
			if !x.ca && x.pathlen > 0 {
				x.pathlen = 0
			}
		case "2.5.29.15":
			x.hasKU, x.ku = true, c.KeyUsage
		case "2.5.29.37":
			x.hasXKU = true
			for _, u := range c.ExtKeyUsage {
				switch u {
				case x509.ExtKeyUsageServerAuth:
					x.xku |= xkuServer
				case x509.ExtKeyUsageClientAuth:
					x.xku |= xkuClient
				case x509.ExtKeyUsageNetscapeServerGatedCrypto, x509.ExtKeyUsageMicrosoftServerGatedCrypto:
					x.xku |= xkuSGC
				}
			}
		case "2.16.840.1.113730.1.1":
			var bits asn1.BitString
			if rest, err := asn1.Unmarshal(ext.Value, &bits); err == nil && len(rest) == 0 {
				x.hasNS = true
				if len(bits.Bytes) > 0 {
					x.ns = bits.Bytes[0]
				}
			}
		case "2.5.29.35":
			x.akid = parseAuthKeyID(ext.Value)
		}
	}
	return x
}

// parseAuthKeyID reads an AuthorityKeyIdentifier; nil when malformed (OpenSSL
// 1.0 then ignored it).
func parseAuthKeyID(der []byte) *authKeyID {
	in := cryptobyte.String(der)
	var seq cryptobyte.String
	if !in.ReadASN1(&seq, cbasn1.SEQUENCE) || !in.Empty() {
		return nil
	}
	a := &authKeyID{}
	for !seq.Empty() {
		var val cryptobyte.String
		var tag cbasn1.Tag
		if !seq.ReadAnyASN1(&val, &tag) {
			return nil
		}
		switch tag {
		case cbasn1.Tag(0).ContextSpecific():
			a.keyID = append([]byte{}, val...)
		case cbasn1.Tag(1).ContextSpecific().Constructed():
			if a.issuer == "" {
				a.issuer = firstDirName(val)
			}
		case cbasn1.Tag(2).ContextSpecific():
			if len(val) == 0 {
				return nil
			}
			a.serial = new(big.Int).SetBytes(val)
			if val[0]&0x80 != 0 {
				a.serial.Sub(a.serial, new(big.Int).Lsh(big.NewInt(1), uint(len(val)*8)))
			}
		}
	}
	return a
}

// firstDirName returns the canonical form of the first directoryName in a
// GeneralNames body, "" when there is none.
func firstDirName(names cryptobyte.String) string {
	for !names.Empty() {
		var val cryptobyte.String
		var tag cbasn1.Tag
		if !names.ReadAnyASN1(&val, &tag) {
			return ""
		}
		if tag == cbasn1.Tag(4).ContextSpecific().Constructed() {
			return canonicalName(val)
		}
	}
	return ""
}

func (x *cinfo) kuReject(u x509.KeyUsage) bool { return x.hasKU && x.ku&u == 0 }
func (x *cinfo) xkuReject(u int) bool          { return x.hasXKU && x.xku&u == 0 }
func (x *cinfo) nsReject(u byte) bool          { return x.hasNS && x.ns&u == 0 }

// checkCA is OpenSSL 1.0's check_ca: 0 when not a CA, else why it is one.
func (x *cinfo) checkCA() int {
	switch {
	case x.kuReject(x509.KeyUsageCertSign):
		return 0
	case x.bcons:
		if x.ca {
			return 1
		}
		return 0
	case x.v1 && x.selfIssued:
		return 3 // "we support V1 roots for...  uh, I don't really know why."
	case x.hasKU:
		return 4
	case x.hasNS && x.ns&nsAnyCA != 0:
		return 5
	}
	return 0
}

func (x *cinfo) sslCA() bool {
	r := x.checkCA()
	return r != 0 && (r != 5 || x.ns&nsSSLCA != 0)
}

// purposeOK is OpenSSL 1.0's check_purpose_ssl_server / _ssl_client.
func (x *cinfo) purposeOK(server, ca bool) bool {
	if server {
		if x.xkuReject(xkuServer | xkuSGC) {
			return false
		}
		if ca {
			return x.sslCA()
		}
		return !x.nsReject(nsSSLServer) &&
			!x.kuReject(x509.KeyUsageDigitalSignature|x509.KeyUsageKeyEncipherment)
	}
	if x.xkuReject(xkuClient) {
		return false
	}
	if ca {
		return x.sslCA()
	}
	return !x.kuReject(x509.KeyUsageDigitalSignature) && !x.nsReject(nsSSLClient)
}

// akidMatches is X509_check_akid: does issuer fit this key identifier?
func akidMatches(issuer *cinfo, a *authKeyID) bool {
	if a == nil {
		return true
	}
	if len(a.keyID) > 0 && len(issuer.cert.SubjectKeyId) > 0 && !bytes.Equal(a.keyID, issuer.cert.SubjectKeyId) {
		return false
	}
	if a.serial != nil && (issuer.cert.SerialNumber == nil || a.serial.Cmp(issuer.cert.SerialNumber) != 0) {
		return false
	}
	if a.issuer != "" && a.issuer != issuer.issuer {
		return false
	}
	return true
}

// issued is X509_check_issued: could issuer have signed subject? (Names,
// key identifiers and the issuer's keyCertSign usage; not the signature.)
func issued(issuer, subject *cinfo) bool {
	return issuer.subject == subject.issuer &&
		akidMatches(issuer, subject.akid) &&
		!issuer.kuReject(x509.KeyUsageCertSign)
}

// storeIssuer is the first trusted certificate that issued x.
func (v *verifier) storeIssuer(x *cinfo) *cinfo {
	for _, r := range v.store.bySubject[x.issuer] {
		if issued(r, x) {
			return r
		}
	}
	return nil
}

func verifyAll(peerChain []*x509.Certificate, opts VerifyOptions) []string {
	v := &verifier{opts: opts, now: opts.Now, infos: map[*x509.Certificate]*cinfo{}}
	if v.now.IsZero() {
		v.now = time.Now()
	}
	v.now = v.now.Truncate(time.Second)
	var sent []*x509.Certificate
	for _, c := range peerChain {
		if c != nil {
			sent = append(sent, c)
		}
	}
	if len(sent) == 0 {
		return []string{"UNABLE_TO_GET_ISSUER_CERT"}
	}
	v.loadStore(opts.Roots)
	var untrusted []*cinfo
	for _, c := range sent {
		untrusted = append(untrusted, v.info(c))
	}

	// 1. Up from the leaf through what the peer sent. (The leaf itself stays
	// a candidate issuer, as it did in OpenSSL.)
	chain := []*cinfo{untrusted[0]}
	lastUntrusted := 1
	x := untrusted[0]
	for len(chain) <= maxDepth && !issued(x, x) {
		found := -1
		for i, c := range untrusted {
			if issued(c, x) {
				found = i
				break
			}
		}
		if found < 0 {
			break
		}
		x = untrusted[found]
		untrusted = append(untrusted[:found:found], untrusted[found+1:]...)
		chain = append(chain, x)
		lastUntrusted++
	}

	// 2. A self-issued top: alone, it must be in the store byte for byte;
	// above others, it is set aside while the store is searched.
	var chainSS *cinfo
	if top := chain[len(chain)-1]; issued(top, top) {
		if len(chain) == 1 {
			s := v.storeIssuer(top)
			if s == nil || !bytes.Equal(s.cert.Raw, top.cert.Raw) {
				v.fail("DEPTH_ZERO_SELF_SIGNED_CERT")
			} else {
				chain[0] = s
				lastUntrusted = 0
			}
		} else {
			chainSS = top
			chain = chain[:len(chain)-1]
			lastUntrusted--
		}
		x = chain[len(chain)-1]
	}

	// 3. On up through the trust store.
	for len(chain) <= maxDepth && !issued(x, x) {
		s := v.storeIssuer(x)
		if s == nil {
			break
		}
		chain = append(chain, s)
		x = s
	}

	// 4. No trusted root.
	if !issued(x, x) {
		if chainSS == nil || !issued(chainSS, x) {
			if lastUntrusted >= len(chain) {
				v.fail("UNABLE_TO_GET_ISSUER_CERT_LOCALLY")
			} else {
				v.fail("UNABLE_TO_GET_ISSUER_CERT")
			}
		} else {
			chain = append(chain, chainSS)
			lastUntrusted = len(chain)
			v.fail("SELF_SIGNED_CERT_IN_CHAIN")
		}
	}

	// 5. Extensions of the certificates that came from the peer.
	v.checkExtensions(chain, lastUntrusted)

	// Trust: OpenSSL 1.0 trusted a chain whose top is self-issued.
	if !chain[len(chain)-1].selfIssued {
		v.fail("CERT_UNTRUSTED")
	}

	// 7 (before 6, as OpenSSL 1.0 did). Revocation.
	if len(opts.CRLs) > 0 {
		for i := range chain {
			v.checkRevocation(chain, i)
		}
	}

	// 6. Signatures and times, top down.
	v.checkSignaturesAndTimes(chain)
	return v.errs
}

func (v *verifier) checkExtensions(chain []*cinfo, lastUntrusted int) {
	mustBeCA := false
	plen := 0
	for i := 0; i < lastUntrusted && i < len(chain); i++ {
		x := chain[i]
		if x.critical {
			v.fail("unhandled critical extension")
		}
		if mustBeCA && x.checkCA() == 0 {
			v.fail("INVALID_CA")
		}
		if !x.purposeOK(v.opts.ServerCert, mustBeCA) {
			v.fail("INVALID_PURPOSE")
		}
		if i > 1 && !x.selfIssued && x.pathlen != -1 && plen > x.pathlen+1 {
			v.fail("PATH_LENGTH_EXCEEDED")
		}
		if !x.selfIssued {
			plen++
		}
		mustBeCA = true
	}
}

func (v *verifier) checkSignaturesAndTimes(chain []*cinfo) {
	n := len(chain) - 1
	xi := chain[n]
	xs := xi
	if !issued(xi, xi) {
		if n <= 0 {
			v.fail("UNABLE_TO_VERIFY_LEAF_SIGNATURE")
			return
		}
		n--
		xs = chain[n]
	}
	for {
		if xs != xi {
			c := xs.cert
			if code := v.checkSignature(xi.cert, c.SignatureAlgorithm, c.RawTBSCertificate, c.Signature); code != "" {
				if code == "SIGNATURE_FAILURE" {
					code = "CERT_SIGNATURE_FAILURE"
				}
				v.fail(code)
			}
		}
		if v.now.Before(xs.cert.NotBefore) {
			v.fail("CERT_NOT_YET_VALID")
		}
		if !xs.cert.NotAfter.After(v.now) {
			v.fail("CERT_HAS_EXPIRED")
		}
		n--
		if n < 0 {
			return
		}
		xi, xs = xs, chain[n]
	}
}

// weakAlgorithms are the digests --legacy-crypto brings back.
var weakAlgorithms = map[x509.SignatureAlgorithm]bool{
	x509.MD2WithRSA:    true,
	x509.MD5WithRSA:    true,
	x509.SHA1WithRSA:   true,
	x509.DSAWithSHA1:   true,
	x509.ECDSAWithSHA1: true,
}

// checkSignature verifies a signature made by issuer's key: "" when good,
// else "CA_MD_TOO_WEAK", "UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY" or
// "SIGNATURE_FAILURE" (which the caller names for a certificate or a CRL).
func (v *verifier) checkSignature(issuer *x509.Certificate, algo x509.SignatureAlgorithm, signed, sig []byte) (code string) {
	defer func() {
		if recover() != nil {
			code = "SIGNATURE_FAILURE"
		}
	}()
	if weakAlgorithms[algo] && !v.opts.Legacy {
		return "CA_MD_TOO_WEAK"
	}
	if issuer.PublicKey == nil {
		return "UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY"
	}
	var err error
	if algo == x509.MD5WithRSA {
		pub, ok := issuer.PublicKey.(*rsa.PublicKey)
		if !ok {
			return "SIGNATURE_FAILURE"
		}
		sum := md5.Sum(signed)
		err = rsa.VerifyPKCS1v15(pub, crypto.MD5, sum[:], sig)
	} else {
		err = issuer.CheckSignature(algo, signed, sig)
	}
	if err != nil {
		return "SIGNATURE_FAILURE"
	}
	return ""
}

// checkRevocation is OpenSSL 1.0's check_cert for chain[i].
func (v *verifier) checkRevocation(chain []*cinfo, i int) {
	x := chain[i]
	issuerIdx := i
	if i < len(chain)-1 {
		issuerIdx = i + 1
	}
	var best *CRL
	var bestIssuer *cinfo
	bestScore := 0
	for _, crl := range v.opts.CRLs {
		if crl == nil || crl.delta || crl.issuer != x.issuer {
			continue
		}
		score := 0x20 // issuer name
		if !crl.critical {
			score |= 0x100
		}
		if crl.timeOK(v.now) {
			score |= 0x40
		}
		var crlIssuer *cinfo
		if c := chain[issuerIdx]; akidMatches(c, crl.akid) {
			crlIssuer = c
			score |= 0x1c
		} else {
			for _, c := range chain[issuerIdx+1:] {
				if c.subject == crl.issuer && akidMatches(c, crl.akid) {
					crlIssuer = c
					score |= 0x0c
					break
				}
			}
		}
		if crlIssuer == nil {
			continue
		}
		score |= 0x80 // scope: distribution points are not looked at
		if score > bestScore {
			best, bestIssuer, bestScore = crl, crlIssuer, score
		}
	}
	if best == nil {
		v.fail("UNABLE_TO_GET_CRL")
		return
	}
	if bestIssuer.hasKU && bestIssuer.ku&x509.KeyUsageCRLSign == 0 {
		v.fail("key usage does not include CRL signing")
	}
	if bestScore&0x40 == 0 {
		if best.ThisUpdate.After(v.now) {
			v.fail("CRL_NOT_YET_VALID")
		}
		if !best.NextUpdate.IsZero() && !best.NextUpdate.After(v.now) {
			v.fail("CRL_HAS_EXPIRED")
		}
	}
	if code := v.checkSignature(bestIssuer.cert, best.sigAlg, best.tbs, best.sig); code != "" {
		if code == "SIGNATURE_FAILURE" {
			code = "CRL_SIGNATURE_FAILURE"
		}
		v.fail(code)
	}
	if best.critical {
		v.fail("unhandled critical CRL extension")
	}
	if best.revoked[x.cert.SerialNumber.String()] {
		v.fail("CERT_REVOKED")
	}
}
