package stringdecoder

import (
	"encoding/base64"
	"encoding/hex"
	"unicode/utf16"
	"unicode/utf8"
)

// Encoding is one of the byte-to-text encodings a Decoder understands.
type Encoding int

// The encodings, by their Node names.
const (
	UTF8   Encoding = iota // 'utf8', the default
	UCS2                   // 'ucs2', 'utf16le': little-endian UTF-16
	Base64                 // 'base64'
	Hex                    // 'hex'
	ASCII                  // 'ascii': the high bit of each byte is dropped
	Latin1                 // 'binary', 'latin1': one byte, one code point
)

// Text is a decoded piece of text: UTF-8 in S, or, when U is not nil,
// UTF-16 code units in U (which may hold lone surrogates, as JS strings may).
type Text struct {
	S string
	U []uint16
}

// Decoder turns a stream of byte chunks into text, keeping the bytes of a
// character split across chunks until it is complete, as Node's
// StringDecoder does: a multi-byte UTF-8 sequence, a UTF-16 code unit or
// surrogate pair, a base64 group of three bytes. Invalid UTF-8 becomes
// U+FFFD, one per maximal invalid subsequence, as in Node (and the WHATWG
// Encoding standard).
type Decoder struct {
	enc      Encoding
	partial  [4]byte // bytes of an incomplete character
	buffered int     // how many bytes partial holds
	missing  int     // how many more bytes complete it
}

// NewDecoder returns a Decoder for enc.
func NewDecoder(enc Encoding) *Decoder {
	return &Decoder{enc: enc}
}

// Encoding is the encoding the decoder decodes.
func (d *Decoder) Encoding() Encoding { return d.enc }

// Buffered reports how many bytes of an incomplete character the decoder
// is holding.
func (d *Decoder) Buffered() int { return d.buffered }

// Write decodes the next chunk. Bytes of a character that the chunk leaves
// incomplete are kept for the next Write or for End.
func (d *Decoder) Write(data []byte) Text {
	switch d.enc {
	case Hex, ASCII, Latin1:
		return Text{S: decode(data, d.enc)}
	}
	var prepend Text
	if d.missing > 0 {
		if d.enc == UTF8 {
			// A byte that should continue the kept character but does not
			// ends it: the kept bytes are decoded as they are (giving
			// U+FFFD) and the byte starts a new character.
			for i := 0; i < len(data) && i < d.missing; i++ {
				if data[i]&0xC0 != 0x80 {
					d.missing = 0
					d.buffered += copy(d.partial[d.buffered:], data[:i])
					data = data[i:]
					break
				}
			}
		}
		n := min(len(data), d.missing)
		copy(d.partial[d.buffered:], data[:n])
		data = data[n:]
		d.missing -= n
		d.buffered += n
		if d.missing == 0 {
			prepend = d.decode(d.partial[:d.buffered])
			d.buffered = 0
		}
	}
	if len(data) == 0 {
		return prepend
	}
	keep := d.incompleteTail(data)
	if keep > 0 {
		d.buffered = copy(d.partial[:], data[len(data)-keep:])
		data = data[:len(data)-keep]
	}
	if len(data) == 0 {
		return prepend
	}
	return prepend.concat(d.decode(data))
}

// WriteUTF8 is Write with the text encoded as UTF-8: the bytes a stream
// with setEncoding passes on when it is piped into a byte stream. Text
// that is valid UTF-8 in whole characters, the usual case, comes back as
// data itself, not copied.
func (d *Decoder) WriteUTF8(data []byte) []byte {
	if d.enc == UTF8 && d.buffered == 0 && utf8.Valid(data) {
		return data
	}
	return d.Write(data).AppendUTF8(nil)
}

