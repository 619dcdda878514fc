package crypto

import (
	"crypto/tls"
	"errors"
	"strings"
)

// legacyHint ends every error about material that only --legacy-crypto
// allows, so that the message names the flag.
const legacyHint = "needs --legacy-crypto"

// protocolVersions maps later Node's minVersion/maxVersion names.
var protocolVersions = map[string]uint16{
	"TLSv1": tls.VersionTLS10, "TLSv1.1": tls.VersionTLS11,
	"TLSv1.2": tls.VersionTLS12, "TLSv1.3": tls.VersionTLS13,
}

// versionRange works out the TLS versions a context allows from
// secureProtocol (OpenSSL method names, as Node 0.7 took them) and the
// later minVersion/maxVersion. Versions below TLS 1.2 need legacy.
func versionRange(opts ContextOptions, legacy bool) (min, max uint16, err error) {
	min, max = tls.VersionTLS12, tls.VersionTLS13
	if legacy {
		min = tls.VersionTLS10
	}
	method := strings.TrimSuffix(strings.TrimSuffix(opts.SecureProtocol, "_client_method"), "_server_method")
	method = strings.TrimSuffix(method, "_method")
	switch method {
	case "", "SSLv23", "TLS":
	case "TLSv1":
		min, max = tls.VersionTLS10, tls.VersionTLS10
	case "TLSv1_1":
		min, max = tls.VersionTLS11, tls.VersionTLS11
	case "TLSv1_2":
		min, max = tls.VersionTLS12, tls.VersionTLS12
	case "SSLv2":
		return 0, 0, errors.New("SSLv2 methods disabled")
	case "SSLv3":
		return 0, 0, errors.New("SSLv3 methods disabled")
	default:
		return 0, 0, errors.New("Unknown method")
	}
	if opts.MinVersion != "" {
		v, ok := protocolVersions[opts.MinVersion]
		if !ok {
			return 0, 0, errors.New("minVersion: unknown protocol version " + opts.MinVersion)
		}
		min = v
	}
	if opts.MaxVersion != "" {
		v, ok := protocolVersions[opts.MaxVersion]
		if !ok {
			return 0, 0, errors.New("maxVersion: unknown protocol version " + opts.MaxVersion)
		}
		max = v
	}
	if min < tls.VersionTLS12 && !legacy {
		return 0, 0, errors.New("TLS 1.0 and 1.1 " + legacyHint)
	}
	if min > max {
		return 0, 0, errors.New("minVersion is above maxVersion")
	}
	return min, max, nil
}
