package crypto

import (
	"encoding/binary"
	"hash"
	"math/bits"
)

// MD4 (RFC 1320) and RIPEMD-160 (Dobbertin, Bosselaers, Preneel, 1996)
// are digests OpenSSL 1.0 offered and Go's standard library does not. Both
// hash 64-byte blocks of little-endian words with MD5's padding, which
// leDigest provides; each adds its compression function.

// leDigest is a Merkle-Damgard hash over 64-byte blocks whose message
// length and output are little-endian.
type leDigest struct {
	initial  []uint32
	compress func(state []uint32, block []byte)
	state    []uint32
	buf      [64]byte
	nbuf     int
	length   uint64
}

func newLEDigest(initial []uint32, compress func([]uint32, []byte)) *leDigest {
	d := &leDigest{initial: initial, compress: compress, state: make([]uint32, len(initial))}
	d.Reset()
	return d
}

func (d *leDigest) Reset() {
	copy(d.state, d.initial)
	d.nbuf = 0
	d.length = 0
}

func (d *leDigest) Size() int      { return 4 * len(d.initial) }
func (d *leDigest) BlockSize() int { return 64 }

func (d *leDigest) Write(p []byte) (int, error) {
	n := len(p)
	d.length += uint64(n)
	if d.nbuf > 0 {
		c := copy(d.buf[d.nbuf:], p)
		d.nbuf += c
		p = p[c:]
		if d.nbuf < 64 {
			return n, nil
		}
		d.compress(d.state, d.buf[:])
		d.nbuf = 0
	}
	for len(p) >= 64 {
		d.compress(d.state, p[:64])
		p = p[64:]
	}
	d.nbuf = copy(d.buf[:], p)
	return n, nil
}

// Sum appends the digest of what was written so far; the state is kept.
func (d *leDigest) Sum(in []byte) []byte {
	c := *d
	c.state = append([]uint32(nil), d.state...)
	var pad [72]byte
	pad[0] = 0x80
	padLen := 56 - int(d.length%64)
	if padLen <= 0 {
		padLen += 64
	}
	binary.LittleEndian.PutUint64(pad[padLen:], d.length*8)
	c.Write(pad[:padLen+8])
	for _, w := range c.state {
		in = binary.LittleEndian.AppendUint32(in, w)
	}
	return in
}

func newMD4() hash.Hash {
	return newLEDigest([]uint32{0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476}, md4Block)
}

// md4Round2 and md4Round3 are the orders in which rounds 2 and 3 take the
// block's words.
var (
	md4Round2 = [16]int{0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15}
	md4Round3 = [16]int{0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15}
)

func md4Block(s []uint32, p []byte) {
	var x [16]uint32
	for i := range x {
		x[i] = binary.LittleEndian.Uint32(p[4*i:])
	}
	a, b, c, d := s[0], s[1], s[2], s[3]
	shifts1 := [4]int{3, 7, 11, 19}
	for i := 0; i < 16; i++ {
		f := (b & c) | (^b & d)
		a, b, c, d = d, bits.RotateLeft32(a+f+x[i], shifts1[i%4]), b, c
	}
	shifts2 := [4]int{3, 5, 9, 13}
	for i := 0; i < 16; i++ {
		g := (b & c) | (b & d) | (c & d)
		a, b, c, d = d, bits.RotateLeft32(a+g+x[md4Round2[i]]+0x5a827999, shifts2[i%4]), b, c
	}
	shifts3 := [4]int{3, 9, 11, 15}
	for i := 0; i < 16; i++ {
		h := b ^ c ^ d
		a, b, c, d = d, bits.RotateLeft32(a+h+x[md4Round3[i]]+0x6ed9eba1, shifts3[i%4]), b, c
	}
	s[0] += a
	s[1] += b
	s[2] += c
	s[3] += d
}

func newRIPEMD160() hash.Hash {
	return newLEDigest([]uint32{0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0}, ripemd160Block)
}

