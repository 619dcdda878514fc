package http

import (
	"errors"
	"io"
	"net/textproto"
	"reflect"
	"strings"
	"testing"

	netmod "github.com/gojatls/gojatls/modules/net"
)

func TestReadRequestHead(t *testing.T) {
	in := "\r\nGET /a?b=c HTTP/1.1\r\nHost: h\r\nX-Folded: one\r\n  two\r\nConnection: keep-alive, Upgrade\r\n" +
		"Upgrade: ws\r\nContent-Length: 0\r\n\r\n"
	h, err := headOf(in, false)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Host", "h", "X-Folded", "one two", "Connection", "keep-alive, Upgrade", "Upgrade", "ws", "Content-Length", "0"}
	if h.method != "GET" || h.url != "/a?b=c" || h.major != 1 || h.minor != 1 || !reflect.DeepEqual(h.fields, want) {
		t.Fatalf("%+v", h)
	}
	if !h.upgrade || !h.keepAlive || h.length != 0 || h.chunked {
		t.Fatalf("flags %+v", h)
	}
}

func TestReadHeadFraming(t *testing.T) {
	for _, tc := range []struct {
		in        string
		response  bool
		keepAlive bool
		length    int64
		chunked   bool
	}{
		{"GET / HTTP/1.0\r\n\r\n", false, false, -1, false},
		{"GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", false, true, -1, false},
		{"GET / HTTP/1.1\r\nConnection: close\r\n\r\n", false, false, -1, false},
		{"POST / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n", false, true, -1, true},
		{"HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\n", true, true, 7, false},
		{"HTTP/1.0 200 OK\r\n\r\n", true, false, -1, false},
	} {
		h, err := headOf(tc.in, tc.response)
		if err != nil {
			t.Fatalf("%q: %v", tc.in, err)
		}
		if h.keepAlive != tc.keepAlive || h.length != tc.length || h.chunked != tc.chunked {
			t.Errorf("%q: %+v", tc.in, h)
		}
	}
}

func TestReadHeadErrors(t *testing.T) {
	for _, tc := range []struct {
		in, code string
		response bool
	}{
		{"BREW / HTTP/1.1\r\n\r\n", "HPE_INVALID_METHOD", false},
		{"GET / HTTP/1.x\r\n\r\n", "HPE_INVALID_VERSION", false},
		{"GET / HTTP/1.1\r\nNo colon\r\n\r\n", "HPE_INVALID_HEADER_TOKEN", false},
		{"GET / HTTP/1.1\r\nContent-Length: 1e3\r\n\r\n", "HPE_INVALID_CONTENT_LENGTH", false},
		{"GET / HTTP/1.1\r\nX: " + strings.Repeat("x", maxHeaderSize) + "\r\n\r\n", "HPE_HEADER_OVERFLOW", false},
		{"GET / HTTP/1.1\r\nHost: x\r\n", "HPE_INVALID_EOF_STATE", false},
		{"HTTP/1.1 2000 OK\r\n\r\n", "HPE_INVALID_STATUS", true},
		{"ICY 200 OK\r\n\r\n", "HPE_INVALID_CONSTANT", true},
	} {
		_, err := headOf(tc.in, tc.response)
		var pe *parseError
		if !errors.As(err, &pe) || pe.code != tc.code {
			t.Errorf("%.40q: %v, want %s", tc.in, err, tc.code)
		}
	}
	if _, err := headOf("\r\n\r\n", false); err != io.EOF {
		t.Errorf("empty lines, then the end: %v, want io.EOF", err)
	}
}

// readAll runs a reader over in until it stops, and returns its items.
func readAll(t testing.TB, in string, response bool) ([]netmod.Item, error) {
	r := newReader(&callbacks{}, response)
	src := netmod.NewSource(strings.NewReader(in))
	var items []netmod.Item
	for i := 0; ; i++ {
		if i > len(in)+10 {
			t.Fatalf("no end after %d items for %q", i, in)
		}
		it, err := r.Next(src)
		if it != nil {
			items = append(items, it)
		}
		if err != nil {
			return items, err
		}
	}
}

func TestReaderBodies(t *testing.T) {
	in := "POST /a HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc" +
		"POST /b HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nde\r\n1;x\r\nf\r\n0\r\nX-T: t\r\n\r\n" +
		"GET /c HTTP/1.1\r\n\r\n"
	items, err := readAll(t, in, false)
	if err != io.EOF {
		t.Fatal(err)
	}
	var got []string
	for _, it := range items {
		switch v := it.(type) {
		case *headItem:
			got = append(got, "head "+v.h.url)
			if v.flags&flagComplete != 0 {
				got = append(got, "complete")
			}
		case *bodyItem:
			s := "body " + string(v.data)
			if v.end {
				s += " end " + strings.Join(v.trailers, "=")
			}
			got = append(got, s)
		}
	}
	want := []string{"head /a", "body abc end ", "head /b", "body def end X-T=t", "head /c", "complete"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q\nwant %q", got, want)
	}
}

// FuzzReader: whatever a peer sends, the readers end (an error or the
// end), never panic, and never hand out more body than was sent.
func FuzzReader(f *testing.F) {
	for _, seed := range []string{
		"GET / HTTP/1.1\r\nHost: x\r\n\r\n",
		"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nA: b\r\n\r\n",
		"POST / HTTP/1.1\r\nContent-Length: 4\r\n\r\nabcd",
		"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
		"HTTP/1.0 200 OK\r\n\r\nuntil the end",
		"HTTP/1.1 101 Switching\r\nUpgrade: x\r\n\r\nraw",
		"CONNECT a:1 HTTP/1.1\r\n\r\nrest",
	} {
		f.Add(seed, false)
		f.Add(seed, true)
	}
	f.Fuzz(func(t *testing.T, in string, response bool) {
		items, _ := readAll(t, in, response)
		body := 0
		for _, it := range items {
			if b, ok := it.(*bodyItem); ok {
				body += len(b.data)
			}
		}
		if body > len(in) {
			t.Fatalf("%d body bytes from %d bytes", body, len(in))
		}
	})
}

// headOf reads a head from in as a connection's reader does.
func headOf(in string, response bool) (*head, error) {
	src := netmod.NewSource(strings.NewReader(in))
	return readHead(src, textproto.NewReader(src.Buffered()), response)
}
