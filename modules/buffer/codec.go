package buffer

import (
	"encoding/base64"
	"encoding/hex"
	"reflect"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// text is a JS string as the encoders see it: UTF-16 code units, kept as a
// Go string when every unit is ASCII (the common case, and free to get).
type text struct {
	ascii string   // the string, when it is all ASCII
	units []uint16 // the string's code units otherwise
}

func newText(s goja.String) text {
	// goja keeps an all-ASCII string as a Go string, which String()
	// returns as is; other strings it would convert, so read their units.
	if reflect.ValueOf(s).Kind() == reflect.String {
		if str := s.String(); isASCII(str) {
			return text{ascii: str}
		}
	}
	units := make([]uint16, s.Length())
	for i := range units {
		units[i] = s.CharAt(i)
	}
	return text{units: units}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func (t text) isASCII() bool { return t.units == nil }

func (t text) len() int {
	if t.units == nil {
		return len(t.ascii)
	}
	return len(t.units)
}

func (t text) at(i int) uint16 {
	if t.units == nil {
		return uint16(t.ascii[i])
	}
	return t.units[i]
}

func isLowSurrogate(c uint16) bool { return c >= 0xDC00 && c <= 0xDFFF }

// utf8Char returns the character starting at units[i], its UTF-8 size,
// and how many units it spans. A lone surrogate becomes U+FFFD (3 bytes).
func utf8Char(units []uint16, i int) (r rune, size, width int) {
	c := units[i]
	switch {
	case c < 0x80:
		return rune(c), 1, 1
	case c < 0x800:
		return rune(c), 2, 1
	case c < 0xD800 || c > 0xDFFF:
		return rune(c), 3, 1
	case c <= 0xDBFF && i+1 < len(units) && isLowSurrogate(units[i+1]):
		return 0x10000 + (rune(c)-0xD800)<<10 + rune(units[i+1]) - 0xDC00, 4, 2
	}
	return utf8.RuneError, 3, 1
}

// byteLength is Buffer.byteLength: exact for utf8, ucs2, ascii and binary;
// for base64 the estimate 0.7 made from the string's length and trailing
// '=' (an upper bound: whitespace is not subtracted); hex is half the
// length.
func byteLength(t text, enc string) int {
	n := t.len()
	switch enc {
	case "ucs2":
		return 2 * n
	case "hex":
		return n / 2
	case "ascii", "binary":
		return n
	case "base64":
		return base64Size(t)
	}
	if t.isASCII() {
		return n
	}
	total := 0
	for i := 0; i < n; {
		_, size, width := utf8Char(t.units, i)
		total += size
		i += width
	}
	return total
}

// base64Size is node 0.7's base64_decoded_size.
func base64Size(t text) int {
	n := t.len()
	size := n / 4 * 3
	if rem := n % 4; rem != 0 {
		if size == 0 && rem == 1 {
			size = 0
		} else {
			size += 1
			if rem == 3 {
				size++
			}
		}
	}
	if size > 0 && t.at(n-1) == '=' {
		size--
	}
	if size > 0 && n >= 2 && t.at(n-2) == '=' {
		size--
	}
	return size
}

// encodeInto writes t into dst in encoding enc, stopping when the next
// character does not fit whole. It returns the bytes written, the
// characters (code units) consumed, and the message of a TypeError to throw
// ("" for none).
func encodeInto(dst []byte, t text, enc string) (n, chars int, err string) {
	switch enc {
	case "ascii", "binary":
		n = min(len(dst), t.len())
		if t.isASCII() {
			copy(dst, t.ascii[:n])
		} else {
			for i := 0; i < n; i++ {
				dst[i] = byte(t.at(i))
			}
		}
		if enc == "ascii" {
			// Node 0.7's 'ascii' went through V8's WriteAscii, which
			// turned NUL into a space (documented in buffers.markdown).
			for i := 0; i < n; i++ {
				if dst[i] == 0 {
					dst[i] = ' '
				}
			}
		}
		return n, n, ""
	case "ucs2":
		chars = min(len(dst)/2, t.len())
		for i := 0; i < chars; i++ {
			c := t.at(i)
			dst[2*i] = byte(c)
			dst[2*i+1] = byte(c >> 8)
		}
		return 2 * chars, chars, ""
	case "hex":
		return hexInto(dst, t)
	case "base64":
		n = base64Into(dst, t)
		return n, t.len(), ""
	}
	return utf8Into(dst, t)
}

func utf8Into(dst []byte, t text) (n, chars int, err string) {
	if t.isASCII() {
		n = copy(dst, t.ascii)
		return n, n, ""
	}
	for chars < len(t.units) {
		r, size, width := utf8Char(t.units, chars)
		if n+size > len(dst) {
			break
		}
		if size == 1 {
			dst[n] = byte(r)
		} else {
			utf8.EncodeRune(dst[n:], r)
		}
		n += size
		chars += width
	}
	return n, chars, ""
}

// hexInto decodes pairs of hex digits. Like 0.7 it refuses a string of odd
// length before writing anything, and a bad pair when it reaches it.
func hexInto(dst []byte, t text) (n, chars int, err string) {
	if t.len()%2 != 0 {
		return 0, 0, "Invalid hex string"
	}
	count := min(len(dst), t.len()/2)
	for i := 0; i < count; i++ {
		hi, ok1 := unhex(t.at(2 * i))
		lo, ok2 := unhex(t.at(2*i + 1))
		if !ok1 || !ok2 {
			return i, 2 * i, "Invalid hex string"
		}
		dst[i] = hi<<4 | lo
	}
	return count, 2 * count, ""
}

func unhex(c uint16) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return byte(c - '0'), true
	case c >= 'a' && c <= 'f':
		return byte(c - 'a' + 10), true
	case c >= 'A' && c <= 'F':
		return byte(c - 'A' + 10), true
	}
	return 0, false
}

