package crypto

import (
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/dop251/goja"

	"github.com/gojatls/gojatls/jsbridge"
	"github.com/gojatls/gojatls/modules/tls/certs"
)

// SecureContext is what crypto.createCredentials(details).context holds:
// the key and certificate chain, the trusted CAs, and the policy that every
// TLS connection made with it shares. It is immutable once built, so
// handshake goroutines may read it.
type SecureContext struct {
	// Certificate is the key and chain to present; nil when none was given.
	Certificate *tls.Certificate
	// CAs are the trusted certificates when the ca option was given (even
	// empty); nil means the default roots.
	CAs []*x509.Certificate
	// DefaultRoots are the trusted certificates when the ca option was not
	// given: the runtime's default roots with NODE_EXTRA_CA_CERTS's. nil
	// means certs.DefaultRoots() (a context built outside a runtime).
	DefaultRoots []*x509.Certificate
	// KeyLog receives the NSS key-log lines of the context's connections
	// (--tls-keylog, SSLKEYLOGFILE, or the embedder's writer), or is nil.
	KeyLog io.Writer
	// Options are the details the context was made from, for the parts
	// (ciphers, protocols, CRLs) that tls applies per connection.
	Options ContextOptions
	// Legacy is --legacy-crypto: SHA-1 and MD5 signatures verify, TLS 1.0
	// and 1.1, RC4 and 3DES may be chosen.
	Legacy bool
	// MinVersion and MaxVersion are the TLS versions allowed.
	MinVersion, MaxVersion uint16
	// CRLs feed the verifier; with any, every certificate needs its
	// issuer's CRL.
	CRLs []*certs.CRL
	// Warning is set when the ciphers option selected nothing usable and
	// was ignored.
	Warning string

	ciphers cipherPolicy
}

// ContextOptions are the createCredentials details, and the same-named
// options of tls.createServer and tls.connect.
type ContextOptions struct {
	Key              []byte   `js:"key"`
	Passphrase       *string  `js:"passphrase"`
	Cert             []byte   `js:"cert"`
	CA               [][]byte `js:"ca"`
	CRL              [][]byte `js:"crl"`
	Ciphers          string   `js:"ciphers"`
	SecureProtocol   string   `js:"secureProtocol"`
	SessionIDContext string   `js:"sessionIdContext"`
	MinVersion       string   `js:"minVersion"`
	MaxVersion       string   `js:"maxVersion"`
	HasCA            bool
}

// TrustedCAs is the trust store verification uses: the ca option, or the
// default roots (the system bundle, else Mozilla's list).
func (c *SecureContext) TrustedCAs() []*x509.Certificate {
	if c.Options.HasCA {
		return c.CAs
	}
	if c.DefaultRoots != nil {
		return c.DefaultRoots
	}
	return certs.DefaultRoots()
}

// NewSecureContext builds a context from decoded details; the error names
// the option at fault. legacy is --legacy-crypto.
func NewSecureContext(opts ContextOptions, legacy bool) (*SecureContext, error) {
	ctx := &SecureContext{Options: opts, Legacy: legacy}
	var err error
	if ctx.MinVersion, ctx.MaxVersion, err = versionRange(opts, legacy); err != nil {
		return nil, err
	}
	if opts.Ciphers != "" && !ctx.ciphers.setCiphers(opts.Ciphers, legacy) {
		ctx.Warning = "the cipher list '" + opts.Ciphers + "' selects no cipher suite gojatls can use; the default list stays"
	}
	for _, pemCRL := range opts.CRL {
		crls, err := certs.ParseCRLs("crl", pemCRL)
		if err != nil {
			return nil, err
		}
		ctx.CRLs = append(ctx.CRLs, crls...)
	}
	if len(opts.Key) > 0 || len(opts.Cert) > 0 {
		var passphrase []byte
		if opts.Passphrase != nil {
			passphrase = []byte(*opts.Passphrase)
		}
		pair, err := certs.KeyPair(opts.Key, opts.Cert, passphrase)
		if err != nil {
			return nil, err
		}
		if bits := RSABits(pair.PrivateKey); bits > 0 {
			if bits < 1024 && !legacy {
				return nil, fmt.Errorf("key: an RSA key of %d bits %s", bits, legacyHint)
			}
			if bits < 528 && ctx.MaxVersion > tls.VersionTLS12 {
				// No TLS 1.3 signature fits a key this small.
				ctx.MaxVersion = tls.VersionTLS12
			}
		}
		ctx.Certificate = &pair
	}
	if opts.HasCA {
		cas, err := certs.ParseCAs(opts.CA)
		if err != nil {
			return nil, err
		}
		ctx.CAs = cas
	}
	return ctx, nil
}

type contextProtoKey struct{}

