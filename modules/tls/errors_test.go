package tls

import (
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"strings"
	"testing"
)

// Every error crypto/tls gives that the table knows maps to OpenSSL's
// reason, and its code is Node's name for that reason; the code is never
// made from Go's own text.
func TestReasons(t *testing.T) {
	local := func(a tls.AlertError) error { return &net.OpError{Op: "local error", Err: a} }
	remote := func(a tls.AlertError) error { return &net.OpError{Op: "remote error", Err: a} }
	for _, tc := range []struct {
		err    error
		reason string
		code   string
	}{
		{local(20), "decryption failed or bad record mac", "ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC"},
		{local(22), "packet length too long", "ERR_SSL_PACKET_LENGTH_TOO_LONG"},
		{local(10), "unexpected message", "ERR_SSL_UNEXPECTED_MESSAGE"},
		{local(100), "no renegotiation", "ERR_SSL_NO_RENEGOTIATION"},
		{remote(40), "sslv3 alert handshake failure", "ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE"},
		{remote(48), "tlsv1 alert unknown ca", "ERR_SSL_TLSV1_ALERT_UNKNOWN_CA"},
		{remote(42), "sslv3 alert bad certificate", "ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE"},
		{remote(10), "sslv3 alert unexpected message", "ERR_SSL_SSLV3_ALERT_UNEXPECTED_MESSAGE"},
		{remote(116), "tlsv13 alert certificate required", "ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED"},
		{errors.New("tls: invalid signature by the server certificate: crypto/rsa: verification error"), "bad signature", "ERR_SSL_BAD_SIGNATURE"},
		{errors.New("tls: received unexpected handshake message of type *tls.clientHelloMsg when waiting for *tls.helloRequestMsg"), "no renegotiation", "ERR_SSL_NO_RENEGOTIATION"},
		{errors.New("tls: handshake message of length 16777215 bytes exceeds maximum of 65536 bytes"), "excessive message size", "ERR_SSL_EXCESSIVE_MESSAGE_SIZE"},
		{fmt.Errorf("wrapped: %w", errors.New("tls: no cipher suite supported by both client and server")), "no shared cipher", "ERR_SSL_NO_SHARED_CIPHER"},
		{tls.RecordHeaderError{Msg: "tls: first record does not look like a TLS handshake", RecordHeader: [5]byte{'G', 'E', 'T', ' ', '/'}}, "http request", "ERR_SSL_HTTP_REQUEST"},
		{tls.RecordHeaderError{Msg: "tls: first record does not look like a TLS handshake", RecordHeader: [5]byte{'C', 'O', 'N', 'N', 'E'}}, "https proxy request", "ERR_SSL_HTTPS_PROXY_REQUEST"},
		{tls.RecordHeaderError{Msg: "tls: first record does not look like a TLS handshake", RecordHeader: [5]byte{'h', 'e', 'l', 'l', 'o'}}, "unknown protocol", "ERR_SSL_UNKNOWN_PROTOCOL"},
		{tls.RecordHeaderError{Msg: "tls: oversized record received with length 20000"}, "packet length too long", "ERR_SSL_PACKET_LENGTH_TOO_LONG"},
	} {
		reason := reasonOf(tc.err)
		if reason != tc.reason || codeOf(reason) != tc.code {
			t.Errorf("%v: reason %q, code %q; want %q, %q", tc.err, reason, codeOf(reason), tc.reason, tc.code)
		}
	}
}

// An error none of the tables knows has no reason: its code is then the
// fixed EPROTO (protocolError), never text derived from Go's.
func TestUnknownReason(t *testing.T) {
	for _, err := range []error{
		errors.New("tls: some future failure"),
		&net.OpError{Op: "remote error", Err: tls.AlertError(200)},
	} {
		if reason := reasonOf(err); reason != "" {
			t.Errorf("%v: reason %q", err, reason)
		}
	}
	// Every reason in the tables gives a code of capitals, digits and
	// underscores.
	var all []string
	for _, r := range goReasons {
		all = append(all, r.reason)
	}
	for _, r := range localAlerts {
		all = append(all, r)
	}
	for _, r := range remoteAlerts {
		all = append(all, r)
	}
	for _, r := range all {
		code := codeOf(r)
		if strings.Trim(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") != "" {
			t.Errorf("reason %q: code %q", r, code)
		}
	}
}
