package runtime

import (
	"io"
	"os"
	"path/filepath"
	"sync/atomic"
)

// keyLog is where the runtime's TLS connections write their NSS key-log
// lines, set up at the first TLS context (see TLSKeyLog).
type keyLog struct {
	ready bool
	w     io.Writer
}

// tlsKeyLog implements jsbridge.Host's TLSKeyLog: Options.TLSKeyLog, else the file
// Options.TLSKeyLogFile or SSLKEYLOGFILE names, opened for appending at the
// first call and closed when the program ends. As Node does for
// --tls-keylog, the first call warns that the key material is written
// there; a file that cannot be opened or written gets one warning and no
// key log. A write error never fails a handshake.
func (r *Runtime) tlsKeyLog() io.Writer {
	if r.keyLog.ready {
		return r.keyLog.w
	}
	r.keyLog.ready = true
	if r.opts.TLSKeyLog != nil {
		r.keyLog.w = &keyLogWriter{w: r.opts.TLSKeyLog, r: r}
		return r.keyLog.w
	}
	name := r.opts.TLSKeyLogFile
	if name == "" {
		name, _ = r.env.LookupEnv("SSLKEYLOGFILE")
	}
	if name == "" {
		return nil
	}
	path := name
	if !filepath.IsAbs(path) {
		path = filepath.Join(r.cwd, path)
	}
	r.warn("tls-keylog", "TLS connections are insecure: their secret key material is written to "+name+
		" (--tls-keylog or SSLKEYLOGFILE)")
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		r.warn("tls-keylog-failed", "Failed to write TLS keylog (this warning will not be repeated): "+err.Error())
		return nil
	}
	r.afterEnd(func() { _ = f.Close() })
	r.keyLog.w = &keyLogWriter{w: f, r: r}
	return r.keyLog.w
}

// keyLogWriter hides write errors from crypto/tls, which would fail the
// handshake over one; the first is reported by a warning, on the loop.
type keyLogWriter struct {
	w      io.Writer
	r      *Runtime
	failed atomic.Bool
}

func (k *keyLogWriter) Write(p []byte) (int, error) {
	if _, err := k.w.Write(p); err != nil && !k.failed.Swap(true) {
		k.r.post(func() {
			k.r.warn("tls-keylog-failed", "Failed to write TLS keylog (this warning will not be repeated): "+err.Error())
		})
	}
	return len(p), nil
}