// AppendUTF8 appends the text as UTF-8 to dst. A lone surrogate becomes
// U+FFFD, as when a JS string is written as UTF-8.
func (t Text) AppendUTF8(dst []byte) []byte {
	if t.U == nil {
		return append(dst, t.S...)
	}
	for _, r := range utf16.Decode(t.U) {
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// incompleteTail works out how many bytes at the end of data begin a
// character that is not complete yet, and sets d.missing to how many bytes
// that character still needs.
func (d *Decoder) incompleteTail(data []byte) int {
	n := len(data)
	switch d.enc {
	case UTF8:
		if data[n-1] < 0x80 {
			return 0
		}
		count := 0
		for i := n - 1; ; i-- {
			count++
			b := data[i]
			if b&0xC0 == 0x80 {
				// A continuation byte. Four of them, or nothing but them,
				// cannot be a character's beginning: leave them to the
				// decoder, which replaces them.
				if count >= 4 || i == 0 {
					return 0
				}
				continue
			}
			var need int
			switch {
			case b&0xE0 == 0xC0:
				need = 2
			case b&0xF0 == 0xE0:
				need = 3
			case b&0xF8 == 0xF0:
				need = 4
			default:
				return 0
			}
			if count >= need {
				return 0
			}
			d.missing = need - count
			return count
		}
	case UCS2:
		if n%2 == 1 {
			d.missing = 1
			return 1
		}
		if data[n-1]&0xFC == 0xD8 {
			// The first half of a surrogate pair.
			d.missing = 2
			return 2
		}
	case Base64:
		if k := n % 3; k > 0 {
			d.missing = 3 - k
			return k
		}
	}
	return 0
}

// decode converts complete characters.
func (d *Decoder) decode(b []byte) Text {
	if d.enc == UCS2 {
		return Text{U: decodeUCS2(make([]uint16, 0, len(b)/2), b)}
	}
	return Text{S: decode(b, d.enc)}
}

// concat returns t followed by u.
func (t Text) concat(u Text) Text {
	if t.S == "" && t.U == nil {
		return u
	}
	if t.U == nil && u.U == nil {
		return Text{S: t.S + u.S}
	}
	return Text{U: append(t.UTF16(), u.UTF16()...)}
}

// End returns what is left of an incomplete character: U+FFFD for UTF-8,
// a lone high surrogate for UTF-16 (an odd byte is dropped), the last
// padded base64 group. The decoder is then empty.
func (d *Decoder) End() Text {
	if d.enc == UCS2 && d.buffered%2 == 1 {
		d.buffered--
	}
	rest := d.partial[:d.buffered]
	d.buffered, d.missing = 0, 0
	if len(rest) == 0 {
		return Text{}
	}
	return d.decode(rest)
}

// decode converts whole characters of a stateless encoding, or a complete
// run of UTF-8 or base64.
func decode(b []byte, enc Encoding) string {
	switch enc {
	case UTF8:
		return DecodeUTF8(b)
	case Base64:
		return base64.StdEncoding.EncodeToString(b)
	case Hex:
		return hex.EncodeToString(b)
	case ASCII:
		if isASCII(b) {
			return string(b)
		}
		out := make([]byte, len(b))
		for i, c := range b {
			out[i] = c & 0x7F
		}
		return string(out)
	case Latin1:
		if isASCII(b) {
			return string(b)
		}
		out := make([]rune, len(b))
		for i, c := range b {
			out[i] = rune(c)
		}
		return string(out)
	}
	panic("stringdecoder: bad encoding")
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// decodeUCS2 appends the little-endian UTF-16 code units of b (an even
// number of bytes) to u.
func decodeUCS2(u []uint16, b []byte) []uint16 {
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])|uint16(b[i+1])<<8)
	}
	return u
}

// DecodeUTF8 decodes b as UTF-8, replacing each maximal subpart of an
// ill-formed sequence with U+FFFD, as V8 and the WHATWG Encoding standard do
// (Go's own conversion replaces byte by byte instead).
func DecodeUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	out := make([]byte, 0, len(b)+8)
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			out = append(out, c)
			i++
			continue
		}
		need, lo, hi := sequence(c)
		if need == 0 {
			out = utf8.AppendRune(out, utf8.RuneError)
			i++
			continue
		}
		// Take continuation bytes while they fit; the first one has the
		// narrower range [lo, hi] that rules out overlong forms,
		// surrogates and values above U+10FFFF.
		j := i + 1
		for k := 0; k < need; k++ {
			if j >= len(b) || b[j] < lo || b[j] > hi {
				break
			}
			lo, hi = 0x80, 0xBF
			j++
		}
		if j-i == need+1 {
			out = append(out, b[i:j]...)
		} else {
			out = utf8.AppendRune(out, utf8.RuneError)
		}
		i = j
	}
	return string(out)
}

// sequence gives, for a UTF-8 lead byte, how many continuation bytes follow
// it and the range allowed for the first of them; need is 0 for a byte
// that cannot start a sequence.
func sequence(c byte) (need int, lo, hi byte) {
	switch {
	case c >= 0xC2 && c <= 0xDF:
		return 1, 0x80, 0xBF
	case c == 0xE0:
		return 2, 0xA0, 0xBF
	case c == 0xED:
		return 2, 0x80, 0x9F
	case c >= 0xE1 && c <= 0xEF:
		return 2, 0x80, 0xBF
	case c == 0xF0:
		return 3, 0x90, 0xBF
	case c >= 0xF1 && c <= 0xF3:
		return 3, 0x80, 0xBF
	case c == 0xF4:
		return 3, 0x80, 0x8F
	}
	return 0, 0, 0
}

// UTF16 returns the text as UTF-16 code units.
func (t Text) UTF16() []uint16 {
	if t.U != nil {
		return t.U
	}
	return utf16.Encode([]rune(t.S))
}
