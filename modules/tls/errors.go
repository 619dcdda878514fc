package tls

import (
	"context"
	"errors"
	"io"
	"strings"
	"syscall"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
)

// goReasons maps crypto/tls error texts to the OpenSSL reasons that Node
// 0.7 scripts match in error messages (COMPAT.md, Error texts).
var goReasons = []struct{ goText, reason string }{
	{"first record does not look like a TLS handshake", "unknown protocol"},
	{"client didn't provide a certificate", "peer did not return a certificate"},
	{"no cipher suite supported by both client and server", "no shared cipher"},
	{"client offered only unsupported versions", "unsupported protocol"},
	{"server selected unsupported protocol version", "unsupported protocol"},
	{"unsupported SSLv2 handshake received", "unknown protocol"},
	{"bad record MAC", "decryption failed or bad record mac"},
	{"oversized record received", "record overflow"},
}

// handshakeError turns a failed handshake into the JS Error Node reports:
// the OpenSSL reason as message (with reason and code properties), or a
// socket error with its code.
func handshakeError(e *jsbridge.Env, err error) *goja.Object {
	if errors.Is(err, context.DeadlineExceeded) {
		obj := e.NewError("TLS handshake timeout")
		obj.Set("code", "ETIMEDOUT")
		return obj
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) {
		obj := e.NewError("socket hang up")
		obj.Set("code", "ECONNRESET")
		return obj
	}
	text := err.Error()
	if strings.Contains(text, "-bit keys are insecure") {
		// Go refuses RSA keys under 1024 bits unless --legacy-crypto.
		return e.NewError("an RSA key under 1024 bits needs --legacy-crypto (" + text + ")")
	}
	reason := ""
	if alert, ok := strings.CutPrefix(text, "remote error: tls: "); ok {
		reason = "sslv3 alert " + alert
	} else {
		for _, r := range goReasons {
			if strings.Contains(text, r.goText) {
				reason = r.reason
				break
			}
		}
	}
	if reason == "" {
		if code, _ := jsbridge.ErrnoCode(err); code != "UNKNOWN" {
			return e.SysError(err, "read")
		}
		reason = strings.TrimPrefix(strings.TrimPrefix(text, "local error: "), "tls: ")
	}
	obj := e.NewError(reason)
	obj.Set("reason", reason)
	obj.Set("code", "ERR_SSL_"+strings.ToUpper(strings.NewReplacer(" ", "_", "-", "_").Replace(reason)))
	return obj
}
