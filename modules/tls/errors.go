package tls

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

// TLS errors carry OpenSSL's names, as Node's did (README: Compatibility):
// the message and the reason property are OpenSSL's reason string, and
// code is Node's name for it, "ERR_SSL_" and the reason in capitals
// ('ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC'). What Go reports is
// looked up in three tables below; an error none of them knows gets the
// fixed code EPROTO (Node's name for a protocol error), never a code made
// from Go's text.

// goReasons: a substring of the text of an error crypto/tls returns, and
// the OpenSSL reason for the same failure. The first match wins.
var goReasons = []struct{ goText, reason string }{
	{"client didn't provide a certificate", "peer did not return a certificate"},
	{"no cipher suite supported by both client and server", "no shared cipher"},
	{"client offered only unsupported versions", "unsupported protocol"},
	{"server selected unsupported protocol version", "unsupported protocol"},
	{"unsupported SSLv2 handshake received", "unknown protocol"},
	{"oversized record received", "packet length too long"},
	// A handshake message longer than any real one: garbage.
	{"handshake message of length", "excessive message size"},
	// The peer's signature does not verify with its certificate's key
	// (a key that does not match the certificate): OpenSSL's
	// tls_process_key_exchange and tls_process_cert_verify say so.
	{"invalid signature by the", "bad signature"},
	{"Finished message was incorrect", "digest check failed"},
	// A TLS 1.2 client asking a server to renegotiate: crypto/tls servers
	// cannot, and refuse it.
	{"when waiting for *tls.helloRequestMsg", "no renegotiation"},
	{"renegotiation", "no renegotiation"},
}

// localAlerts: an alert crypto/tls sent because of what it read (its text
// after "tls: "), and the OpenSSL reason for that failure.
var localAlerts = map[string]string{
	"bad record MAC":                 "decryption failed or bad record mac",
	"record overflow":                "packet length too long",
	"unexpected message":             "unexpected message",
	"error decoding message":         "length mismatch",
	"handshake failure":              "ssl handshake failure",
	"protocol version not supported": "unsupported protocol",
	"no renegotiation":               "no renegotiation",
	"internal error":                 "internal error",
	"certificate required":           "peer did not return a certificate",
	"no application protocol":        "no application protocol",
	"error decrypting message":       "decryption failed",
	"illegal parameter":              "bad extension",
	"missing extension":              "missing extension",
	"unsupported extension":          "unsupported extension",
}

// remoteAlerts: an alert the peer sent (its text after "tls: "), and
// OpenSSL's reason for receiving it.
var remoteAlerts = map[string]string{
	"close notify":                    "sslv3 alert close notify",
	"unexpected message":              "sslv3 alert unexpected message",
	"bad record MAC":                  "sslv3 alert bad record mac",
	"decompression failure":           "sslv3 alert decompression failure",
	"handshake failure":               "sslv3 alert handshake failure",
	"bad certificate":                 "sslv3 alert bad certificate",
	"unsupported certificate":         "sslv3 alert unsupported certificate",
	"revoked certificate":             "sslv3 alert certificate revoked",
	"expired certificate":             "sslv3 alert certificate expired",
	"unknown certificate":             "sslv3 alert certificate unknown",
	"illegal parameter":               "sslv3 alert illegal parameter",
	"decryption failed":               "tlsv1 alert decryption failed",
	"record overflow":                 "tlsv1 alert record overflow",
	"unknown certificate authority":   "tlsv1 alert unknown ca",
	"access denied":                   "tlsv1 alert access denied",
	"error decoding message":          "tlsv1 alert decode error",
	"error decrypting message":        "tlsv1 alert decrypt error",
	"export restriction":              "tlsv1 alert export restriction",
	"protocol version not supported":  "tlsv1 alert protocol version",
	"insufficient security level":     "tlsv1 alert insufficient security",
	"internal error":                  "tlsv1 alert internal error",
	"inappropriate fallback":          "tlsv1 alert inappropriate fallback",
	"user canceled":                   "tlsv1 alert user cancelled",
	"no renegotiation":                "tlsv1 alert no renegotiation",
	"unsupported extension":           "tlsv1 unsupported extension",
	"certificate unobtainable":        "tlsv1 certificate unobtainable",
	"unrecognized name":               "tlsv1 unrecognized name",
	"bad certificate status response": "tlsv1 bad certificate status response",
	"bad certificate hash value":      "tlsv1 bad certificate hash value",
	"unknown PSK identity":            "tlsv1 alert unknown psk identity",
	"missing extension":               "tlsv13 alert missing extension",
	"certificate required":            "tlsv13 alert certificate required",
	"no application protocol":         "tlsv1 alert no application protocol",
}

