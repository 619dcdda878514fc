package buffer

import (
	"testing"
	"unicode/utf16"
)

func TestDecodeUTF8(t *testing.T) {
	tests := []struct {
		in   []byte
		want string
	}{
		{[]byte("abc"), "abc"},
		{[]byte("h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80"), "h\u00e9llo \u20ac \U0001F600"},
		{[]byte{0xff}, "\ufffd"},
		{[]byte{0xe2, 0x82, 0x41}, "\ufffdA"},
		{[]byte{0xf0, 0x9f, 0x98}, "\ufffd"},
		{[]byte{0xc0, 0x80}, "\ufffd\ufffd"},
		{[]byte{0xed, 0xa0, 0x80}, "\ufffd\ufffd\ufffd"},
		{[]byte{0xef, 0xbf, 0xbd}, "\ufffd"},
		{[]byte{0xf4, 0x8f, 0xbf, 0xbf}, "\U0010FFFF"},
		{[]byte{0xf4, 0x90, 0x80, 0x80}, "\ufffd\ufffd\ufffd\ufffd"},
		{[]byte{0xe0, 0x9f, 0x80}, "\ufffd\ufffd\ufffd"},
		{[]byte{0xc3, 0xa9, 0xa9}, "\u00e9\ufffd"},
	}
	for _, tt := range tests {
		got := string(utf16.Decode(decodeUTF8(tt.in)))
		if got != tt.want {
			t.Errorf("decodeUTF8(% x) = %+q, want %+q", tt.in, got, tt.want)
		}
	}
}

func textOf(s string) text {
	if isASCII(s) {
		return text{ascii: s}
	}
	return text{units: utf16.Encode([]rune(s))}
}

func TestEncodeInto(t *testing.T) {
	tests := []struct {
		s, enc      string
		room        int
		want        string
		chars       int
		errExpected bool
	}{
		{"a\u20acb", "utf8", 3, "a", 1, false},
		{"a\u20acb", "utf8", 4, "a\xe2\x82\xac", 2, false},
		{"\U0001F600", "utf8", 3, "", 0, false},
		{"\U0001F600!", "utf8", 8, "\xf0\x9f\x98\x80!", 3, false},
		{"\u00e9\u0100", "binary", 4, "\xe9\x00", 2, false},
		{"a\x00\u0100", "ascii", 4, "a  ", 3, false},
		{"ab", "ucs2", 3, "a\x00", 1, false},
		{"0aFf", "hex", 4, "\x0a\xff", 4, false},
		{"0aFf", "hex", 1, "\x0a", 2, false},
		{"0a0", "hex", 4, "", 0, true},
		{"0x", "hex", 4, "", 0, true},
		{"aGVs bG8=", "base64", 10, "hello", 9, false},
		{"-_8", "base64", 10, "\xfb\xff", 3, false},
	}
	for _, tt := range tests {
		dst := make([]byte, tt.room)
		n, chars, err := encodeInto(dst, textOf(tt.s), tt.enc)
		if (err != "") != tt.errExpected {
			t.Errorf("encodeInto(%q, %s) error %q", tt.s, tt.enc, err)
			continue
		}
		if tt.errExpected {
			continue
		}
		if string(dst[:n]) != tt.want || chars != tt.chars {
			t.Errorf("encodeInto(%q, %s, %d) = %q, %d chars; want %q, %d", tt.s, tt.enc, tt.room, dst[:n], chars, tt.want, tt.chars)
		}
	}
}

func TestByteLength(t *testing.T) {
	tests := []struct {
		s, enc string
		want   int
	}{
		{"\u00bd + \u00bc = \u00be", "utf8", 12},
		{"\U0001F600", "utf8", 4},
		{"lone", "utf8", 3},
		{"abc", "ucs2", 6},
		{"abcd", "hex", 2},
		{"YQ==", "base64", 1},
		{"YQ", "base64", 1},
		{"Y", "base64", 0},
		{"YWJj", "base64", 3},
		{"Y Q ==", "base64", 2},
	}
	for _, tt := range tests {
		var tx text
		if tt.s == "lone" { // a lone surrogate, which Go strings cannot hold
			tx = text{units: []uint16{0xd800}}
		} else {
			tx = textOf(tt.s)
		}
		if got := byteLength(tx, tt.enc); got != tt.want {
			t.Errorf("byteLength(%q, %s) = %d, want %d", tt.s, tt.enc, got, tt.want)
		}
	}
}
