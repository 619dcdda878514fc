package stringdecoder

import (
	"bytes"
	"encoding/json"
	"math/rand"
	"os/exec"
	"reflect"
	"testing"
	"unicode/utf16"
)

// run feeds chunks to a new decoder and returns each Write's text and then
// End's, as UTF-16.
func run(enc Encoding, chunks [][]byte) [][]uint16 {
	d := NewDecoder(enc)
	var out [][]uint16
	for _, c := range chunks {
		out = append(out, units(d.Write(c)))
	}
	return append(out, units(d.End()))
}

func units(t Text) []uint16 {
	u := t.UTF16()
	if u == nil {
		u = []uint16{}
	}
	return u
}

func str(s string) []uint16 { return utf16.Encode([]rune(s)) }

func TestDecoderTable(t *testing.T) {
	euro := []byte("€") // e2 82 ac
	tests := []struct {
		name   string
		enc    Encoding
		chunks [][]byte
		want   []string
	}{
		{"ascii utf8", UTF8, [][]byte{[]byte("abc")}, []string{"abc", ""}},
		{"euro split 1+2", UTF8, [][]byte{euro[:1], euro[1:]}, []string{"", "€", ""}},
		{"euro split bytewise", UTF8, [][]byte{euro[:1], euro[1:2], euro[2:]}, []string{"", "", "€", ""}},
		{"euro cut at end", UTF8, [][]byte{euro[:2]}, []string{"", "\ufffd"}},
		{"lead then ascii", UTF8, [][]byte{{0xe2}, {'A'}}, []string{"", "\ufffdA", ""}},
		{"lone continuation", UTF8, [][]byte{{0x80, 'a'}}, []string{"\ufffda", ""}},
		{"surrogate bytes", UTF8, [][]byte{{0xed, 0xa0, 0x80}}, []string{"\ufffd\ufffd\ufffd", ""}},
		{"overlong", UTF8, [][]byte{{0xc0, 0xaf}}, []string{"\ufffd\ufffd", ""}},
		{"four bytes split", UTF8, [][]byte{{0xf0, 0x9f}, {0x98, 0x80}}, []string{"", "😀", ""}},
		{"ucs2 odd", UCS2, [][]byte{{'a', 0, 'b'}, {0}}, []string{"a", "b", ""}},
		{"ucs2 pair split", UCS2, [][]byte{{0x3d, 0xd8}, {0x00, 0xde}}, []string{"", "😀", ""}},
		{"ucs2 odd byte at end dropped", UCS2, [][]byte{{'a', 0, 'b'}}, []string{"a", ""}},
		{"base64 groups", Base64, [][]byte{[]byte("ab"), []byte("cd")}, []string{"", "YWJj", "ZA=="}},
		{"hex", Hex, [][]byte{{0x01, 0xab}}, []string{"01ab", ""}},
		{"ascii high bit", ASCII, [][]byte{{0xe9, 'a'}}, []string{"ia", ""}},
		{"latin1", Latin1, [][]byte{{0xe9, 'a'}}, []string{"éa", ""}},
	}
	for _, tc := range tests {
		got := run(tc.enc, tc.chunks)
		var want [][]uint16
		for _, s := range tc.want {
			want = append(want, str(s))
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %x, want %x", tc.name, got, want)
		}
	}
}

// A lone high surrogate is kept for the next chunk and survives End; with
// an odd byte after it, it is given out at once (as node does).
func TestUCS2LoneSurrogate(t *testing.T) {
	got := run(UCS2, [][]byte{{0x3d, 0xd8}})
	want := [][]uint16{{}, {0xd83d}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %x, want %x", got, want)
	}
	got = run(UCS2, [][]byte{{0x3d, 0xd8, 0x41}})
	want = [][]uint16{{0xd83d}, {}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %x, want %x", got, want)
	}
}

// nodeCase is one stream for the node comparison: bytes cut into chunks.
type nodeCase struct {
	Enc    string  `json:"enc"`
	Chunks [][]int `json:"chunks"`
}

var encNames = map[string]Encoding{
	"utf8": UTF8, "utf16le": UCS2, "base64": Base64, "hex": Hex, "ascii": ASCII, "latin1": Latin1,
}

// nodeScript decodes every case with node's StringDecoder and prints, per
// case, the UTF-16 code units of each write() and of end(), and the whole
// input decoded at once by Buffer#toString.
const nodeScript = `
var SD = require('string_decoder').StringDecoder;
var cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
function units(s) { var u = []; for (var i = 0; i < s.length; i++) u.push(s.charCodeAt(i)); return u; }
var out = cases.map(function (c) {
  var d = new SD(c.enc), res = [], all = [];
  (c.chunks || []).forEach(function (ch) { res.push(units(d.write(Buffer.from(ch)))); all = all.concat(ch); });
  res.push(units(d.end()));
  return { stream: res, whole: units(Buffer.from(all).toString(c.enc)) };
});
process.stdout.write(JSON.stringify(out));
`

// interesting bytes for UTF-8: ASCII, continuation bytes, every kind of lead
// byte including the ones that limit the next byte, and invalid bytes.
var interesting = []byte{'a', 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf,
	0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xf8, 0xfe, 0xff}

