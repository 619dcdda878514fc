package tls

import (
	"crypto/tls"
	"errors"
	"strings"
)

// maxServerName is the longest host name a ClientHello may carry
// (TLSEXT_MAXLEN_host_name in OpenSSL).
const maxServerName = 255

// errBadServerName is OpenSSL's reason for a ClientHello whose server_name
// it refuses. crypto/tls accepts any length and any byte.
var errBadServerName = errors.New("bad extension")

// refuseBadServerName fails a handshake whose ClientHello names a server
// that is longer than 255 bytes or holds a NUL byte, as OpenSSL does
// (tls_parse_ctos_server_name): such a name is no host name, and C code
// downstream would read a NUL as its end. Its signature is
// GetConfigForClient's: nil, nil goes on with the same configuration.
func refuseBadServerName(hello *tls.ClientHelloInfo) (*tls.Config, error) {
	if !validServerName(hello.ServerName) {
		return nil, errBadServerName
	}
	return nil, nil
}

func validServerName(name string) bool {
	return len(name) <= maxServerName && !strings.Contains(name, "\x00")
}
