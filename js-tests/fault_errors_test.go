package jstests

// Errors after the handshake say what happened, with OpenSSL's reason and
// Node's code (README: Compatibility, After the handshake): the fault tests' echo server
// reports the code of each 'error' on its streams.

import (
	"crypto/tls"
	"io"
	"os/exec"
	"testing"
)

func TestErrorsAfterHandshake(t *testing.T) {
	check := leakCheck(t)
	r, port := startEcho(t, faultMode{})
	for _, tc := range []struct {
		name    string
		version uint16
		record  []byte
		code    string
	}{
		{"bad record MAC, TLS 1.2", tls.VersionTLS12, badMAC, "ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC"},
		{"bad record MAC, TLS 1.3", tls.VersionTLS13, badMAC, "ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC"},
		{"oversized record, TLS 1.2", tls.VersionTLS12, oversized, "ERR_SSL_PACKET_LENGTH_TOO_LONG"},
		{"oversized record, TLS 1.3", tls.VersionTLS13, oversized, "ERR_SSL_PACKET_LENGTH_TOO_LONG"},
		// Go checks the MAC (whose input has the type) before the type,
		// as OpenSSL 1.0 did for TLS 1.2.
		{"wrong content type", tls.VersionTLS12, wrongType, "ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC"},
		{"plaintext alert", tls.VersionTLS13, plainAlert, "ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			errs := r.count("error")
			cfg := insecure()
			cfg.MaxVersion = tc.version
			c, err := dialTLS(port, cfg)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			if _, err := c.Write([]byte("ping")); err != nil {
				t.Fatal(err)
			}
			if _, err := io.ReadFull(c, make([]byte, 4)); err != nil {
				t.Fatal(err)
			}
			if _, err := c.NetConn().Write(tc.record); err != nil {
				t.Fatal(err)
			}
			if _, err := readUntilClosed(c.NetConn()); err != nil {
				t.Fatal(err)
			}
			if codes := r.waitCount("error", errs+1); codes[errs] != tc.code {
				t.Errorf("'error' with code %q, want %q", codes[errs], tc.code)
			}
			mustEcho(t, r, port)
		})
	}

	t.Run("reset", func(t *testing.T) {
		errs := r.count("error")
		c, err := dialTLS(port, insecure())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Write([]byte("ping")); err != nil {
			t.Fatal(err)
		}
		if _, err := io.ReadFull(c, make([]byte, 4)); err != nil {
			t.Fatal(err)
		}
		resetClose(c.NetConn())
		if code := r.waitCount("error", errs+1)[errs]; code != "ECONNRESET" {
			t.Errorf("'error' with code %q after a reset", code)
		}
		mustEcho(t, r, port)
	})

	t.Run("renegotiation", func(t *testing.T) {
		if _, err := exec.LookPath("openssl"); err != nil {
			t.Skip("openssl is not installed (.ci/run installs it)")
		}
		errs := r.count("error")
		out, stdin, _ := startSClient(t, ".", port, "-tls1_2")
		out.waitFor(t, "---\n")
		if _, err := io.WriteString(stdin, "ping\n"); err != nil {
			t.Fatal(err)
		}
		out.waitFor(t, "ping\n")
		if _, err := io.WriteString(stdin, "R\n"); err != nil {
			t.Fatal(err)
		}
		if code := r.waitCount("error", errs+1)[errs]; code != "ERR_SSL_NO_RENEGOTIATION" {
			t.Errorf("'error' with code %q after a renegotiation request", code)
		}
		mustEcho(t, r, port)
	})

	r.sync()
	r.noBugEvents()
	r.stop()
	check()
}