// unbase64 maps a character to its 6-bit value, accepting both the standard
// and the URL-safe alphabet, or -1.
func unbase64(c uint16) int {
	switch {
	case c >= 'A' && c <= 'Z':
		return int(c - 'A')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 26
	case c >= '0' && c <= '9':
		return int(c-'0') + 52
	case c == '+' || c == '-':
		return 62
	case c == '/' || c == '_':
		return 63
	}
	return -1
}

// base64Into decodes base64 as Node does: characters outside the alphabet
// (whitespace, line breaks) are skipped, '=' ends the data, and a trailing
// group of 2 or 3 characters yields 1 or 2 bytes.
func base64Into(dst []byte, t text) int {
	n, acc, bits := 0, 0, 0
	for i := 0; i < t.len() && n < len(dst); i++ {
		c := t.at(i)
		if c == '=' {
			break
		}
		v := unbase64(c)
		if v < 0 {
			continue
		}
		acc = acc<<6 | v
		bits += 6
		if bits >= 8 {
			bits -= 8
			dst[n] = byte(acc >> bits)
			n++
			acc &= 1<<bits - 1
		}
	}
	return n
}

// decode turns bytes into a JS string in encoding enc.
func decode(vm *goja.Runtime, b []byte, enc string) goja.Value {
	switch enc {
	case "hex":
		return vm.ToValue(hex.EncodeToString(b))
	case "base64":
		return vm.ToValue(base64.StdEncoding.EncodeToString(b))
	case "ascii":
		// 0.7 strips the high bit (buffers.markdown).
		out := make([]byte, len(b))
		for i, c := range b {
			out[i] = c & 0x7f
		}
		return vm.ToValue(string(out))
	case "binary":
		if isASCII(string(b)) {
			return vm.ToValue(string(b))
		}
		units := make([]uint16, len(b))
		for i, c := range b {
			units[i] = uint16(c)
		}
		return goja.StringFromUTF16(units)
	case "ucs2":
		units := make([]uint16, len(b)/2)
		for i := range units {
			units[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
		return goja.StringFromUTF16(units)
	}
	if isASCII(string(b)) {
		return vm.ToValue(string(b))
	}
	return goja.StringFromUTF16(decodeUTF8(b))
}

// decodeUTF8 decodes UTF-8 into UTF-16 the way V8 (and the WHATWG Encoding
// standard) does: each maximal ill-formed subsequence becomes one U+FFFD.
// Go's utf8.DecodeRune would give one U+FFFD per bad byte instead.
func decodeUTF8(b []byte) []uint16 {
	out := make([]uint16, 0, len(b))
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			out = append(out, uint16(c))
			i++
			continue
		}
		var need int
		var cp rune
		lower, upper := byte(0x80), byte(0xBF)
		switch {
		case c >= 0xC2 && c <= 0xDF:
			need, cp = 1, rune(c&0x1F)
		case c >= 0xE0 && c <= 0xEF:
			need, cp = 2, rune(c&0x0F)
			if c == 0xE0 {
				lower = 0xA0
			} else if c == 0xED {
				upper = 0x9F
			}
		case c >= 0xF0 && c <= 0xF4:
			need, cp = 3, rune(c&0x07)
			if c == 0xF0 {
				lower = 0x90
			} else if c == 0xF4 {
				upper = 0x8F
			}
		default:
			out = append(out, 0xFFFD)
			i++
			continue
		}
		j := i + 1
		ok := true
		for k := 0; k < need; k++ {
			if j >= len(b) || b[j] < lower || b[j] > upper {
				ok = false
				break
			}
			cp = cp<<6 | rune(b[j]&0x3F)
			lower, upper = 0x80, 0xBF
			j++
		}
		i = j
		if !ok {
			out = append(out, 0xFFFD)
			continue
		}
		if cp >= 0x10000 {
			cp -= 0x10000
			out = append(out, uint16(0xD800+cp>>10), uint16(0xDC00+cp&0x3FF))
		} else {
			out = append(out, uint16(cp))
		}
	}
	return out
}
