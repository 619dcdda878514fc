package crypto

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"hash"
	"sort"
	"strings"
)

// evpDigest is a message digest as OpenSSL's EVP_get_digestbyname finds it.
type evpDigest struct {
	name string           // canonical OpenSSL long name
	new  func() hash.Hash // a fresh hash
	oid  []byte           // DER of the digest's object identifier, for RSA DigestInfo
}

// digestInfoPrefix is the DER DigestInfo header that PKCS #1 v1.5 puts
// before a digest of size n: SEQUENCE { SEQUENCE { oid, NULL }, OCTET STRING }.
func (d *evpDigest) digestInfoPrefix(n int) []byte {
	algo := append([]byte{0x06, byte(len(d.oid))}, d.oid...)
	algo = append(algo, 0x05, 0x00)
	inner := append([]byte{0x30, byte(len(algo))}, algo...)
	inner = append(inner, 0x04, byte(n))
	return append([]byte{0x30, byte(len(inner) + n)}, inner...)
}

var (
	digestMD4 = &evpDigest{"md4", newMD4,
		[]byte{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x04}}
	digestMD5 = &evpDigest{"md5", md5.New,
		[]byte{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x05}}
	digestSHA1 = &evpDigest{"sha1", sha1.New,
		[]byte{0x2b, 0x0e, 0x03, 0x02, 0x1a}}
	digestRIPEMD160 = &evpDigest{"ripemd160", newRIPEMD160,
		[]byte{0x2b, 0x24, 0x03, 0x02, 0x01}}
	digestSHA224    = &evpDigest{"sha224", sha256.New224, nistHashOID(4)}
	digestSHA256    = &evpDigest{"sha256", sha256.New, nistHashOID(1)}
	digestSHA384    = &evpDigest{"sha384", sha512.New384, nistHashOID(2)}
	digestSHA512    = &evpDigest{"sha512", sha512.New, nistHashOID(3)}
	digestSHA512224 = &evpDigest{"sha512-224", sha512.New512_224, nistHashOID(5)}
	digestSHA512256 = &evpDigest{"sha512-256", sha512.New512_256, nistHashOID(6)}
	digestSHA3224   = &evpDigest{"sha3-224", func() hash.Hash { return sha3.New224() }, nistHashOID(7)}
	digestSHA3256   = &evpDigest{"sha3-256", func() hash.Hash { return sha3.New256() }, nistHashOID(8)}
	digestSHA3384   = &evpDigest{"sha3-384", func() hash.Hash { return sha3.New384() }, nistHashOID(9)}
	digestSHA3512   = &evpDigest{"sha3-512", func() hash.Hash { return sha3.New512() }, nistHashOID(10)}
)

// nistHashOID is 2.16.840.1.101.3.4.2.n, the arc of the SHA-2 and SHA-3
// digests.
func nistHashOID(n byte) []byte {
	return []byte{0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, n}
}

// digestNames maps every name OpenSSL 1.0 registered for a digest that
// Node 0.7 could use (short names, long names, the RSA signature names and
// OpenSSL's aliases) to the digest. SHA-0, MDC2 and Whirlpool are not
// implemented. The SHA-512/t and SHA-3 names (with the dashed forms such as
// "sha-256" that OpenSSL 3 accepts) are later additions, kept because
// today's Node accepts them.
var digestNames = map[string]*evpDigest{}

// listedDigests are the names getHashes() returns, as today's Node lists
// them (no upper-case short names).
var listedDigests []string

func init() {
	add := func(d *evpDigest, listed []string, unlisted ...string) {
		for _, n := range listed {
			digestNames[strings.ToLower(n)] = d
			listedDigests = append(listedDigests, n)
		}
		for _, n := range unlisted {
			digestNames[strings.ToLower(n)] = d
		}
	}
	add(digestMD4, []string{"md4", "RSA-MD4", "md4WithRSAEncryption"})
	add(digestMD5, []string{"md5", "RSA-MD5", "md5WithRSAEncryption", "ssl2-md5", "ssl3-md5"})
	add(digestSHA1, []string{"sha1", "RSA-SHA1", "sha1WithRSAEncryption", "RSA-SHA1-2",
		"ssl3-sha1"}, "sha-1", "DSA-SHA1", "dsaWithSHA1", "DSA-SHA1-old", "dss1",
		"ecdsa-with-SHA1")
	add(digestRIPEMD160, []string{"ripemd160", "RSA-RIPEMD160", "ripemd160WithRSA",
		"ripemd", "rmd160"}, "ripemd-160")
	add(digestSHA224, []string{"sha224", "RSA-SHA224", "sha224WithRSAEncryption"}, "sha-224", "sha2-224")
	add(digestSHA256, []string{"sha256", "RSA-SHA256", "sha256WithRSAEncryption"}, "sha-256", "sha2-256")
	add(digestSHA384, []string{"sha384", "RSA-SHA384", "sha384WithRSAEncryption"}, "sha-384", "sha2-384")
	add(digestSHA512, []string{"sha512", "RSA-SHA512", "sha512WithRSAEncryption"}, "sha-512", "sha2-512")
	add(digestSHA512224, []string{"sha512-224", "RSA-SHA512/224", "sha512-224WithRSAEncryption"},
		"sha-512/224", "sha2-512/224")
	add(digestSHA512256, []string{"sha512-256", "RSA-SHA512/256", "sha512-256WithRSAEncryption"},
		"sha-512/256", "sha2-512/256")
	add(digestSHA3224, []string{"sha3-224", "RSA-SHA3-224"})
	add(digestSHA3256, []string{"sha3-256", "RSA-SHA3-256"})
	add(digestSHA3384, []string{"sha3-384", "RSA-SHA3-384"})
	add(digestSHA3512, []string{"sha3-512", "RSA-SHA3-512"})
	sort.Strings(listedDigests)
}

// digestByName finds a digest by any of its names, ignoring case (OpenSSL 3
// ignores case; 1.0 knew both the upper-case short and lower-case long
// names, which this covers).
func digestByName(name string) *evpDigest {
	return digestNames[strings.ToLower(name)]
}
