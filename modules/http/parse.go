package http

import (
	"errors"
	"io"
	"net/textproto"
	"strconv"
	"strings"

	netmod "github.com/gojatls/gojatls/modules/net"
)

// Heads are read with net/textproto's line reader, not net/http's
// ReadRequest: http.Header is a map, and Node hands scripts the header
// names in the order they arrived (console.log(req.headers) shows it),
// applies 0.7's rules for repeated names in that order (_addHeaderLine),
// and cuts the list at maxHeadersCount. textproto reads each line (with
// obsolete continuation lines joined, as http_parser did) and the rules
// here are http_parser's, which Node 0.7 used.

// maxHeaderSize bounds a head (start line and header lines) or a trailer,
// as http_parser's HTTP_MAX_HEADER_SIZE did for Node 0.7: 80 KiB.
const maxHeaderSize = 80 * 1024

// head is a request or response head as the reader goroutine parsed it.
type head struct {
	method       string // request
	url          string // request
	status       int    // response
	major, minor int
	fields       []string // name, value, name, value... in arrival order

	length    int64 // Content-Length, or -1
	chunked   bool  // Transfer-Encoding: chunked
	upgrade   bool  // an Upgrade header (or CONNECT, for a request)
	keepAlive bool  // the connection may carry another message after this one
	closeConn bool  // Connection: close
	keepConn  bool  // Connection: keep-alive
}

// parseError is an HTTP parse failure, with http_parser's error name as
// Node 0.7 gave it in the 'Parse Error' error's code.
type parseError struct{ code string }

func (e *parseError) Error() string { return "Parse Error: " + e.code }

func errCode(code string) error { return &parseError{code} }

// methods are the request methods http_parser knew in Node 0.7; any other
// is HPE_INVALID_METHOD.
var methods = map[string]bool{
	"DELETE": true, "GET": true, "HEAD": true, "POST": true, "PUT": true,
	"CONNECT": true, "OPTIONS": true, "TRACE": true,
	"COPY": true, "LOCK": true, "MKCOL": true, "MOVE": true, "PROPFIND": true,
	"PROPPATCH": true, "UNLOCK": true,
	"REPORT": true, "MKACTIVITY": true, "CHECKOUT": true, "MERGE": true,
	"M-SEARCH": true, "NOTIFY": true, "SUBSCRIBE": true, "UNSUBSCRIBE": true,
	"PATCH": true,
}

// readHead reads a request head (response false) or a response head from
// src's buffered reader. io.EOF means the connection ended cleanly before
// a head began; a *parseError, a malformed or oversized head.
func readHead(src *netmod.Source, tp *textproto.Reader, response bool) (*head, error) {
	start := src.Consumed()
	src.SetLimit(maxHeaderSize + 1)
	defer src.SetLimit(0)
	var line string
	var err error
	for line == "" {
		// Empty lines before a request line are skipped, as http_parser
		// did between pipelined requests.
		blank := src.Consumed()
		if line, err = tp.ReadLine(); err != nil {
			if src.Consumed() == blank && isEOF(err) {
				return nil, io.EOF
			}
			return nil, readError(err)
		}
	}
	if src.Consumed()-start > maxHeaderSize {
		return nil, errCode("HPE_HEADER_OVERFLOW") // a start line that never ended
	}
	h := &head{length: -1}
	if response {
		err = h.parseStatusLine(line)
	} else {
		err = h.parseRequestLine(line)
	}
	if err != nil {
		return nil, err
	}
	if h.fields, err = readFields(tp, src, start); err != nil {
		return nil, err
	}
	if err := h.frame(response); err != nil {
		return nil, err
	}
	return h, nil
}