func TestAgainstNode(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not installed")
	}
	rng := rand.New(rand.NewSource(7))
	var cases []nodeCase
	var data [][]byte
	var splits [][][]byte
	encs := []string{"utf8", "utf8", "utf8", "utf8", "utf16le", "utf16le", "base64", "hex", "ascii", "latin1"}
	for i := 0; i < 4000; i++ {
		enc := encs[i%len(encs)]
		n := rng.Intn(12)
		b := make([]byte, n)
		for j := range b {
			if enc == "utf8" || rng.Intn(2) == 0 {
				b[j] = interesting[rng.Intn(len(interesting))]
			} else {
				b[j] = byte(rng.Intn(256))
			}
			if enc == "utf16le" && j%2 == 1 && rng.Intn(3) == 0 {
				b[j] = 0xd8 + byte(rng.Intn(8)) // surrogates
			}
		}
		// Cut at random places, sometimes at every byte.
		var chunks [][]byte
		for rest := b; len(rest) > 0; {
			k := 1 + rng.Intn(len(rest))
			if i%5 == 0 {
				k = 1
			}
			chunks = append(chunks, rest[:k])
			rest = rest[k:]
		}
		c := nodeCase{Enc: enc}
		for _, ch := range chunks {
			ints := make([]int, len(ch))
			for j, x := range ch {
				ints[j] = int(x)
			}
			c.Chunks = append(c.Chunks, ints)
		}
		cases = append(cases, c)
		data = append(data, b)
		splits = append(splits, chunks)
	}
	in, _ := json.Marshal(cases)
	cmd := exec.Command("node", "-e", nodeScript)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	outJSON, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var results []struct {
		Stream [][]uint16 `json:"stream"`
		Whole  []uint16   `json:"whole"`
	}
	if err := json.Unmarshal(outJSON, &results); err != nil {
		t.Fatal(err)
	}
	failures := 0
	for i, c := range cases {
		enc := encNames[c.Enc]
		got := run(enc, splits[i])
		if !reflect.DeepEqual(got, results[i].Stream) {
			t.Errorf("%s % x split %v:\n got %x\nwant %x", c.Enc, data[i], c.Chunks, got, results[i].Stream)
			failures++
		}
		if enc != UCS2 || len(data[i])%2 == 0 {
			whole := units(NewDecoder(enc).decode(data[i]))
			if enc == UTF8 || enc == Hex || enc == ASCII || enc == Latin1 || len(data[i])%3 == 0 || enc == UCS2 {
				if !reflect.DeepEqual(whole, results[i].Whole) {
					t.Errorf("%s % x at once: got %x want %x", c.Enc, data[i], whole, results[i].Whole)
					failures++
				}
			}
		}
		if failures > 20 {
			t.Fatal("too many failures")
		}
	}
}

// TestWriteUTF8 checks WriteUTF8, whose fast path hands valid input back
// uncopied, against Write followed by AppendUTF8 on a second decoder fed
// the same chunks: random mixes of ASCII, multi-byte characters, invalid
// bytes and surrogates, cut at random places.
func TestWriteUTF8(t *testing.T) {
	pieces := [][]byte{
		[]byte("plain ascii "), []byte("\u00e9"), []byte("\u20ac"), []byte("\U0001F600"),
		{0x80}, {0xC0, 0xAF}, {0xED, 0xA0, 0x80}, {0xF5}, {0xFF}, {0xE2, 0x82}, {0xF0, 0x9F},
	}
	rng := rand.New(rand.NewSource(7))
	for _, enc := range []Encoding{UTF8, UCS2, Base64, Hex, ASCII, Latin1} {
		for round := 0; round < 300; round++ {
			var stream []byte
			for i := rng.Intn(12); i >= 0; i-- {
				stream = append(stream, pieces[rng.Intn(len(pieces))]...)
			}
			fast, slow := NewDecoder(enc), NewDecoder(enc)
			for rest := stream; len(rest) > 0; {
				n := 1 + rng.Intn(len(rest))
				chunk := rest[:n]
				rest = rest[n:]
				got := fast.WriteUTF8(append([]byte(nil), chunk...))
				want := slow.Write(chunk).AppendUTF8(nil)
				if !bytes.Equal(got, want) {
					t.Fatalf("encoding %d, stream % x, chunk % x: WriteUTF8 gave % x, Write gave % x", enc, stream, chunk, got, want)
				}
			}
			if got, want := fast.End().AppendUTF8(nil), slow.End().AppendUTF8(nil); !bytes.Equal(got, want) {
				t.Fatalf("encoding %d, stream % x: End gave % x and % x", enc, stream, got, want)
			}
		}
	}
}

// TestAppendUTF8Surrogates: a lone surrogate is written as U+FFFD, a pair
// as its 4-byte character, as a JS string is written as UTF-8.
func TestAppendUTF8Surrogates(t *testing.T) {
	got := Text{U: []uint16{'a', 0xD83D, 0xDE00, 0xD800, 'b', 0xDC00}}.AppendUTF8(nil)
	want := []byte("a\U0001F600\uFFFDb\uFFFD")
	if !bytes.Equal(got, want) {
		t.Fatalf("got % x, want % x", got, want)
	}
}