// The RIPEMD-160 tables: for each of the 80 steps of the left and right
// lines, which word of the block it takes and how far it rotates; and each
// line's constant for each group of 16 steps.
var (
	rmdWordL = [80]int{
		0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
		7, 4, 13, 1, 10, 6, 15, 3, 12, 0, 9, 5, 2, 14, 11, 8,
		3, 10, 14, 4, 9, 15, 8, 1, 2, 7, 0, 6, 13, 11, 5, 12,
		1, 9, 11, 10, 0, 8, 12, 4, 13, 3, 7, 15, 14, 5, 6, 2,
		4, 0, 5, 9, 7, 12, 2, 10, 14, 1, 3, 8, 11, 6, 15, 13}
	rmdWordR = [80]int{
		5, 14, 7, 0, 9, 2, 11, 4, 13, 6, 15, 8, 1, 10, 3, 12,
		6, 11, 3, 7, 0, 13, 5, 10, 14, 15, 8, 12, 4, 9, 1, 2,
		15, 5, 1, 3, 7, 14, 6, 9, 11, 8, 12, 2, 10, 0, 4, 13,
		8, 6, 4, 1, 3, 11, 15, 0, 5, 12, 2, 13, 9, 7, 10, 14,
		12, 15, 10, 4, 1, 5, 8, 7, 6, 2, 13, 14, 0, 3, 9, 11}
	rmdRotL = [80]int{
		11, 14, 15, 12, 5, 8, 7, 9, 11, 13, 14, 15, 6, 7, 9, 8,
		7, 6, 8, 13, 11, 9, 7, 15, 7, 12, 15, 9, 11, 7, 13, 12,
		11, 13, 6, 7, 14, 9, 13, 15, 14, 8, 13, 6, 5, 12, 7, 5,
		11, 12, 14, 15, 14, 15, 9, 8, 9, 14, 5, 6, 8, 6, 5, 12,
		9, 15, 5, 11, 6, 8, 13, 12, 5, 12, 13, 14, 11, 8, 5, 6}
	rmdRotR = [80]int{
		8, 9, 9, 11, 13, 15, 15, 5, 7, 7, 8, 11, 14, 14, 12, 6,
		9, 13, 15, 7, 12, 8, 9, 11, 7, 7, 12, 7, 6, 15, 13, 11,
		9, 7, 15, 11, 8, 6, 6, 14, 12, 13, 5, 14, 13, 13, 7, 5,
		15, 5, 8, 11, 14, 14, 6, 14, 6, 9, 12, 9, 12, 5, 15, 8,
		8, 5, 12, 9, 12, 5, 14, 6, 8, 13, 6, 5, 15, 13, 11, 11}
	rmdConstL = [5]uint32{0x00000000, 0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xa953fd4e}
	rmdConstR = [5]uint32{0x50a28be6, 0x5c4dd124, 0x6d703ef3, 0x7a6d76e9, 0x00000000}
)

// rmdF is the boolean function of step group g (0 to 4).
func rmdF(g int, x, y, z uint32) uint32 {
	switch g {
	case 0:
		return x ^ y ^ z
	case 1:
		return (x & y) | (^x & z)
	case 2:
		return (x | ^y) ^ z
	case 3:
		return (x & z) | (y &^ z)
	}
	return x ^ (y | ^z)
}

func ripemd160Block(s []uint32, p []byte) {
	var x [16]uint32
	for i := range x {
		x[i] = binary.LittleEndian.Uint32(p[4*i:])
	}
	al, bl, cl, dl, el := s[0], s[1], s[2], s[3], s[4]
	ar, br, cr, dr, er := al, bl, cl, dl, el
	for j := 0; j < 80; j++ {
		g := j / 16
		t := bits.RotateLeft32(al+rmdF(g, bl, cl, dl)+x[rmdWordL[j]]+rmdConstL[g], rmdRotL[j]) + el
		al, el, dl, cl, bl = el, dl, bits.RotateLeft32(cl, 10), bl, t
		t = bits.RotateLeft32(ar+rmdF(4-g, br, cr, dr)+x[rmdWordR[j]]+rmdConstR[g], rmdRotR[j]) + er
		ar, er, dr, cr, br = er, dr, bits.RotateLeft32(cr, 10), br, t
	}
	t := s[1] + cl + dr
	s[1] = s[2] + dl + er
	s[2] = s[3] + el + ar
	s[3] = s[4] + al + br
	s[4] = s[0] + bl + cr
	s[0] = t
}
