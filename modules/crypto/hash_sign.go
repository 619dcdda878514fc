package crypto

import (
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"strings"

	"github.com/dop251/goja"
)

// Sign and Verify hash what update() is given with the named digest, then
// sign it with a PEM private key, or check a signature with a PEM public
// key or certificate: RSA (PKCS #1 v1.5) and, as OpenSSL 1.0 also allowed,
// ECDSA. DSA keys are not supported.

// signNew(obj, verify) gives a new Sign or Verify object its state; init
// starts it.
func (b *hashBinding) signNew(call goja.FunctionCall) goja.Value {
	kind := kindSign
	if call.Argument(1).ToBoolean() {
		kind = kindVerify
	}
	b.e.Wrap(call.Argument(0).ToObject(b.vm), &digestState{kind: kind})
	return goja.Undefined()
}

// signInit(obj, algorithm) starts a Sign.
func (b *hashBinding) signInit(call goja.FunctionCall) goja.Value {
	return b.startSignature(call, "Must give signtype string as argument", "SignInit error")
}

// verifyInit(obj, algorithm) starts a Verify.
func (b *hashBinding) verifyInit(call goja.FunctionCall) goja.Value {
	return b.startSignature(call, "Must give verifytype string as argument", "VerifyInit error")
}

func (b *hashBinding) startSignature(call goja.FunctionCall, notString, unknown string) goja.Value {
	st := b.state(call.Argument(0))
	name, ok := call.Argument(1).Export().(string)
	if !ok {
		b.throwError(notString)
	}
	d := digestByName(name)
	if d == nil {
		b.throwError(unknown)
	}
	st.h, st.digest = d.new(), d
	return goja.Undefined()
}

// sign(obj, private_key, [output_format]) returns the signature. As in
// 0.7, a key that does not load, or a Sign already used, gives an empty string (and the
// Sign may still be used with another key in the first case).
func (b *hashBinding) sign(call goja.FunctionCall) goja.Value {
	st := b.state(call.Argument(0))
	keyPEM := b.binaryArg(call.Argument(1))
	if st.h == nil {
		return b.vm.ToValue("")
	}
	key := parsePrivateKeyPEM(keyPEM)
	if key == nil {
		return b.vm.ToValue("")
	}
	digest := st.h.Sum(nil)
	var sig []byte
	var err error
	switch k := key.(type) {
	case *rsa.PrivateKey:
		b.checkRSASize(k.N.BitLen())
		msg := append(st.digest.digestInfoPrefix(len(digest)), digest...)
		sig, err = rsa.SignPKCS1v15(rand.Reader, k, 0, msg)
	case *ecdsa.PrivateKey:
		sig, err = ecdsa.SignASN1(rand.Reader, k, digest)
	}
	if err != nil {
		b.throwError(err.Error())
	}
	st.h = nil
	name := b.outputName(call.Argument(2), "Sign .sign")
	if name == "" {
		return b.vm.ToValue("")
	}
	return b.encode(sig, name)
}

// verify(obj, object, signature, [signature_format]) reports whether
// signature is right for the data, checked with object: a PEM public key
// ("-----BEGIN PUBLIC KEY-----" first) or X.509 certificate. A key that does
// not load gives false, as does a Verify already used.
func (b *hashBinding) verify(call goja.FunctionCall) goja.Value {
	st := b.state(call.Argument(0))
	keyPEM := b.binaryArg(call.Argument(1))
	sig := b.binaryArg(call.Argument(2))
	if s, ok := call.Argument(3).Export().(string); ok {
		switch strings.ToLower(s) {
		case "hex":
			sig = hexDecode(sig)
		case "base64":
			sig = base64Decode(sig)
		case "binary", "latin1", "buffer":
		default:
			b.warn("node-crypto : Verify .verify encoding can be binary, hex or base64\n")
			return b.vm.ToValue(false)
		}
	}
	if st.h == nil {
		return b.vm.ToValue(false)
	}
	key := parsePublicKeyPEM(keyPEM)
	if key == nil {
		return b.vm.ToValue(false)
	}
	digest := st.h.Sum(nil)
	st.h = nil
	switch k := key.(type) {
	case *rsa.PublicKey:
		b.checkRSASize(k.N.BitLen())
		msg := append(st.digest.digestInfoPrefix(len(digest)), digest...)
		return b.vm.ToValue(rsa.VerifyPKCS1v15(k, 0, msg, sig) == nil)
	case *ecdsa.PublicKey:
		return b.vm.ToValue(ecdsa.VerifyASN1(k, digest, sig))
	}
	return b.vm.ToValue(false)
}

// checkRSASize refuses, naming the flag, the small RSA keys that Go only
// accepts under --legacy-crypto.
func (b *hashBinding) checkRSASize(bits int) {
	if bits < 1024 && !b.e.Host().LegacyCrypto() {
		b.throwError("RSA keys under 1024 bits need --legacy-crypto")
	}
}

// parsePrivateKeyPEM loads the first private key PEM block of data:
// PKCS #1 RSA, SEC 1 EC, or unencrypted PKCS #8. Encrypted keys (0.7 would
// have asked for a passphrase on the terminal) do not load.
func parsePrivateKeyPEM(data []byte) any {
	for {
		block, rest := pem.Decode(data)
		if block == nil {
			return nil
		}
		data = rest
		if _, encrypted := block.Headers["Proc-Type"]; encrypted {
			return nil
		}
		switch block.Type {
		case "RSA PRIVATE KEY":
			k, err := x509.ParsePKCS1PrivateKey(block.Bytes)
			if err != nil {
				return nil
			}
			return k
		case "EC PRIVATE KEY":
			k, err := x509.ParseECPrivateKey(block.Bytes)
			if err != nil {
				return nil
			}
			return k
		case "PRIVATE KEY":
			k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
			if err != nil {
				return nil
			}
			switch k.(type) {
			case *rsa.PrivateKey, *ecdsa.PrivateKey:
				return k
			}
			return nil
		}
	}
}

// parsePublicKeyPEM loads what 0.7's Verify accepted: a PEM "PUBLIC KEY"
// (SubjectPublicKeyInfo) when the text starts with one, or else the first
// certificate in it.
func parsePublicKeyPEM(data []byte) any {
	if strings.HasPrefix(string(data), "-----BEGIN PUBLIC KEY-----") {
		block, _ := pem.Decode(data)
		if block == nil {
			return nil
		}
		k, err := x509.ParsePKIXPublicKey(block.Bytes)
		if err != nil {
			return nil
		}
		return k
	}
	for {
		block, rest := pem.Decode(data)
		if block == nil {
			return nil
		}
		data = rest
		switch block.Type {
		case "CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE":
			cert, err := x509.ParseCertificate(block.Bytes)
			if err != nil {
				return nil
			}
			return cert.PublicKey
		}
	}
}
