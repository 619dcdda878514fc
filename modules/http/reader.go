package http

import (
	"errors"
	"io"
	"net/http/httputil"
	"net/textproto"
	"sync"

	netmod "github.com/gojatls/gojatls/modules/net"
)

// reader is the read strategy of a connection that carries HTTP (see
// modules/net/reader.go): its reader goroutine parses request heads (a
// server's connections) or response heads (a client's), then reads the
// body as its framing says, and hands the loop whole heads and body
// chunks. A message without a body is one item: its head.
type reader struct {
	cb       *callbacks
	response bool

	state     readState
	lines     *textproto.Reader // the connection's buffered reader, by lines
	remaining int64             // bytes of a Content-Length body still to come
	chunks    io.Reader         // a chunked body's decoder
	size      int               // the next body chunk's buffer size

	mu      sync.Mutex
	methods []string // response: the methods of requests sent, oldest first
}

type readState int

const (
	readingHead readState = iota
	readingLength
	readingChunked
	readingToEOF
)

// Body chunks are read into buffers of minChunk to maxChunk bytes: larger
// while reads fill them, smaller when they do not.
const (
	minChunk = 4 * 1024
	maxChunk = 64 * 1024
)

func newReader(cb *callbacks, response bool) *reader {
	return &reader{cb: cb, response: response, size: minChunk}
}

// expect records that a request with this method was sent: its response
// is read accordingly (no body after HEAD, an upgrade after CONNECT).
func (r *reader) expect(method string) {
	r.mu.Lock()
	r.methods = append(r.methods, method)
	r.mu.Unlock()
}

// answered returns the method of the request a response answers; a final
// response (not 100 Continue) takes it off the list.
func (r *reader) answered(final bool) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.methods) == 0 {
		return ""
	}
	m := r.methods[0]
	if final {
		r.methods[0] = ""
		r.methods = r.methods[1:]
	}
	return m
}

// Next reads the next head or body chunk.
func (r *reader) Next(src *netmod.Source) (netmod.Item, error) {
	switch r.state {
	case readingLength:
		return r.readLength(src)
	case readingChunked:
		return r.readChunked(src)
	case readingToEOF:
		return r.readToEOF(src)
	}
	if r.lines == nil {
		r.lines = textproto.NewReader(src.Buffered())
	}
	h, err := readHead(src, r.lines, r.response)
	if err != nil {
		return r.fail(err)
	}
	it := &headItem{cb: r.cb, h: h}
	skipBody := false
	if r.response {
		method := r.answered(h.status != 100)
		skipBody = method == "HEAD"
		if method == "CONNECT" && h.status != 100 {
			h.upgrade = true // any answer to CONNECT ends HTTP, as in Node 0.7
		}
	}
	if h.upgrade {
		// What follows the head is the new protocol's: the bytes
		// buffered go with the head, and raw chunks follow.
		src.ReadRaw()
		it.rest = src.TakeBuffered()
		it.flags = flagUpgrade
		return it, nil
	}
	keepAlive := h.keepAlive
	switch {
	case r.response && h.needsEOF(skipBody):
		r.state = readingToEOF
		keepAlive = false
	case r.response && (skipBody || h.status/100 == 1 || h.status == 204 || h.status == 304):
		it.flags |= flagComplete
	case h.chunked:
		r.state = readingChunked
		r.chunks = httputil.NewChunkedReader(src.Buffered())
	case h.length > 0:
		r.state = readingLength
		r.remaining = h.length
	default:
		it.flags |= flagComplete
	}
	if keepAlive {
		it.flags |= flagKeepAlive
	}
	return it, nil
}

// fail reports a parse error: the connection reads no more. At the end of
// the connection, JS decides (a server reports a message cut short; a
// client's response just ends).
func (r *reader) fail(err error) (netmod.Item, error) {
	if err == io.EOF {
		return nil, io.EOF
	}
	var pe *parseError
	if !errors.As(err, &pe) {
		return nil, err // the connection's own error ('error' on the socket)
	}
	if pe == errEOF {
		return &errorItem{cb: r.cb, code: pe.code, atEOF: true}, io.EOF
	}
	return &errorItem{cb: r.cb, code: pe.code}, netmod.ErrStop
}

// chunk returns a buffer for the next body read of at most limit bytes.
func (r *reader) chunk(limit int64) []byte {
	n := int64(r.size)
	if limit >= 0 && limit < n {
		n = limit
	}
	return make([]byte, n)
}

// adapt sizes the next chunk buffer after a read of n into buf.
func (r *reader) adapt(n int, buf []byte) {
	switch {
	case n == len(buf) && r.size < maxChunk:
		r.size *= 2
	case n < len(buf)/2 && r.size > minChunk:
		r.size /= 2
	}
}

func (r *reader) readLength(src *netmod.Source) (netmod.Item, error) {
	buf := r.chunk(r.remaining)
	n, err := src.Buffered().Read(buf)
	r.adapt(n, buf)
	r.remaining -= int64(n)
	it := &bodyItem{cb: r.cb, data: buf[:n:n]}
	if r.remaining == 0 {
		r.state = readingHead
		it.end = true
		return it, nil
	}
	if err != nil {
		if n == 0 {
			return r.fail(readError(err))
		}
		return it, nil // the error comes again on the next read
	}
	return it, nil
}

func (r *reader) readChunked(src *netmod.Source) (netmod.Item, error) {
	buf := r.chunk(-1)
	n, err := r.chunks.Read(buf)
	r.adapt(n, buf)
	it := &bodyItem{cb: r.cb, data: buf[:n:n]}
	switch {
	case err == io.EOF:
		// The last chunk: trailer lines follow, up to an empty line.
		r.state, r.chunks = readingHead, nil
		start := src.Consumed()
		src.SetLimit(maxHeaderSize + 1)
		if r.lines == nil {
			r.lines = textproto.NewReader(src.Buffered())
		}
		fields, ferr := readFields(r.lines, src, start)
		src.SetLimit(0)
		if ferr != nil {
			return r.fail(ferr)
		}
		it.end, it.trailers = true, fields
		return it, nil
	case err != nil && n == 0:
		connErr := src.Err()
		switch {
		case connErr != nil && !isEOF(connErr):
			return nil, connErr // the connection failed, not the framing
		case connErr != nil, isEOF(err):
			return r.fail(errEOF)
		}
		return r.fail(errCode("HPE_INVALID_CHUNK_SIZE"))
	}
	return it, nil
}

// readToEOF reads a response body that ends with the connection.
func (r *reader) readToEOF(src *netmod.Source) (netmod.Item, error) {
	buf := r.chunk(-1)
	n, err := src.Buffered().Read(buf)
	r.adapt(n, buf)
	it := &bodyItem{cb: r.cb, data: buf[:n:n]}
	if err != nil {
		if n == 0 && !isEOF(err) {
			return nil, err
		}
		if isEOF(err) {
			it.end = true
			return it, io.EOF
		}
	}
	return it, nil
}

// isEOF reports whether a read error is the end of the connection (a TLS
// peer that closes TCP without close_notify ends it too).
func isEOF(err error) bool {
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}
