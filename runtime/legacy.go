package runtime

import (
	"os"
	"strings"
	"sync"
)

// legacyGodebug are the Go settings --legacy-crypto needs: RSA keys under
// 1024 bits, SHA-1 signatures in TLS 1.2 handshakes, TLS 1.0 servers, RSA
// key exchange and 3DES suites. Go reads GODEBUG again when it changes, so
// setting it here takes effect; it is process-wide, which is why gojatls
// also applies its own per-context policy (modules/crypto) rather than
// relying on Go's defaults.
var legacyGodebug = []string{"rsa1024min=0", "tlssha1=1", "tls10server=1", "tlsrsakex=1", "tls3des=1"}

var legacyOnce sync.Once

func enableLegacyCrypto() {
	legacyOnce.Do(func() {
		settings := os.Getenv("GODEBUG")
		for _, s := range legacyGodebug {
			if settings != "" {
				settings += ","
			}
			settings += s
		}
		_ = os.Setenv("GODEBUG", strings.TrimPrefix(settings, ","))
	})
}
