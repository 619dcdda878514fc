package crypto

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

// How 0.7's crypto bindings turned JS values into bytes and back.
//
// Input: a Buffer as it is, or a string in an encoding parsed as 0.7's
// ParseEncoding did (names ignoring case; an unknown name or a non-string
// means the default, which is 'binary' everywhere in crypto).
//
// Output: a 'binary' string by default, or 'hex' or 'base64'. Any other
// name made 0.7 print "node-crypto : ... encoding can be binary, hex or
// base64" on stderr and return undefined (Sign: an empty string). 'buffer' and 'latin1'
// are today's additions and are accepted.

// parseEncoding is 0.7's ParseEncoding, plus today's 'utf16le' and
// 'latin1' names.
func parseEncoding(v goja.Value, def string) string {
	s, ok := v.Export().(string)
	if !ok {
		return def
	}
	switch strings.ToLower(s) {
	case "utf8", "utf-8":
		return "utf8"
	case "ascii":
		return "ascii"
	case "base64":
		return "base64"
	case "ucs2", "ucs-2", "utf16le", "utf-16le":
		return "ucs2"
	case "binary", "latin1":
		return "binary"
	case "hex":
		return "hex"
	}
	return def
}

// inputArg returns the bytes of data, a Buffer or a string in encoding enc
// (default 'binary'), or throws 0.7's TypeError. A Buffer's bytes are not
// copied.
func (b *hashBinding) inputArg(data, enc goja.Value) []byte {
	if buf, ok := jsbridge.Bytes(data); ok {
		return buf
	}
	s, ok := data.(goja.String)
	if !ok {
		b.e.ThrowTypeError("Not a string or buffer")
	}
	return b.stringBytes(s, parseEncoding(enc, "binary"))
}

// binaryArg is inputArg for keys, IVs, passwords and salts, which 0.7 always
// read as 'binary' strings.
func (b *hashBinding) binaryArg(data goja.Value) []byte {
	return b.inputArg(data, goja.Undefined())
}

// stringBytes encodes s. 'binary' and 'utf8', the common cases, are done
// here; the others as the Buffer constructor does them, so that crypto and
// Buffer agree.
func (b *hashBinding) stringBytes(s goja.String, enc string) []byte {
	switch enc {
	case "binary":
		str := s.String()
		n := s.Length()
		if len(str) == n && isASCIIString(str) {
			return []byte(str)
		}
		out := make([]byte, n)
		for i := range out {
			out[i] = byte(s.CharAt(i))
		}
		return out
	case "utf8":
		// goja turns a lone surrogate into U+FFFD, as Buffer does.
		return []byte(s.String())
	}
	ctor := b.e.Require("buffer").Get("Buffer")
	buf, err := b.vm.New(ctor, s, b.vm.ToValue(enc))
	if err != nil {
		panic(err)
	}
	data, _ := jsbridge.Bytes(buf)
	return data
}

func isASCIIString(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// binaryString makes a 'binary' string: one character per byte.
func (b *hashBinding) binaryString(data []byte) goja.Value {
	if isASCIIString(string(data)) {
		return b.vm.ToValue(string(data))
	}
	units := make([]uint16, len(data))
	for i, c := range data {
		units[i] = uint16(c)
	}
	return goja.StringFromUTF16(units)
}

// outputName returns the lower-cased output encoding named by v, "binary"
// when v is not a string, or "" (after 0.7's warning on stderr) when the
// name is not one of hex, base64, binary, latin1 or buffer. what names the
// method in the warning ("Hash .digest").
func (b *hashBinding) outputName(v goja.Value, what string) string {
	s, ok := v.Export().(string)
	if !ok {
		return "binary"
	}
	switch name := strings.ToLower(s); name {
	case "hex", "base64", "binary", "buffer":
		return name
	case "latin1":
		return "binary"
	}
	b.warn("node-crypto : %s encoding can be binary, hex or base64\n", what)
	return ""
}

// output encodes data for a method that returns bytes: undefined for an
// unknown encoding (0.7).
func (b *hashBinding) output(data []byte, enc goja.Value, what string) goja.Value {
	name := b.outputName(enc, what)
	if name == "" {
		return goja.Undefined()
	}
	return b.encode(data, name)
}

// encode makes the JS value of data in a name outputName returned.
func (b *hashBinding) encode(data []byte, name string) goja.Value {
	switch name {
	case "hex":
		return b.vm.ToValue(hex.EncodeToString(data))
	case "base64":
		return b.vm.ToValue(base64.StdEncoding.EncodeToString(data))
	case "buffer":
		return b.e.NewBuffer(data)
	}
	return b.binaryString(data)
}

// warn prints one of 0.7's diagnostic lines on stderr.
func (b *hashBinding) warn(format string, args ...any) {
	_, _, stderr := b.e.Host().Stdio()
	fmt.Fprintf(stderr, format, args...)
}

// hexDecode is 0.7's HexDecode: pairs of digits, no validation (a bad digit
// gives a bad byte, not an error), an odd last digit ignored.
func hexDecode(in []byte) []byte {
	digit := func(c byte) byte {
		switch {
		case c <= '9':
			return c - '0'
		case c <= 'Z':
			return c - 'A' + 10
		}
		return c - 'a' + 10
	}
	out := make([]byte, len(in)/2)
	for i := range out {
		out[i] = digit(in[2*i])<<4 | digit(in[2*i+1])
	}
	return out
}

// base64Decode decodes as OpenSSL's base64 BIO did for 0.7: characters
// outside the alphabet are skipped, padding is optional.
func base64Decode(in []byte) []byte {
	clean := make([]byte, 0, len(in))
	for _, c := range in {
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '+', c == '/':
			clean = append(clean, c)
		case c == '-':
			clean = append(clean, '+')
		case c == '_':
			clean = append(clean, '/')
		}
	}
	if len(clean)%4 == 1 {
		clean = clean[:len(clean)-1]
	}
	out, err := base64.RawStdEncoding.DecodeString(string(clean))
	if err != nil {
		return nil
	}
	return out
}