// ContextFromJS reads the options object v (createCredentials' details, or
// tls's options) into a SecureContext, throwing a JS Error on bad input.
func ContextFromJS(e *jsbridge.Env, v goja.Value) *SecureContext {
	var opts ContextOptions
	e.Decode(v, "options", &opts)
	if obj, ok := v.(*goja.Object); ok {
		if ca := obj.Get("ca"); ca != nil && !goja.IsUndefined(ca) && !goja.IsNull(ca) {
			opts.HasCA = true
		}
	}
	ctx, err := NewSecureContext(opts, e.Host().LegacyCrypto())
	if err != nil {
		obj := e.NewError(err.Error())
		var certErr *certs.Error
		if errors.As(err, &certErr) && certErr.Code != "" {
			obj.Set("code", certErr.Code)
		}
		panic(obj)
	}
	if ctx.Warning != "" {
		e.Host().Warn("ciphers", ctx.Warning)
	}
	if !opts.HasCA {
		ctx.DefaultRoots = defaultRoots(e)
	}
	ctx.KeyLog = e.Host().TLSKeyLog()
	return ctx
}

type rootsKey struct{}

// defaultRoots is what this runtime's contexts without a ca option trust:
// the default roots, and the certificates of the PEM file that
// NODE_EXTRA_CA_CERTS names (from the environment the program started
// with), read once, at the first such context. A file that cannot be read
// or holds a bad certificate adds none, and Node's warning (which
// --no-warnings does not silence in Node either) says so.
func defaultRoots(e *jsbridge.Env) []*x509.Certificate {
	return e.Local(rootsKey{}, func() any {
		roots := certs.DefaultRoots()
		name, _ := e.LookupEnv("NODE_EXTRA_CA_CERTS")
		if name == "" {
			return roots
		}
		path := name
		if !filepath.IsAbs(path) {
			path = filepath.Join(e.Host().Cwd(), path)
		}
		extra, err := certs.ReadExtraRoots(path)
		if err != nil {
			_, _, stderr := e.Host().Stdio()
			fmt.Fprintf(stderr, "Warning: Ignoring extra certs from `%s`, load failed: %v\n", name, err)
			return roots
		}
		return append(roots[:len(roots):len(roots)], extra...)
	}).([]*x509.Certificate)
}

// WrapContext makes the JS SecureContext object for ctx.
func WrapContext(e *jsbridge.Env, ctx *SecureContext) *goja.Object {
	proto := e.Local(contextProtoKey{}, func() any {
		proto := e.VM.NewObject()
		e.SetFuncs(proto, map[string]func(goja.FunctionCall) goja.Value{
			// setCiphers(string): 0.7's SecureContext method. A string
			// that selects nothing keeps the list and warns.
			"setCiphers": func(call goja.FunctionCall) goja.Value {
				c := jsbridge.MustUnwrap[*SecureContext](e, call.This, "SecureContext")
				spec, ok := call.Argument(0).Export().(string)
				if !ok {
					e.ThrowTypeError("Bad parameter")
				}
				if !c.ciphers.setCiphers(spec, c.Legacy) {
					e.Host().Warn("ciphers", "the cipher list '"+spec+"' selects no cipher suite gojatls can use; the list stays")
				}
				return goja.Undefined()
			},
		})
		return proto
	}).(*goja.Object)
	return e.NewWrapped(proto, ctx)
}

// UnwrapContext returns the Go context behind a JS SecureContext (a
// credentials object's .context), if v is one.
func UnwrapContext(v goja.Value) (*SecureContext, bool) {
	return jsbridge.Unwrap[*SecureContext](v)
}

// credentialsNative adds createContext(details) -> SecureContext, which
// crypto.createCredentials wraps.
func credentialsNative(e *jsbridge.Env, binding *goja.Object) {
	e.SetFuncs(binding, map[string]func(goja.FunctionCall) goja.Value{
		"createContext": func(call goja.FunctionCall) goja.Value {
			return WrapContext(e, ContextFromJS(e, call.Argument(0)))
		},
	})
}

// RSABits is the size of an RSA key (private or public), or 0 for other keys.
func RSABits(key any) int {
	switch k := key.(type) {
	case *rsa.PrivateKey:
		return k.N.BitLen()
	case *rsa.PublicKey:
		return k.N.BitLen()
	}
	return 0
}

// PeerKeyError is the error for a peer certificate whose RSA key is under
// 1024 bits when --legacy-crypto is off, or "".
func (c *SecureContext) PeerKeyError(cert *x509.Certificate) string {
	if c.Legacy || cert == nil {
		return ""
	}
	if bits := RSABits(cert.PublicKey); bits > 0 && bits < 1024 {
		return fmt.Sprintf("the peer's RSA key of %d bits %s", bits, legacyHint)
	}
	return ""
}
