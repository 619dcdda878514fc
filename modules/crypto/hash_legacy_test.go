package crypto

import (
	"encoding/hex"
	"hash"
	"strings"
	"testing"
)

// The expected digests were computed on the development machine with
// `printf '%s' INPUT | openssl dgst -md4 -provider legacy -provider default`
// and `printf '%s' INPUT | openssl dgst -ripemd160` (OpenSSL 3.0).
var legacyVectors = []struct {
	in, md4, ripemd160 string
}{
	{"", "31d6cfe0d16ae931b73c59d7e0c089c0", "9c1185a5c5e9fc54612808977ee8f548b2258d31"},
	{"a", "bde52cb31de33e46245e05fbdbd6fb24", "0bdc9d2d256b3ee9daae347be6f4dc835a467ffe"},
	{"abc", "a448017aaf21d8525fc10ae87aa6729d", "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc"},
	{"message digest", "d9130a8164549fe818874806e1c7014b", "5d0689ef49d2fae572b881b123a85ffa21595f36"},
	{"abcdefghijklmnopqrstuvwxyz", "d79e1c308aa5bbcdeea8ed63df412da9", "f71c27109c692c1b56bbdceb5b9d2865b3708dbc"},
	{strings.Repeat("1234567890", 8), "e33b4ddc9c38f2199c3e7b164fcc0536", "9b752e45573d4b39f4dbd3323cab82bf63326bfb"},
	{strings.Repeat("a", 1000000), "bbce80cc6bb65e5c6745e30d4eeca9a4", "52783243c1697bdbe16d37f97f68f08325dc1528"},
	{strings.Repeat("a", 55), "", "0d8a8c9063a48576a7c97e9f95253a6e53ff6765"},
	{strings.Repeat("a", 56), "", "e72334b46c83cc70bef979e15453706c95b888be"},
	{strings.Repeat("a", 64), "52f5076fabd22680234a3fa9f9dc5732", ""},
}

func checkDigest(t *testing.T, name string, h hash.Hash, in, want string) {
	t.Helper()
	if want == "" {
		return
	}
	// Whole, then in uneven pieces, then Sum twice: Sum must not disturb
	// the state.
	h.Reset()
	h.Write([]byte(in))
	if got := hex.EncodeToString(h.Sum(nil)); got != want {
		t.Errorf("%s(%.20q...) = %s, want %s", name, in, got, want)
	}
	h.Reset()
	for rest := in; len(rest) > 0; {
		n := min(len(rest), 1+len(rest)%37)
		h.Write([]byte(rest[:n]))
		rest = rest[n:]
	}
	h.Sum(nil)
	if got := hex.EncodeToString(h.Sum(nil)); got != want {
		t.Errorf("%s(%.20q...) in pieces = %s, want %s", name, in, got, want)
	}
}

func TestLegacyDigests(t *testing.T) {
	for _, v := range legacyVectors {
		checkDigest(t, "md4", newMD4(), v.in, v.md4)
		checkDigest(t, "ripemd160", newRIPEMD160(), v.in, v.ripemd160)
	}
	if newMD4().Size() != 16 || newRIPEMD160().Size() != 20 {
		t.Error("wrong digest sizes")
	}
}

// The DigestInfo prefixes must match the ones in RFC 8017, section 9.2.
func TestDigestInfoPrefix(t *testing.T) {
	want := map[*evpDigest]string{
		digestMD5:       "3020300c06082a864886f70d020505000410",
		digestSHA1:      "3021300906052b0e03021a05000414",
		digestSHA256:    "3031300d060960864801650304020105000420",
		digestSHA512:    "3051300d060960864801650304020305000440",
		digestRIPEMD160: "3021300906052b2403020105000414",
	}
	for d, w := range want {
		if got := hex.EncodeToString(d.digestInfoPrefix(d.new().Size())); got != w {
			t.Errorf("%s prefix = %s, want %s", d.name, got, w)
		}
	}
}