// reasonOf is OpenSSL's reason for a crypto/tls error, or "".
func reasonOf(err error) string {
	if errors.Is(err, errBadServerName) {
		return errBadServerName.Error()
	}
	var rhe tls.RecordHeaderError
	if errors.As(err, &rhe) && strings.Contains(rhe.Msg, "does not look like a TLS handshake") {
		return notTLSReason(rhe.RecordHeader)
	}
	var op *net.OpError
	if errors.As(err, &op) && (op.Op == "local error" || op.Op == "remote error") && op.Err != nil {
		text := strings.TrimPrefix(op.Err.Error(), "tls: ")
		if op.Op == "remote error" {
			return remoteAlerts[text]
		}
		return localAlerts[text]
	}
	text := err.Error()
	for _, r := range goReasons {
		if strings.Contains(text, r.goText) {
			return r.reason
		}
	}
	return ""
}

// notTLSReason is what OpenSSL 1.0's SSLv23 server (Node 0.7's default
// method) said about a first record that is not TLS: plain HTTP has its
// own reasons.
func notTLSReason(header [5]byte) string {
	h := string(header[:])
	for _, method := range []string{"GET ", "POST ", "HEAD ", "PUT "} {
		if strings.HasPrefix(h, method) {
			return "http request"
		}
	}
	if strings.HasPrefix(h, "CONNE") {
		return "https proxy request"
	}
	return "unknown protocol"
}

// codeOf is Node's code for an OpenSSL reason.
func codeOf(reason string) string {
	return "ERR_SSL_" + strings.ToUpper(strings.NewReplacer(" ", "_", "-", "_").Replace(reason))
}

// sslError is the Error for an OpenSSL reason: message and reason are the
// reason, code Node's name for it.
func sslError(e *jsbridge.Env, reason string) *goja.Object {
	obj := e.NewError(reason)
	obj.Set("reason", reason)
	obj.Set("code", codeOf(reason))
	return obj
}

// protocolError is the Error for a TLS failure no table knows: code
// EPROTO, and Go's text in the message, for the reader.
func protocolError(e *jsbridge.Env, err error, syscall string) *goja.Object {
	text := strings.TrimPrefix(strings.TrimPrefix(err.Error(), "local error: "), "tls: ")
	msg := "EPROTO: " + text
	if syscall != "" {
		msg = syscall + " " + msg
	}
	obj := e.NewError(msg)
	obj.Set("code", "EPROTO")
	obj.Set("errno", "EPROTO")
	if syscall != "" {
		obj.Set("syscall", syscall)
	}
	return obj
}

// isHangUp reports whether err is the peer going away: an end of stream,
// a reset or a broken pipe.
func isHangUp(err error) bool {
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE)
}

// handshakeError turns a failed handshake into the JS Error Node reports:
// an OpenSSL reason, "socket hang up" (ECONNRESET) when the peer went away,
// "TLS handshake timeout" (ETIMEDOUT), or a socket error with its code.
func handshakeError(e *jsbridge.Env, err error) *goja.Object {
	if errors.Is(err, context.DeadlineExceeded) {
		obj := e.NewError("TLS handshake timeout")
		obj.Set("code", "ETIMEDOUT")
		return obj
	}
	if isHangUp(err) {
		obj := e.NewError("socket hang up")
		obj.Set("code", "ECONNRESET")
		return obj
	}
	if text := err.Error(); strings.Contains(text, "-bit keys are insecure") {
		return keyTooSmallError(e, "an RSA key under 1024 bits needs --legacy-crypto ("+text+")")
	}
	if reason := reasonOf(err); reason != "" {
		return sslError(e, reason)
	}
	if code, _ := jsbridge.ErrnoCode(err); code != "UNKNOWN" {
		return e.SysError(err, "read")
	}
	return protocolError(e, err, "")
}

// keyTooSmallError is the Error for an RSA key under 1024 bits without
// --legacy-crypto (message names the flag): OpenSSL 3 refuses such keys
// as "ee key too small".
func keyTooSmallError(e *jsbridge.Env, message string) *goja.Object {
	obj := e.NewError(message)
	obj.Set("reason", "ee key too small")
	obj.Set("code", codeOf("ee key too small"))
	return obj
}

// ioError turns an error of an established TLS connection into the JS
// Error for its 'error' event: a bad record, an alert or a refused
// renegotiation by its OpenSSL reason, a socket error as net reports it
// ("read ECONNRESET"), anything else as EPROTO.
func ioError(e *jsbridge.Env, err error, syscall string) *goja.Object {
	if reason := reasonOf(err); reason != "" {
		return sslError(e, reason)
	}
	if code, _ := jsbridge.ErrnoCode(err); code != "UNKNOWN" {
		return e.SysError(err, syscall)
	}
	return protocolError(e, err, syscall)
}