// readFields reads header (or trailer) lines up to the empty line, as
// name, value pairs. start is where the head began, for its size limit.
func readFields(tp *textproto.Reader, src *netmod.Source, start int64) ([]string, error) {
	var fields []string
	for {
		line, err := tp.ReadContinuedLine()
		if err != nil {
			return nil, readError(err)
		}
		if src.Consumed()-start > maxHeaderSize {
			return nil, errCode("HPE_HEADER_OVERFLOW")
		}
		if line == "" {
			return fields, nil
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok || !isToken(name) {
			return nil, errCode("HPE_INVALID_HEADER_TOKEN")
		}
		if fields == nil {
			fields = make([]string, 0, 16) // room for a browser's headers
		}
		fields = append(fields, name, strings.Trim(value, " \t"))
	}
}

// readError turns a read failure inside a head into the parse error Node
// 0.7 reported: too long, or cut short by the end of the connection.
func readError(err error) error {
	switch {
	case errors.Is(err, netmod.ErrLimit):
		return errCode("HPE_HEADER_OVERFLOW")
	case isEOF(err):
		return errEOF
	}
	return err
}

// errEOF is a message cut short by the end of the connection.
var errEOF = errCode("HPE_INVALID_EOF_STATE")

// parseRequestLine reads "METHOD URL HTTP/x.y" (or HTTP/0.9's
// "METHOD URL").
func (h *head) parseRequestLine(line string) error {
	method, rest, ok := strings.Cut(line, " ")
	if !methods[method] {
		return errCode("HPE_INVALID_METHOD")
	}
	if !ok {
		return errCode("HPE_INVALID_URL")
	}
	h.method = method
	url, version, hasVersion := strings.Cut(strings.TrimLeft(rest, " "), " ")
	if url == "" || !validURL(url) {
		return errCode("HPE_INVALID_URL")
	}
	h.url = url
	if !hasVersion {
		h.major, h.minor = 0, 9
		return nil
	}
	var err error
	if h.major, h.minor, err = parseVersion(strings.Trim(version, " ")); err != nil {
		return err
	}
	return nil
}

// parseStatusLine reads "HTTP/x.y CODE REASON".
func (h *head) parseStatusLine(line string) error {
	version, rest, _ := strings.Cut(line, " ")
	if !strings.HasPrefix(version, "HTTP/") {
		return errCode("HPE_INVALID_CONSTANT")
	}
	var err error
	if h.major, h.minor, err = parseVersion(version); err != nil {
		return err
	}
	code, _, _ := strings.Cut(strings.TrimLeft(rest, " "), " ")
	status, err := strconv.Atoi(code)
	if err != nil || len(code) != 3 || status < 100 {
		return errCode("HPE_INVALID_STATUS")
	}
	h.status = status
	return nil
}

var errBadVersion = errCode("HPE_INVALID_VERSION")

// parseVersion reads "HTTP/major.minor" (each up to three digits, as
// http_parser took them).
func parseVersion(v string) (int, int, error) {
	rest, ok := strings.CutPrefix(v, "HTTP/")
	if !ok {
		return 0, 0, errBadVersion
	}
	a, b, ok := strings.Cut(rest, ".")
	major, err1 := strconv.Atoi(a)
	minor, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || len(a) > 3 || len(b) > 3 || a[0] == '+' || b[0] == '+' || a[0] == '-' || b[0] == '-' {
		return 0, 0, errBadVersion
	}
	return major, minor, nil
}

// frame reads the headers that say how the message is framed and whether
// the connection is kept: http_parser's flags and http_should_keep_alive.
func (h *head) frame(response bool) error {
	for i := 0; i < len(h.fields); i += 2 {
		name, value := h.fields[i], h.fields[i+1]
		switch {
		case strings.EqualFold(name, "content-length"):
			n, err := strconv.ParseInt(value, 10, 64)
			if err != nil || n < 0 || value[0] == '+' {
				return errCode("HPE_INVALID_CONTENT_LENGTH")
			}
			if h.length >= 0 && h.length != n {
				// Two lengths: a request smuggling attempt, refused as
				// today's Node refuses it.
				return errCode("HPE_UNEXPECTED_CONTENT_LENGTH")
			}
			h.length = n
		case strings.EqualFold(name, "transfer-encoding"):
			h.chunked = lastToken(value) == "chunked"
		case strings.EqualFold(name, "connection"):
			for _, tok := range strings.Split(value, ",") {
				switch strings.ToLower(strings.TrimSpace(tok)) {
				case "close":
					h.closeConn = true
				case "keep-alive":
					h.keepConn = true
				}
			}
		case strings.EqualFold(name, "upgrade"):
			h.upgrade = true
		}
	}
	if h.chunked {
		h.length = -1 // chunked framing wins over a length, as in http_parser
	}
	if !response {
		h.upgrade = h.upgrade || h.method == "CONNECT"
	} else {
		// A response upgrades with 101 only: later http_parser stopped
		// taking an Upgrade header on any response (servers announce
		// protocols with it on ordinary ones).
		h.upgrade = h.upgrade && h.status == 101
	}
	if h.major > 0 && h.minor > 0 {
		h.keepAlive = !h.closeConn
	} else {
		h.keepAlive = h.keepConn
	}
	return nil
}

// needsEOF reports whether a response's body runs to the end of the
// connection (no length, not chunked, and a status that has a body).
func (h *head) needsEOF(skipBody bool) bool {
	if skipBody || h.status/100 == 1 || h.status == 204 || h.status == 304 {
		return false
	}
	return !h.chunked && h.length < 0
}

func lastToken(v string) string {
	if i := strings.LastIndexByte(v, ','); i >= 0 {
		v = v[i+1:]
	}
	return strings.ToLower(strings.TrimSpace(v))
}

// isToken reports whether s is an HTTP token (a header name).
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte("()<>@,;:\\\"/[]?={}", c) >= 0 {
			return false
		}
	}
	return true
}

// validURL rejects control characters in a request target, as
// http_parser did.
func validURL(u string) bool {
	for i := 0; i < len(u); i++ {
		if c := u[i]; c < ' ' || c == 0x7f {
			return false
		}
	}
	return true
}
